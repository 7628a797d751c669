import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workflowRow } from './rows.ts';

describe('workflowRow', () => {
  it('takes what a list shows from a finished workflow', () => {
    const row = workflowRow({
      metadata: {
        name: 'etl-1',
        namespace: 'team-a',
        creationTimestamp: '2026-11-24T10:00:00Z',
        labels: { 'workflows.argoproj.io/creator-email': 'alice@example.com', team: 'a' },
      },
      spec: { workflowTemplateRef: { name: 'etl-pipeline' } },
      status: {
        phase: 'Failed',
        message: 'child failed',
        startedAt: '2026-11-24T10:00:01Z',
        finishedAt: '2026-11-24T10:02:00Z',
        progress: '3/4',
      },
    });
    assert.deepEqual(row, {
      namespace: 'team-a',
      name: 'etl-1',
      phase: 'Failed',
      message: 'child failed',
      template: { name: 'etl-pipeline', cluster: false },
      submitter: 'alice@example.com',
      createdAt: '2026-11-24T10:00:00Z',
      startedAt: '2026-11-24T10:00:01Z',
      finishedAt: '2026-11-24T10:02:00Z',
      progress: { done: 3, total: 4 },
      labels: { 'workflows.argoproj.io/creator-email': 'alice@example.com', team: 'a' },
    });
  });

  it('calls a workflow without a phase pending, and leaves unknown fields out', () => {
    const row = workflowRow({
      metadata: { name: 'new', namespace: 'team-a', creationTimestamp: 't' },
    });
    assert.equal(row.phase, 'Pending');
    assert.equal(row.progress, undefined);
    assert.equal(row.template, undefined);
    assert.equal(row.finishedAt, undefined);
  });

  it('recognizes a cluster template and ignores a malformed progress', () => {
    const row = workflowRow({
      metadata: { name: 'x', labels: { 'workflows.argoproj.io/cluster-workflow-template': 'shared' } },
      status: { phase: 'Running', progress: 'lots' },
    });
    assert.deepEqual(row.template, { name: 'shared', cluster: true });
    assert.equal(row.progress, undefined);
    assert.equal(row.phase, 'Running');
  });
});

describe('workflowRow labels', () => {
  it('leaves out Argo’s bookkeeping labels, which repeat the phase', () => {
    const row = workflowRow({
      metadata: {
        name: 'x',
        labels: {
          'workflows.argoproj.io/phase': 'Succeeded',
          'workflows.argoproj.io/completed': 'true',
          team: 'a',
        },
      },
      status: { phase: 'Succeeded' },
    });
    assert.deepEqual(row.labels, { team: 'a' });
  });

  it('says when a workflow is suspended or asked to stop, and nothing when it is not', () => {
    const suspended = workflowRow({ metadata: { name: 's' }, spec: { suspend: true } });
    assert.equal(suspended.suspended, true);
    assert.equal(suspended.shutdown, undefined);
    const stopping = workflowRow({ metadata: { name: 't' }, spec: { shutdown: 'Terminate' } });
    assert.equal(stopping.shutdown, 'Terminate');
    assert.equal(stopping.suspended, undefined);
    const odd = workflowRow({ metadata: { name: 'o' }, spec: { suspend: false, shutdown: 'Later' } });
    assert.equal('suspended' in odd, false);
    assert.equal('shutdown' in odd, false);
  });
});
