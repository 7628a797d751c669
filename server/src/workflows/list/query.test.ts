import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowRow } from '@argovue/api-types';
import { filterRows, WorkflowQuerySchema } from './query.ts';

function row(name: string, extra: Partial<WorkflowRow> = {}): WorkflowRow {
  return {
    namespace: 'team-a',
    name,
    phase: 'Succeeded',
    createdAt: '2026-11-24T10:00:00Z',
    labels: {},
    ...extra,
  };
}

const rows = [
  row('etl-1', {
    phase: 'Failed',
    labels: { team: 'a' },
    template: { name: 'etl-pipeline', cluster: false },
  }),
  row('etl-2', { phase: 'Running', createdAt: '2026-11-25T10:00:00Z' }),
  row('report-w47', { labels: { team: 'a', kind: 'report' } }),
];

const query = (raw: Record<string, string>) => WorkflowQuerySchema.parse(raw);

describe('workflow list filters', () => {
  it('filters by phases', () => {
    assert.deepEqual(
      filterRows(rows, query({ phase: 'Failed,Running' })).map((r) => r.name),
      ['etl-1', 'etl-2'],
    );
  });

  it('filters by every label given', () => {
    assert.deepEqual(
      filterRows(rows, query({ label: 'team=a,kind=report' })).map((r) => r.name),
      ['report-w47'],
    );
  });

  it('filters by template, name and creation time', () => {
    assert.deepEqual(
      filterRows(rows, query({ template: 'etl-pipeline' })).map((r) => r.name),
      ['etl-1'],
    );
    assert.deepEqual(
      filterRows(rows, query({ q: 'REPORT' })).map((r) => r.name),
      ['report-w47'],
    );
    assert.deepEqual(
      filterRows(rows, query({ since: '2026-11-25T00:00:00Z' })).map((r) => r.name),
      ['etl-2'],
    );
  });

  it('rejects a phase Argo does not have, a bad label, a bad time and a huge page', () => {
    for (const bad of [
      { phase: 'Exploded' },
      { label: 'no-equals' },
      { since: 'yesterday' },
      { limit: '100000' },
      { continue: 'abc' },
    ]) {
      assert.equal(WorkflowQuerySchema.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });

  it('has defaults: newest first, 100 rows', () => {
    const parsed = query({});
    assert.equal(parsed.sort, '-createdAt');
    assert.equal(parsed.limit, 100);
  });
});
