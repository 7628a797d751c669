import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { readList, type FieldPick } from '../../kube/list-stream.ts';
import { workflowRow, workflowRowFields } from './rows.ts';

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

describe('workflowRowFields', () => {
  // Every field workflowRow reads, recorded through proxies: a field it reads that the pick leaves
  // out would be missing from every row of a listed workflow.
  function pathsRead(object: object): string[][] {
    const paths: string[][] = [];
    const wrap = (value: unknown, path: string[]): unknown =>
      typeof value !== 'object' || value === null
        ? value
        : new Proxy(value, {
            get(target, key, receiver) {
              const child = Reflect.get(target, key, receiver) as unknown;
              if (typeof key !== 'string') return child;
              paths.push([...path, key]);
              return wrap(child, [...path, key]);
            },
          });
    workflowRow(wrap(object, []) as Parameters<typeof workflowRow>[0]);
    return paths;
  }

  function picked(path: string[]): boolean {
    let pick: FieldPick = workflowRowFields;
    for (const key of path) {
      if (pick === true) return true;
      const next: FieldPick | undefined = Object.hasOwn(pick, key) ? pick[key] : undefined;
      if (next === undefined) return false;
      pick = next;
    }
    return true;
  }

  it('covers every field workflowRow reads', () => {
    const full = {
      metadata: {
        name: 'w',
        namespace: 'team-a',
        creationTimestamp: 't',
        labels: { 'workflows.argoproj.io/creator': 'bob', 'workflows.argoproj.io/workflow-template': 't' },
        annotations: { 'argovue.dev/submitted-by': 'alice', other: 'x' },
      },
      spec: { workflowTemplateRef: { name: 't', clusterScope: true }, suspend: true, shutdown: 'Stop' },
      status: { phase: 'Running', message: 'm', startedAt: 's', finishedAt: 'f', progress: '1/2' },
    };
    const missed = pathsRead(full).filter((path) => !picked(path));
    assert.deepEqual(missed, []);
    for (const object of [full, { metadata: {} }, {}])
      assert.ok(pathsRead(object).length > 0, 'the proxies saw the reads');
  });

  it('makes the same row from a listed workflow as from the whole object', async () => {
    const whole = {
      metadata: {
        name: 'w',
        namespace: 'team-a',
        creationTimestamp: 't',
        resourceVersion: '9',
        labels: { 'workflows.argoproj.io/cluster-workflow-template': 't', team: 'a' },
        annotations: { 'argovue.dev/submitted-by': 'alice', big: 'x'.repeat(1000) },
        managedFields: [{ manager: 'argo' }],
      },
      spec: { suspend: true, templates: [{ name: 'main' }], shutdown: 'Terminate' },
      status: { phase: 'Failed', message: 'no', progress: '0/1', nodes: { a: { id: 'a' } } },
    };
    const items: unknown[] = [];
    await readList(
      Readable.from([JSON.stringify({ metadata: {}, items: [whole] })]),
      workflowRowFields,
      (item) => items.push(item),
    );
    assert.deepEqual(workflowRow(items[0] as typeof whole), workflowRow(whole));
  });
});
