import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  COMPACT_ROW_COLUMNS,
  compactListHead,
  decodeCompactList,
  encodeCompactRow,
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

/** A page as the server writes it (each row's JSON concatenated) and the browser reads it. */
function overTheWire(rows: WorkflowRow[], tail: object): CompactWorkflowList {
  const body = `${compactListHead}${rows.map((r) => JSON.stringify(encodeCompactRow(r))).join(',')}],${JSON.stringify(tail).slice(1)}`;
  return JSON.parse(body) as CompactWorkflowList;
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
    const compact = JSON.stringify(encodeCompactRow(row));
    assert.equal(
      compact,
      '["bench-000005","bench-list",2,1796439911,-925511,-925031,[8,8],{"team":"bench"}]',
    );
    assert.ok(compact.length * 2 < JSON.stringify(row).length);
  });

  it('refuses a page of other columns rather than misreading it', () => {
    const page = overTheWire([minimal], { total: 1, eventId: '1' });
    assert.throws(() => decodeCompactList({ ...page, columns: [...COMPACT_ROW_COLUMNS].reverse() }));
    assert.throws(() => decodeCompactList({ ...page, phases: ['Pending'] }));
    assert.throws(() =>
      decodeCompactList({ ...page, rows: [[1, 'team-a', 0, null]] } as unknown as CompactWorkflowList),
    );
  });
});

describe('compact row times', () => {
  it('are numbers exactly for the canonical times that format back to themselves', () => {
    const days = Date.UTC(2030, 0, 1) / 86_400_000;
    for (let day = 0; day < days; day += 13) {
      const iso = new Date(day * 86_400_000 + 45_296_000).toISOString().replace('.000Z', 'Z');
      const [seconds] = encodeCompactRow({ ...minimal, createdAt: iso }).slice(3);
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
      assert.equal(encodeCompactRow({ ...minimal, createdAt: odd })[3], odd);
    assert.equal(typeof encodeCompactRow({ ...minimal, createdAt: '2024-02-29T00:00:00Z' })[3], 'number');
  });
});
