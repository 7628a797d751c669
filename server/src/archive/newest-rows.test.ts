import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkflowRow } from '@argovue/api-types';
import { compareRows } from '@argovue/api-types/workflow-rows';
import type { ArchiveListQuery } from './archive-sql.ts';
import { newestFirst, NewestRows, type NewestRun } from './newest-rows.ts';

const t0 = Date.parse('2026-12-01T00:00:00Z');

function run(
  name: string,
  minute: number | null,
  extra: Partial<Pick<WorkflowRow, 'namespace' | 'phase' | 'labels'>> = {},
): NewestRun {
  const createdAt = minute === null ? '' : new Date(t0 + minute * 60_000).toISOString().replace('.000Z', 'Z');
  const row: WorkflowRow = {
    namespace: 'team-a',
    name,
    phase: 'Succeeded',
    createdAt,
    labels: {},
    ...extra,
  };
  return {
    uid: `uid-${row.namespace}-${name}`,
    createdMs: minute === null ? null : t0 + minute * 60_000,
    row,
  };
}

const query = (extra: Partial<ArchiveListQuery> = {}): ArchiveListQuery => ({
  namespaces: ['team-a'],
  filter: {},
  sort: '-createdAt',
  live: { namespaces: [], names: [], createdAts: [] },
  ...extra,
});

const names = (page: { rows: WorkflowRow[] } | undefined): string[] | undefined =>
  page?.rows.map((r) => r.name);

test('the order is the SQL order: newest first, nulls first, then namespace and name by code point; the list agrees where times are set', () => {
  const runs = [run('b', 5), run('a', 5), run('z', null), run('c', 9), run('B', 5, { namespace: 'team-b' })];
  runs.sort(newestFirst);
  assert.deepEqual(
    runs.map((r) => r.row.name),
    ['z', 'c', 'a', 'b', 'B'],
  );
  const timed = runs.filter((r) => r.createdMs !== null).map((r) => r.row);
  assert.deepEqual([...timed].sort(compareRows('-createdAt', 0)), timed);
});

test('a page within the window is read from it; one reaching past its oldest run is not answered, unless the window is the whole archive', () => {
  const window = new NewestRows(4);
  window.replace([run('r9', 9), run('r8', 8), run('r7', 7), run('r6', 6), run('r5', 5)]);
  assert.equal(window.complete, false);
  assert.equal(window.size, 4);
  assert.deepEqual(window.page(query(), 0, 2), { rows: [run('r9', 9).row, run('r8', 8).row], more: true });
  assert.deepEqual(names(window.page(query(), 2, 1)), ['r7']);
  assert.equal(window.page(query(), 2, 2), undefined, 'whether more follow r6 is known to PostgreSQL only');
  assert.equal(window.page(query({ sort: 'name' }), 0, 2), undefined, 'only the default order');
  const whole = new NewestRows(10);
  whole.replace([run('r9', 9), run('r8', 8)]);
  assert.deepEqual(whole.page(query(), 1, 5), { rows: [run('r8', 8).row], more: false });
});

test('only the given namespaces, the filter (createdSince on the column), and never a run the cluster still holds', () => {
  const window = new NewestRows(10);
  const other = run('x', 8, { namespace: 'team-b' });
  const failed = run('f-99', 7, { phase: 'Failed', labels: { team: 't7' } });
  window.replace([run('r9', 9), other, failed, run('r6', 6)]);
  assert.deepEqual(names(window.page(query(), 0, 10)), ['r9', 'f-99', 'r6']);
  assert.deepEqual(names(window.page(query({ namespaces: ['team-a', 'team-b'] }), 0, 10)), [
    'r9',
    'x',
    'f-99',
    'r6',
  ]);
  assert.deepEqual(names(window.page(query({ filter: { phases: ['Failed'], nameContains: '99' } }), 0, 10)), [
    'f-99',
  ]);
  assert.deepEqual(names(window.page(query({ filter: { labels: [['team', 't7']] } }), 0, 10)), ['f-99']);
  assert.deepEqual(names(window.page(query({ filter: { createdSince: t0 + 7 * 60_000 } }), 0, 10)), [
    'r9',
    'f-99',
  ]);
  const live = {
    namespaces: ['team-a', 'team-a'],
    names: ['r9', 'r6'],
    createdAts: [run('r9', 9).row.createdAt, run('r6', 1).row.createdAt],
  };
  assert.deepEqual(
    names(window.page(query({ live }), 0, 10)),
    ['f-99', 'r6'],
    'r6 live now is another run (made later)',
  );
});

test('writes and deletes keep it exact: a newer run goes in its place, an older one stays out, the oldest goes past the capacity', () => {
  const window = new NewestRows(3);
  window.replace([run('r9', 9), run('r7', 7), run('r5', 5), run('r3', 3)]);
  window.upsert(run('r8', 8));
  assert.deepEqual(names(window.page(query(), 0, 2)), ['r9', 'r8']);
  assert.equal(window.size, 3);
  window.upsert(run('r1', 1));
  assert.equal(window.size, 3, 'older than its oldest: PostgreSQL has it');
  window.remove('uid-team-a-r8');
  window.remove('uid-team-a-unknown');
  assert.deepEqual(window.page(query(), 0, 1), { rows: [run('r9', 9).row], more: true });
  assert.equal(window.page(query(), 0, 2), undefined, 'r9 and r7 held: whether more follow is not');
  window.upsert(run('r9', 9, { phase: 'Failed' }));
  assert.equal(window.page(query(), 0, 1)?.rows[0]?.phase, 'Failed', 'a run written again is the new one');
  assert.equal(window.size, 2);
  const whole = new NewestRows(2);
  whole.replace([]);
  whole.upsert(run('r1', 1));
  whole.upsert(run('r2', 2));
  assert.deepEqual(whole.page(query(), 0, 5), { rows: [run('r2', 2).row, run('r1', 1).row], more: false });
  whole.upsert(run('r3', 3));
  assert.equal(whole.complete, false, 'r1 let go: the archive holds more than the window');
  assert.equal(whole.page(query(), 0, 5), undefined);
});

test('it counts the matches as the SQL does (at most the cap and one) only when it holds the whole archive', () => {
  const whole = new NewestRows(10);
  whole.replace([
    run('r9', 9),
    run('x', 8, { namespace: 'team-b' }),
    run('f', 7, { phase: 'Failed' }),
    run('r6', 6),
  ]);
  assert.equal(whole.count(query(), 100), 3);
  assert.equal(whole.count(query({ filter: { phases: ['Failed'] } }), 100), 1);
  assert.equal(whole.count(query(), 1), 2, 'past the cap: the cap and one');
  const part = new NewestRows(2);
  part.replace([run('r9', 9), run('r8', 8), run('r7', 7)]);
  assert.equal(part.count(query(), 100), undefined);
});
