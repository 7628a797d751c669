import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  COMPACT_ROW_COLUMNS,
  compactListJson,
  compactRowParts,
  decodeCompactList,
  isoOfSeconds,
  type CompactWorkflowList,
} from './workflow-rows-compact.ts';
import type { WorkflowRow } from './workflows.ts';

const minimal: WorkflowRow = {
  namespace: 'team-a',
  name: 'wf-1',
  phase: 'Pending',
  createdAt: '',
  labels: {},
};

const varied: WorkflowRow[] = [
  minimal,
  {
    namespace: 'team-a',
    name: 'etl-1',
    phase: 'Failed',
    message: 'child "b" failed: exit code 1\nsee the logs',
    template: { name: 'etl-pipeline', cluster: false },
    submitter: 'alice@example.com',
    createdAt: '2026-11-24T10:00:00Z',
    startedAt: '2026-11-24T10:00:01Z',
    finishedAt: '2026-11-24T10:02:00Z',
    progress: { done: 3, total: 4 },
    labels: { 'workflows.argoproj.io/creator-email': 'alice@example.com', team: 'a', '': 'odd' },
  },
  {
    namespace: 'team-b',
    name: 'train-2',
    phase: 'Running',
    template: { name: 'train', cluster: true },
    createdAt: '2026-12-31T23:59:59Z',
    startedAt: '2027-01-01T00:00:00Z',
    labels: { team: 'b' },
    suspended: true,
    shutdown: 'Stop',
  },
  {
    namespace: 'team-b',
    name: 'train-3',
    phase: 'Error',
    createdAt: '2026-11-24T10:00:00Z',
    // Times not in Kubernetes' form are sent as they are and come back the same.
    startedAt: '2026-11-24T10:00:00.5Z',
    finishedAt: '2026-11-24T10:00:00+01:00',
    labels: {},
    shutdown: 'Terminate',
  },
  {
    namespace: 'team-a',
    name: 'old-run',
    phase: 'Succeeded',
    createdAt: 'not a time',
    startedAt: '1969-12-31T23:59:59Z',
    finishedAt: '2026-02-30T00:00:00Z',
    progress: { done: 0, total: 0 },
    labels: { a: '1' },
    archivedUid: '6d1f0b1e-1c0e-4b5e-9d1a-0d7e8f3a2b11',
  },
  { ...minimal, name: 'archived-bare', phase: 'Succeeded', archivedUid: 'u-2' },
  {
    namespace: 'team-a',
    name: 'finished-only',
    phase: 'Pending',
    createdAt: '',
    finishedAt: '2026-11-24T10:02:00Z',
    labels: {},
  },
];

/** A page as the server writes it (each row's parts concatenated) and the browser reads it. */
function overTheWire(rows: WorkflowRow[], tail: object): CompactWorkflowList {
  return JSON.parse(compactListJson(rows, tail, compactRowParts)) as CompactWorkflowList;
}

/** A row's own columns (from `name` on) as the page carries them. */
function ownColumns(row: WorkflowRow): unknown[] {
  return JSON.parse(`[${compactRowParts(row).ownJson}`) as unknown[];
}

