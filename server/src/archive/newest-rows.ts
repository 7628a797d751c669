// The newest archived runs in the list's newest-first order, held in memory: every archived run from
// the newest down to the oldest one held, none left out (`complete` when that is the whole archive).
// A page of the default order whose rows all lie within it is read from it alone, filtered and
// ordered exactly as the SQL would (archive-sql.ts); a page reaching past its oldest run is not
// answered here (the caller reads PostgreSQL). Pure data: archive-window.ts keeps it current.
import type { WorkflowRow } from '@argovue/api-types';
import { compareRows, compareText, rowMatcher } from '@argovue/api-types/workflow-rows';
import type { ArchiveListQuery } from './archive-sql.ts';

export interface NewestRun {
  uid: string;
  /** The archive's creationtimestamp column (ms, UTC), which the SQL orders and filters by; null sorts first. */
  createdMs: number | null;
  row: WorkflowRow;
}

/** The list's order by namespace, then name, by code point: the SQL's COLLATE "C" for Kubernetes names. */
const byName = compareRows('name', 0);

/**
 * PostgreSQL's `creationtimestamp DESC, namespace COLLATE "C", name COLLATE "C"` (DESC puts nulls
 * first); the uid last, so that two runs never tie.
 */
export function newestFirst(a: NewestRun, b: NewestRun): number {
  if (a.createdMs !== b.createdMs) {
    if (a.createdMs === null) return -1;
    if (b.createdMs === null) return 1;
    return b.createdMs - a.createdMs;
  }
  return byName(a.row, b.row) || compareText(a.uid, b.uid);
}

export class NewestRows {
  readonly capacity: number;
  /** Newest first (`newestFirst`). */
  #runs: NewestRun[] = [];
  readonly #byUid = new Map<string, NewestRun>();
  /** True when the archive holds no run older than the oldest held. */
  #complete = false;
  #version = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.#runs.length;
  }

  get complete(): boolean {
    return this.#complete;
  }

  /** Counts the changes: a page read at one version is the same at that version. */
  get version(): number {
    return this.#version;
  }

  /**
   * Holds these runs instead: the archive's newest, in order, as read. More than the capacity means
   * older runs exist: the oldest are let go.
   */
  replace(newest: readonly NewestRun[]): void {
    this.#version++;
    // Sorted as read, but PostgreSQL leaves runs of the same time, namespace and name in any order:
    // sorted by uid too, so that a run's place can be searched for (already in order: one pass).
    this.#runs = [...newest].sort(newestFirst).slice(0, this.capacity);
    this.#complete = newest.length <= this.capacity;
    this.#byUid.clear();
    for (const run of this.#runs) this.#byUid.set(run.uid, run);
  }

  /**
   * A run as the archive now holds it: held when it is newer than the oldest held (or all are
   * held), else not (an older run than that is read from PostgreSQL when a page gets there).
   */
  upsert(run: NewestRun): void {
    this.remove(run.uid);
    this.#version++;
    const oldest = this.#runs.at(-1);
    if (!this.#complete && (oldest === undefined || newestFirst(run, oldest) > 0)) return;
    this.#runs.splice(this.#place(run), 0, run);
    this.#byUid.set(run.uid, run);
    if (this.#runs.length > this.capacity) {
      const dropped = this.#runs.pop() as NewestRun;
      this.#byUid.delete(dropped.uid);
      this.#complete = false;
    }
  }

  /** A run the archive no longer holds. */
  remove(uid: string): void {
    const run = this.#byUid.get(uid);
    if (run === undefined) return;
    this.#version++;
    this.#byUid.delete(uid);
    // The order is total (the uid breaks ties): its place is where it is.
    this.#runs.splice(this.#place(run), 1);
  }

  /** Where `run` is, or goes, in the order: the first held run not before it (a binary search). */
  #place(run: NewestRun): number {
    let low = 0;
    let high = this.#runs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (newestFirst(this.#runs[middle] as NewestRun, run) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Rows `offset` to `offset + limit` of the default (newest-first) order matching `query`, and
   * whether more follow, as the SQL would read them; undefined when they are not all known here.
   */
  page(
    query: ArchiveListQuery,
    offset: number,
    limit: number,
  ): { rows: WorkflowRow[]; more: boolean } | undefined {
    if (query.sort !== '-createdAt') return undefined;
    const rows: WorkflowRow[] = [];
    let skipped = 0;
    for (const row of this.#matches(query)) {
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (rows.length === limit) return { rows, more: true };
      rows.push(row);
    }
    return this.#complete ? { rows, more: false } : undefined;
  }

  /**
   * How many runs match `query`, counting at most `cap + 1` as the SQL does; undefined unless the
   * window is the whole archive.
   */
  count(query: ArchiveListQuery, cap: number): number | undefined {
    if (!this.#complete) return undefined;
    let counted = 0;
    const matches = this.#matches(query);
    while (counted <= cap && matches.next().done !== true) counted++;
    return counted;
  }

  /** The rows matching `query` in the window's order. */
  *#matches(query: ArchiveListQuery): Generator<WorkflowRow> {
    const namespaces = new Set(query.namespaces);
    const since = query.filter.createdSince;
    // The SQL compares the column for `createdSince`, as the order does: not the object's text.
    const matches = rowMatcher({ ...query.filter, createdSince: undefined });
    const isLive = liveTest(query.live);
    for (const run of this.#runs) {
      const { row } = run;
      if (!namespaces.has(row.namespace) || !matches(row)) continue;
      if (since !== undefined && (run.createdMs === null || run.createdMs < since)) continue;
      if (isLive(run)) continue;
      yield row;
    }
  }
}

/**
 * Whether a run is one the cluster still holds (listed live, never from the archive): the same
 * namespace, name and creation time (archive-sql.ts's NOT EXISTS).
 */
function liveTest(live: ArchiveListQuery['live']): (run: NewestRun) => boolean {
  if (live.names.length === 0) return () => false;
  const created = new Map<string, number>();
  live.names.forEach((name, i) =>
    created.set(`${live.namespaces[i]}/${name}`, Date.parse(live.createdAts[i] ?? '')),
  );
  return (run) =>
    run.createdMs !== null && created.get(`${run.row.namespace}/${run.row.name}`) === run.createdMs;
}
