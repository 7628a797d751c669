import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowRow } from '@argovue/api-types';
import { compareRows, sortRows, WORKFLOW_SORTS } from '@argovue/api-types/workflow-rows';
import { mergedListJson, mergedListTotal, mergeInOrder, pageStart } from './merged-list.ts';

function row(name: string, createdAt: string, extra: Partial<WorkflowRow> = {}): WorkflowRow {
  return { namespace: 'team-a', name, phase: 'Succeeded', createdAt, labels: {}, ...extra };
}

interface MergedPage {
  items: WorkflowRow[];
  total: number;
  totalAtLeast?: true;
  totalCounting?: true;
  continue?: string;
}

/** A merged list of team-a read in pages of 2 from the first on (10 at most), each with its JSON. */
async function* pagesOf(
  workflows: Parameters<typeof mergedListJson>[0],
  archive: Parameters<typeof mergedListJson>[1],
): AsyncGenerator<{ list: MergedPage; json: string }> {
  let token: string | undefined;
  for (let page = 0; page < 10; page++) {
    const json = (
      await mergedListJson(
        workflows,
        archive,
        ['team-a'],
        { sort: '-createdAt', limit: 2, ...(token === undefined ? {} : { continue: token }) },
        () => undefined,
      )
    ).json();
    const list = JSON.parse(json) as MergedPage;
    yield { list, json };
    token = list.continue;
    if (token === undefined) return;
  }
}

/** An archive holding `rows` (newest first), read in pages, whose count says `count` (undefined: not yet). */
function pagedArchive(rows: readonly WorkflowRow[], count: { total: number; capped: boolean } | undefined) {
  return {
    list: (_query: unknown, offset: number, limit: number) =>
      Promise.resolve({
        rows: rows.slice(offset, offset + limit),
        more: offset + limit < rows.length,
        count,
      }),
  };
}

/** The live side of a list: `rows` match, and none of the archive's runs is live. */
function liveMatching(rows: WorkflowRow[]) {
  return {
    liveMatches: () => ({ rows, eventId: '1' }),
    liveRuns: () => ({ namespaces: [], names: [], createdAts: [] }),
    loading: false,
  };
}

const now = Date.parse('2026-12-04T12:00:00Z');
const live = [
  row('live-1', '2026-12-04T10:00:00Z', { startedAt: '2026-12-04T10:00:00Z', phase: 'Running' }),
  row('live-2', '2026-12-04T08:00:00Z', {
    startedAt: '2026-12-04T08:00:00Z',
    finishedAt: '2026-12-04T08:00:05Z',
  }),
  row('live-3', '2026-12-04T06:00:00Z'),
];
const archived = [
  row('old-1', '2026-12-04T09:00:00Z', {
    startedAt: '2026-12-04T09:00:00Z',
    finishedAt: '2026-12-04T09:30:00Z',
    archivedUid: 'u1',
  }),
  row('old-2', '2026-12-04T07:00:00Z', {
    startedAt: '2026-12-04T07:00:00Z',
    finishedAt: '2026-12-04T07:00:01Z',
    archivedUid: 'u2',
  }),
  row('old-3', '2026-12-03T07:00:00Z', { archivedUid: 'u3' }),
];

describe('a list of live and archived rows', () => {
  it('pages through both in the one order of each sort, each row once, however small the pages', () => {
    for (const sort of WORKFLOW_SORTS) {
      const compare = compareRows(sort, now);
      const a = [...live];
      const b = [...archived];
      sortRows(a, sort, now);
      sortRows(b, sort, now);
      const expected = [...a, ...b];
      sortRows(expected, sort, now);
      for (const limit of [1, 2, 4, 10]) {
        const seen: WorkflowRow[] = [];
        let start = pageStart(undefined);
        for (;;) {
          const page = mergeInOrder(
            a.slice(start.live, start.live + limit),
            b.slice(start.archived),
            limit,
            compare,
          );
          seen.push(...page.rows);
          start = { live: start.live + page.liveTaken, archived: start.archived + page.archivedTaken };
          if (page.rows.length === 0) break;
          const token = pageStart(`${start.live}.${start.archived}`);
          assert.deepEqual(token, start);
        }
        assert.deepEqual(
          seen.map((r) => r.name),
          expected.map((r) => r.name),
          `${sort}, pages of ${limit}`,
        );
      }
    }
  });

  it('reads a bare number (a live-only token) as the live offset', () => {
    assert.deepEqual(pageStart('40'), { live: 40, archived: 0 });
    assert.deepEqual(pageStart('40.7'), { live: 40, archived: 7 });
  });
});

