import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowRow } from '@argovue/api-types';
import { compareRows, sortRows, WORKFLOW_SORTS } from '@argovue/api-types/workflow-rows';
import { mergeInOrder, pageStart } from './merged-list.ts';

function row(name: string, createdAt: string, extra: Partial<WorkflowRow> = {}): WorkflowRow {
  return { namespace: 'team-a', name, phase: 'Succeeded', createdAt, labels: {}, ...extra };
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