describe('compact workflow rows', () => {
  it('decode to exactly the rows encoded: labels, templates, flags, archived, missing fields', () => {
    const tail = { total: 40, totalAtLeast: true, continue: '7.3', eventId: '12', archive: 'unavailable' };
    const decoded = decodeCompactList(overTheWire(varied, tail));
    assert.deepEqual(decoded, { items: varied, ...tail });
    // Key for key, in the order the server's rows have them (a strict equality of their JSON).
    assert.deepEqual(
      decoded.items.map((r) => JSON.stringify(r)),
      varied.map((r) => JSON.stringify(r)),
    );
  });

  it('round-trips every second of a span of days and the ends of years', () => {
    const start = Date.parse('2026-12-30T00:00:00Z') / 1000;
    for (let s = start; s < start + 3 * 86_400; s += 7) {
      const iso = new Date(s * 1000).toISOString().replace('.000Z', 'Z');
      assert.equal(isoOfSeconds(s), iso);
    }
    for (const createdAt of ['1970-01-01T00:00:00Z', '2000-02-29T12:34:56Z', '9999-12-31T23:59:59Z']) {
      const row = { ...minimal, createdAt, startedAt: createdAt, finishedAt: '2026-11-24T10:02:00Z' };
      assert.deepEqual(decodeCompactList(overTheWire([row], { total: 1, eventId: '1' })).items, [row]);
    }
  });

  it('writes a benchmark row in far fewer bytes than its object', () => {
    const row: WorkflowRow = {
      namespace: 'bench-list',
      name: 'bench-000005',
      phase: 'Succeeded',
      createdAt: '2026-12-05T03:05:11Z',
      startedAt: '2026-11-24T10:00:00Z',
      finishedAt: '2026-11-24T10:08:00Z',
      progress: { done: 8, total: 8 },
      labels: { team: 'bench' },
    };
    const page = compactListJson([row, { ...row, name: 'bench-000006' }], {}, compactRowParts);
    const first = '[0,0,"bench-000005",2,1796439911,-925511,-925031,8,8]';
    assert.equal(
      page.slice(page.indexOf('"rows":'), page.indexOf(',"namespaces"')),
      `"rows":[${first},[0,0,"bench-000006",2,1796439911,-925511,-925031,8,8]]`,
    );
    assert.ok(page.endsWith(',"namespaces":["bench-list"],"labelSets":[{"team":"bench"}]}'), page);
    // 55 bytes a row against 233 as an object (83 with the namespace and labels in every row).
    assert.ok(first.length * 4 < JSON.stringify(row).length);
  });

  it('sends each namespace and label set once a page, and rows of one set share it, frozen', () => {
    const rows: WorkflowRow[] = [
      { ...minimal, name: 'a', labels: { team: 'a', app: 'x' } },
      { ...minimal, namespace: 'team-b', name: 'b', labels: { team: 'a', app: 'x' } },
      { ...minimal, name: 'c', labels: {} },
      { ...minimal, namespace: 'team-b', name: 'd', labels: { team: 'b' } },
    ];
    const page = overTheWire(rows, { total: 4, eventId: '1' });
    assert.deepEqual(page.namespaces, ['team-a', 'team-b']);
    assert.deepEqual(page.labelSets, [{ team: 'a', app: 'x' }, { team: 'b' }]);
    const { items } = decodeCompactList(page);
    assert.deepEqual(items, rows);
    const [a, b, c, d] = items.map((row) => row.labels);
    assert.equal(a, b);
    assert.notEqual(a, d);
    assert.ok(Object.isFrozen(a) && Object.isFrozen(c) && Object.isFrozen(d));
  });

  it('refuses a page of other columns rather than misreading it', () => {
    const page = overTheWire([minimal], { total: 1, eventId: '1' });
    assert.throws(() => decodeCompactList({ ...page, columns: [...COMPACT_ROW_COLUMNS].reverse() }));
    assert.throws(() => decodeCompactList({ ...page, phases: ['Pending'] }));
    // The first encoding (rows of name, namespace, …; no tables) is refused, not misread.
    const first = { ...page, columns: ['name', 'namespace', 'phase'], rows: [['wf-1', 'team-a', 0, null]] };
    assert.throws(() => decodeCompactList(first as unknown as CompactWorkflowList));
    for (const bad of [
      { namespaces: undefined },
      { namespaces: [1] },
      { labelSets: [['team', 'a']] },
      { rows: [[1, null, 'wf-1', 0, null]] },
      { rows: [[0, 0, 'wf-1', 0, null]] },
      { rows: [[0, null, 7, 0, null]] },
    ])
      assert.throws(() => decodeCompactList({ ...page, ...bad } as unknown as CompactWorkflowList));
  });
});

describe('compact row times', () => {
  it('are numbers exactly for the canonical times that format back to themselves', () => {
    const days = Date.UTC(2030, 0, 1) / 86_400_000;
    for (let day = 0; day < days; day += 13) {
      const iso = new Date(day * 86_400_000 + 45_296_000).toISOString().replace('.000Z', 'Z');
      const [seconds] = ownColumns({ ...minimal, createdAt: iso }).slice(2);
      assert.equal(typeof seconds, 'number', iso);
      assert.equal(isoOfSeconds(seconds as number), iso);
    }
    for (const odd of [
      '2026-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-04-31T00:00:00Z',
      '2024-01-01T24:00:00Z',
      '1969-12-31T23:59:59Z',
      '2024-01-01T00:00:60Z',
      '2024-01-01 00:00:00Z',
    ])
      assert.equal(ownColumns({ ...minimal, createdAt: odd })[2], odd);
    assert.equal(typeof ownColumns({ ...minimal, createdAt: '2024-02-29T00:00:00Z' })[2], 'number');
  });
});
