// A workflow list with the archive beside the live rows: both in the list's one order, paged by a
// token holding how far each has been read (`live.archived`). Archived rows come only from the
// namespaces the caller passes (those Kubernetes lets the user list workflows in), and a run still in
// the cluster is listed once, live (the archive query leaves it out).
import type { WorkflowListTotal, WorkflowRow } from '@argovue/api-types';
import { compareRows } from '@argovue/api-types/workflow-rows';
import type { WorkflowDirectory } from '../workflows/workflow-directory.ts';
import { rowFilterOf, type WorkflowQuery } from '../workflows/list/query.ts';
import { ListBody, mergedPage } from '../workflows/list/list-body.ts';
import { listBodyJson } from '../workflows/list/row-json.ts';
import type { ArchiveListQuery } from './archive-sql.ts';
import type { ArchivePage, WorkflowArchive } from './workflow-archive.ts';

/** Where a page starts in each source: a `continue` token `live.archived` (a bare number is live). */
export function pageStart(token: string | undefined): { live: number; archived: number } {
  const [live = '0', archived = '0'] = (token ?? '0').split('.');
  return { live: Number(live), archived: Number(archived) };
}

/**
 * Up to `limit` rows of two lists already in `compare`'s order, in that order, and how many each
 * gave. On a tie the live row goes first.
 */
export function mergeInOrder(
  live: readonly WorkflowRow[],
  archived: readonly WorkflowRow[],
  limit: number,
  compare: (a: WorkflowRow, b: WorkflowRow) => number,
): { rows: WorkflowRow[]; liveTaken: number; archivedTaken: number } {
  const rows: WorkflowRow[] = [];
  let i = 0;
  let j = 0;
  while (rows.length < limit) {
    const a = live[i];
    const b = archived[j];
    if (a === undefined && b === undefined) break;
    if (b === undefined || (a !== undefined && compare(a, b) <= 0)) {
      rows.push(a as WorkflowRow);
      i++;
    } else {
      rows.push(b);
      j++;
    }
  }
  return { rows, liveTaken: i, archivedTaken: j };
}

/**
 * The JSON of a WorkflowList of live and archived rows (row-json.ts for each row's JSON), kept
 * compressed, as a live list's pages are, while its live snapshot and its reused archived page last.
 */
export async function mergedListJson(
  workflows: Pick<WorkflowDirectory, 'liveMatches' | 'liveRuns' | 'loading'>,
  archive: Pick<WorkflowArchive, 'list'>,
  namespaces: readonly string[],
  query: WorkflowQuery,
  log: (message: string) => void,
): Promise<ListBody> {
  const { rows: live, eventId } = workflows.liveMatches(namespaces, query);
  const start = pageStart(query.continue);
  const liveWindow = live.slice(start.live, start.live + query.limit);
  let archived: ArchivePage = { rows: [], more: false, count: { total: 0, capped: false } };
  let unavailable = false;
  try {
    archived = await archive.list(archiveQuery(workflows, namespaces, query), start.archived, query.limit);
  } catch (error) {
    // The live list does not depend on the archive: it is served, and says the archive is missing.
    unavailable = true;
    log(
      `workflow archive: could not be read for a list: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const page = mergeInOrder(liveWindow, archived.rows, query.limit, compareRows(query.sort, Date.now()));
  const nextLive = start.live + page.liveTaken;
  const nextArchived = start.archived + page.archivedTaken;
  // From the page itself (it read one row more), so paging is exact whatever the count says.
  const archivedMore = page.archivedTaken < archived.rows.length || archived.more;
  const more = nextLive < live.length || (!unavailable && archivedMore);
  // The count may be a few seconds old (workflow-archive.ts): never fewer than the rows known to exist.
  const archivedKnown = start.archived + archived.rows.length + (archived.more ? 1 : 0);
  // Not counted yet: the rows go now with what is known, and the web app asks for the total after.
  const counting = !unavailable && archived.more && archived.count === undefined;
  const archivedTotal = unavailable
    ? 0
    : archived.more
      ? Math.max(archived.count?.total ?? 0, archivedKnown)
      : archivedKnown;
  const tail = {
    total: live.length + archivedTotal,
    ...(archived.count?.capped === true || counting || workflows.loading ? { totalAtLeast: true } : {}),
    ...(counting ? { totalCounting: true } : {}),
    ...(workflows.loading ? { loading: true } : {}),
    ...(more ? { continue: `${nextLive}.${nextArchived}` } : {}),
    eventId,
    ...(unavailable ? { archive: 'unavailable' } : {}),
  };
  // Archived rows in the same encoding as live ones (compact when asked: the web app's).
  const make = (): string => listBodyJson(page.rows, tail, query.format);
  // An order by duration compares running rows by the clock (the merge above): not kept.
  if (unavailable || query.sort === 'duration' || query.sort === '-duration') return new ListBody(make);
  // The same live snapshot, archived page, offsets and tail are the same bytes.
  const key = `${query.format ?? 'objects'} ${query.continue ?? ''} ${query.limit} ${query.sort} ${JSON.stringify(tail)}`;
  return mergedPage(live, archived.rows, key, make);
}

function archiveQuery(
  workflows: Pick<WorkflowDirectory, 'liveRuns'>,
  namespaces: readonly string[],
  query: WorkflowQuery,
): ArchiveListQuery {
  return { namespaces, filter: rowFilterOf(query), sort: query.sort, live: workflows.liveRuns(namespaces) };
}

/**
 * How many rows the list of `query` holds, live and archived: what a page of it leaves to be asked
 * for when the archive was not counted yet (`totalCounting`).
 */
export async function mergedListTotal(
  workflows: Pick<WorkflowDirectory, 'liveMatches' | 'liveRuns' | 'loading'>,
  archive: Pick<WorkflowArchive, 'count'>,
  namespaces: readonly string[],
  query: WorkflowQuery,
  log: (message: string) => void,
): Promise<WorkflowListTotal> {
  const live = workflows.liveMatches(namespaces, query).rows.length;
  const loading = workflows.loading ? { totalAtLeast: true as const } : {};
  try {
    const counted = await archive.count(archiveQuery(workflows, namespaces, query));
    return { total: live + counted.total, ...(counted.capped ? { totalAtLeast: true } : loading) };
  } catch (error) {
    log(
      `workflow archive: could not be counted for a list: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { total: live, totalAtLeast: true, archive: 'unavailable' };
  }
}
