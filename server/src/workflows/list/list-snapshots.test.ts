import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowRow } from '@argovue/api-types';
import { compareRows, sortRows, WORKFLOW_SORTS } from '@argovue/api-types/workflow-rows';
import { ListSnapshots, type SnapshotQuery } from './list-snapshots.ts';

function row(
  namespace: string,
  name: string,
  createdAt: string,
  extra: Partial<WorkflowRow> = {},
): WorkflowRow {
  return { namespace, name, phase: 'Succeeded', createdAt, labels: {}, ...extra };
}

/** A source of rows by namespace with an event-log position, as the watch cache and its log give. */
function source() {
  const rows = new Map<string, WorkflowRow[]>([
    ['team-a', [row('team-a', 'b', '2026-11-25T01:00:00Z'), row('team-a', 'a', '2026-11-25T03:00:00Z')]],
    ['team-b', [row('team-b', 'c', '2026-11-25T02:00:00Z', { phase: 'Failed' })]],
  ]);
  let head = 0;
  let reads = 0;
  const snapshots = new ListSnapshots(
    (namespace) => {
      reads++;
      return rows.get(namespace) ?? [];
    },
    () => head,
  );
  return {
    snapshots,
    rows,
    change: () => head++,
    reads: () => reads,
  };
}

const newestFirst: SnapshotQuery = { namespaces: ['team-a', 'team-b'], filter: {}, sort: '-createdAt' };
const names = (rows: readonly WorkflowRow[]) => rows.map((r) => `${r.namespace}/${r.name}`);

describe('ListSnapshots', () => {
  it('filters and orders the rows of the given namespaces only', () => {
    const { snapshots } = source();
    assert.deepEqual(names(snapshots.rows(newestFirst, 0)), ['team-a/a', 'team-b/c', 'team-a/b']);
    assert.deepEqual(names(snapshots.rows({ ...newestFirst, namespaces: ['team-b'] }, 0)), ['team-b/c']);
    assert.deepEqual(names(snapshots.rows({ ...newestFirst, filter: { phases: ['Failed'] } }, 0)), [
      'team-b/c',
    ]);
    assert.deepEqual(names(snapshots.rows({ ...newestFirst, sort: 'name' }, 0)), [
      'team-a/a',
      'team-a/b',
      'team-b/c',
    ]);
  });

  it('answers the same query from one snapshot until the rows change', () => {
    const { snapshots, rows, change, reads } = source();
    const first = snapshots.rows(newestFirst, 0);
    const readsAfterFirst = reads();
    assert.equal(snapshots.rows(newestFirst, 0), first, 'the same snapshot');
    assert.equal(reads(), readsAfterFirst, 'the cache was not read again');

    rows.get('team-a')?.push(row('team-a', 'new', '2026-11-25T04:00:00Z'));
    change();
    const after = snapshots.rows(newestFirst, 0);
    assert.notEqual(after, first);
    assert.deepEqual(names(after), ['team-a/new', 'team-a/a', 'team-b/c', 'team-a/b']);
  });

  it('remakes an order by duration as the clock moves on (running workflows grow)', () => {
    const { snapshots, rows } = source();
    rows.set('team-a', [
      row('team-a', 'running', 't', { startedAt: '2026-11-25T00:00:00Z', phase: 'Running' }),
      row('team-a', 'finished', 't', {
        startedAt: '2026-11-25T00:00:00Z',
        finishedAt: '2026-11-25T00:00:05Z',
      }),
    ]);
    const query: SnapshotQuery = { namespaces: ['team-a'], filter: {}, sort: '-duration' };
    const start = Date.parse('2026-11-25T00:00:00Z');
    // At +2 s the running one has run 2 s, less than the finished one's 5 s.
    assert.deepEqual(names(snapshots.rows(query, start + 2000)), ['team-a/finished', 'team-a/running']);
    assert.deepEqual(names(snapshots.rows(query, start + 2500)), ['team-a/finished', 'team-a/running']);
    // At +10 s it has run longer: a new order, though no row changed.
    assert.deepEqual(names(snapshots.rows(query, start + 10_000)), ['team-a/running', 'team-a/finished']);
  });

  it('orders by the shared rules: sortRows agrees with compareRows for every sort', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    const many = Array.from({ length: 200 }, (_, i) =>
      row(`team-${i % 3}`, `wf-${(i * 37) % 101}`, `2026-11-25T0${i % 10}:00:00Z`, {
        startedAt: `2026-11-25T0${i % 7}:00:00Z`,
        ...(i % 4 === 0 ? {} : { finishedAt: `2026-11-25T1${i % 9}:00:00Z` }),
      }),
    );
    for (const sort of WORKFLOW_SORTS) {
      const sorted = [...many];
      sortRows(sorted, sort, now);
      assert.deepEqual(names(sorted), names([...many].sort(compareRows(sort, now))), sort);
    }
  });
});