describe('a list whose archived matches were counted up to a bound', () => {
  const archivedRows = Array.from({ length: 7 }, (_, i) =>
    row(`old-${i}`, `2026-12-0${3 - Math.floor(i / 4)}T0${9 - (i % 4)}:00:00Z`, { archivedUid: `u${i}` }),
  );
  // An archive of 7 matching runs whose count stops at 3, as 100,000 would stop at 10,000.
  const archive = pagedArchive(archivedRows, { total: 3, capped: true });
  const workflows = liveMatching(live.slice(0, 1));

  it('says its total is a lower bound and pages on to the last archived run', async () => {
    const names: string[] = [];
    for await (const { list } of pagesOf(workflows, archive)) {
      assert.equal(list.totalAtLeast, true);
      names.push(...list.items.map((r) => r.name));
      // The counted 3 archived + 1 live, or more once the pages have shown more.
      assert.equal(list.total, Math.max(4, names.length + (list.continue === undefined ? 0 : 1)));
    }
    assert.deepEqual(names, ['live-1', ...archivedRows.map((r) => r.name)]);
  });
});

describe('a list whose archived count is a few seconds old', () => {
  const archivedRows = Array.from({ length: 5 }, (_, i) =>
    row(`old-${i}`, `2026-12-03T0${9 - i}:00:00Z`, { archivedUid: `u${i}` }),
  );
  // Counted when only 1 run matched; 5 match now.
  const archive = pagedArchive(archivedRows, { total: 1, capped: false });
  const workflows = liveMatching([]);

  it('pages on to every run and never says fewer than it has shown', async () => {
    const names: string[] = [];
    for await (const { list, json } of pagesOf(workflows, archive)) {
      names.push(...list.items.map((r) => r.name));
      assert.ok(list.total >= names.length + (list.continue === undefined ? 0 : 1), json);
      if (list.continue === undefined) assert.equal(list.total, 5, 'the last page knows the number exactly');
    }
    assert.deepEqual(
      names,
      archivedRows.map((r) => r.name),
    );
  });
});

describe('a list whose archived matches are not counted yet', () => {
  const archivedRows = Array.from({ length: 5 }, (_, i) =>
    row(`old-${i}`, `2026-12-03T0${9 - i}:00:00Z`, { archivedUid: `u${i}` }),
  );
  // The page of an archive that has not counted this query yet: its rows, and no count.
  const archive = pagedArchive(archivedRows, undefined);
  const workflows = liveMatching(live.slice(0, 1));

  it('sends its rows with the rows known to exist as a lower bound, and says the total is being counted', async () => {
    const names: string[] = [];
    for await (const { list, json } of pagesOf(workflows, archive)) {
      names.push(...list.items.map((r) => r.name));
      if (list.continue === undefined) {
        // The last page has read the archive to its end: its total is exact, nothing left to count.
        assert.equal(list.total, 6, json);
        assert.equal(list.totalCounting, undefined, json);
        assert.equal(list.totalAtLeast, undefined, json);
      } else {
        assert.equal(list.totalCounting, true, json);
        assert.equal(list.totalAtLeast, true, json);
        // The rows read so far, and one more: never more than exist.
        assert.ok(list.total >= names.length + 1 && list.total <= 6, json);
      }
    }
    assert.deepEqual(names, ['live-1', ...archivedRows.map((r) => r.name)]);
  });

  it('gives the total of live and archived rows when asked, and a lower bound when the count fails', async () => {
    const counted = {
      count: () => Promise.resolve({ total: 5, capped: false }),
    };
    const query = { sort: '-createdAt', limit: 2 } as const;
    assert.deepEqual(await mergedListTotal(workflows, counted, ['team-a'], query, () => undefined), {
      total: 6,
    });
    const capped = { count: () => Promise.resolve({ total: 10_000, capped: true }) };
    assert.deepEqual(await mergedListTotal(workflows, capped, ['team-a'], query, () => undefined), {
      total: 10_001,
      totalAtLeast: true,
    });
    const logged: string[] = [];
    const failing = { count: () => Promise.reject(new Error('database down')) };
    assert.deepEqual(await mergedListTotal(workflows, failing, ['team-a'], query, (m) => logged.push(m)), {
      total: 1,
      totalAtLeast: true,
      archive: 'unavailable',
    });
    assert.equal(logged.length, 1);
  });
});
