// A double click sends the same change twice at once. With the web app's Idempotency-Key, two
// concurrent identical POSTs of submit, resubmit or retry make one change: both answer the first
// answer (the repeat marked Idempotent-Replayed), and the apiserver holds exactly one new workflow.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { WorkflowActionResult } from '@argovue/api-types';
import { custom } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { runTwoStepWorkflow } from '../support/two-step-workflow.ts';
import { resubmittedFrom } from '../support/workflow-state.ts';

const template = 'etl-pipeline';
const failed = `double-click-${randomBytes(3).toString('hex')}`;

async function workflowsFromTemplate(): Promise<string[]> {
  const list = (await custom.listNamespacedCustomObject({
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'workflows',
    namespace: 'team-a',
    labelSelector: `workflows.argoproj.io/workflow-template=${template}`,
  })) as { items: { metadata: { name: string } }[] };
  return list.items.map((w) => w.metadata.name);
}

interface Answer {
  status: number;
  body: WorkflowActionResult;
  replayed: boolean;
}

describe('a double-clicked submit, retry or resubmit', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const created: string[] = [];
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    await runTwoStepWorkflow(failed);
  });
  after(async () => {
    await server.stop();
    for (const name of [failed, ...created]) await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  /** The same POST twice at once, as a double click sends it. */
  async function twice(path: string, body: unknown): Promise<[Answer, Answer]> {
    const key = randomUUID();
    const post = () =>
      alice
        .fetch(path, {
          method: 'POST',
          headers: {
            accept: 'application/json',
            'content-type': 'application/json',
            'x-csrf-token': alice.csrfToken ?? '',
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
        })
        .then(async (res): Promise<Answer> => ({
          status: res.status,
          body: (await res.json()) as WorkflowActionResult,
          replayed: res.headers.get('idempotent-replayed') === 'true',
        }));
    return Promise.all([post(), post()]);
  }

  it('submit creates one workflow', async () => {
    const before = new Set(await workflowsFromTemplate());
    const [first, second] = await twice('/api/v1/namespaces/team-a/workflows', {
      template: { name: template },
      parameters: { 'fail-transform-b': '0' },
    });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(second.body, first.body);
    assert.deepEqual([first.replayed, second.replayed].sort(), [false, true]);
    const added = (await workflowsFromTemplate()).filter((name) => !before.has(name));
    created.push(...added);
    assert.deepEqual(added, [first.body.name]);
  });

  it('resubmit creates one workflow', async () => {
    const [first, second] = await twice(`/api/v1/namespaces/team-a/workflows/${failed}/resubmit`, {});
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(second.body, first.body);
    const resubmitted = await resubmittedFrom('team-a', failed);
    created.push(...resubmitted);
    assert.deepEqual(resubmitted, [first.body.name]);
  });

  it('retry retries once, and both clicks get its answer', async () => {
    const [first, second] = await twice(`/api/v1/namespaces/team-a/workflows/${failed}/retry`, {});
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.deepEqual(second.body, first.body);
    assert.deepEqual([first.replayed, second.replayed].sort(), [false, true]);
  });

  it('refuses the same key for a different change', async () => {
    const key = randomUUID();
    const send = (memoized: boolean) =>
      alice.fetch(`/api/v1/namespaces/team-a/workflows/${failed}/resubmit`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': alice.csrfToken ?? '',
          'idempotency-key': key,
        },
        body: JSON.stringify({ memoized }),
      });
    const first = await send(false);
    const made = ((await first.json()) as WorkflowActionResult).name;
    created.push(made);
    assert.equal(first.status, 201);
    assert.equal((await send(true)).status, 422);
    assert.deepEqual(
      (await resubmittedFrom('team-a', failed)).filter((n) => !created.includes(n)),
      [],
    );
  });
});
