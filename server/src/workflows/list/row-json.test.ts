import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowList, WorkflowRow } from '@argovue/api-types';
import { decodeCompactList, type CompactWorkflowList } from '@argovue/api-types/workflow-rows-compact';
import { mergedListJson } from '../../archive/merged-list.ts';
import { archivedRow } from '../../archive/archived-row.ts';
import { WorkflowQuerySchema } from './query.ts';
import { listBodyJson } from './row-json.ts';
import { workflowRow } from './rows.ts';

// Rows as the watch and the archive make them: labels, templates, submitters, flags, missing fields.
const live: WorkflowRow[] = [
  workflowRow({}),
  workflowRow({
    metadata: {
      name: 'etl-1',
      namespace: 'team-a',
      creationTimestamp: '2026-11-24T10:00:00Z',
      labels: {
        'workflows.argoproj.io/creator-email': 'alice@example.com',
        'workflows.argoproj.io/phase': 'Failed',
        team: 'a',
      },
    },
    spec: { workflowTemplateRef: { name: 'etl-pipeline' } },
    status: {
      phase: 'Failed',
      message: 'child failed',
      startedAt: '2026-11-24T10:00:01Z',
      finishedAt: '2026-11-24T10:02:00Z',
      progress: '3/4',
    },
  }),
  workflowRow({
    metadata: {
      name: 'train-2',
      namespace: 'team-b',
      creationTimestamp: '2026-12-05T03:00:00Z',
      labels: { 'workflows.argoproj.io/cluster-workflow-template': 'train' },
      annotations: { 'argovue.dev/submitted-by': 'bob' },
    },
    spec: { suspend: true, shutdown: 'Terminate' },
    status: { phase: 'Running', startedAt: '2026-12-05T03:00:02Z', progress: '0/9' },
  }),
];
const archived: WorkflowRow[] = [
  archivedRow({
    uid: '6d1f0b1e-1c0e-4b5e-9d1a-0d7e8f3a2b11',
    namespace: 'team-a',
    name: 'old-1',
    phase: 'Succeeded',
    created_at: '2026-11-01T08:00:00Z',
    labels: { team: 'a' },
    submitted_by: null,
    template_ref: { name: 'nightly', clusterScope: true },
    message: null,
    started_at: '2026-11-01T08:00:00Z',
    finished_at: '2026-11-01T09:30:00Z',
    progress: '12/12',
  }),
  archivedRow({
    uid: 'u-2',
    namespace: 'team-a',
    name: 'old-2',
    phase: 'Error',
    created_at: null,
    labels: null,
    submitted_by: 'alice',
    template_ref: null,
    message: 'pod deleted',
    started_at: null,
    finished_at: null,
    progress: null,
  }),
];

const query = (fields: Record<string, string>) => WorkflowQuerySchema.parse({ limit: '2', ...fields });

describe('a list in the compact encoding', () => {
  it('decodes to the same list as the row objects, live and archived rows alike', () => {
    const rows = [...live, ...archived];
    const tail = { total: 9, continue: '3.2', eventId: '41' };
    const objects = JSON.parse(listBodyJson(rows, tail, 'objects')) as WorkflowList;
    const compact = JSON.parse(listBodyJson(rows, tail, 'compact')) as CompactWorkflowList;
    assert.deepEqual(decodeCompactList(compact), objects);
    assert.deepEqual(objects.items, rows);
  });

  it('is what a merged page of live and archived rows is written in when asked', async () => {
    const workflows = {
      liveMatches: () => ({ rows: live, eventId: '7' }),
      liveRuns: () => ({ namespaces: [], names: [], createdAts: [] }),
      loading: false,
    };
    const archive = {
      list: () => Promise.resolve({ rows: archived, more: false, count: { total: 2, capped: false } }),
    };
    const page = (format: string, token?: string) =>
      mergedListJson(
        workflows,
        archive,
        ['team-a', 'team-b'],
        query({ format, sort: 'name', ...(token ? { continue: token } : {}) }),
        () => undefined,
      );
    for (const token of [undefined, '2.0', '2.1']) {
      const objects = JSON.parse((await page('objects', token)).json()) as WorkflowList;
      const compact = JSON.parse((await page('compact', token)).json()) as CompactWorkflowList;
      assert.deepEqual(decodeCompactList(compact), objects);
      assert.equal(objects.items.length, 2);
    }
  });

  it('is asked for by name only; the default stays row objects', () => {
    assert.equal(query({}).format, undefined);
    assert.equal(query({ format: 'compact' }).format, 'compact');
    assert.equal(WorkflowQuerySchema.safeParse({ format: 'arrays' }).success, false);
  });
});
