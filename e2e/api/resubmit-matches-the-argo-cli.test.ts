// Resubmit means what it means in Argo: the same failed workflow, twice, resubmitted once by the
// `argo` CLI built from the Argo module and once through ArgoVue, gives the same new workflow — spec,
// carried labels and annotations — but for who made it. (Memoized: the file beside this one.)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError, WorkflowActionResult } from '@argovue/api-types';
import { argo } from '../../devcluster/test/argo-cli.ts';
import { eventually } from '../../devcluster/test/cluster.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

interface Object {
  metadata: {
    name: string;
    generateName?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: Record<string, unknown>;
}

function twin(name: string): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name,
      labels: { team: 'a', 'cost-centre': 'analytics' },
      annotations: { 'example.com/ticket': 'DATA-42' },
    },
    spec: {
      entrypoint: 'main',
      arguments: {
        parameters: [
          { name: 'day', value: '2026-11-24' },
          { name: 'mode', value: 'fast' },
        ],
      },
      podMetadata: { annotations: { 'argovue.dev/exit-code': '3' } },
      templates: [
        {
          name: 'main',
          container: { image: 'example.invalid/x:1', command: ['run', '{{workflow.parameters.day}}'] },
        },
      ],
    },
  };
}

// What may differ: who made it, the name it came from / was given, and what the controller has
// written since (its phase labels; the resource version it last saw, copied from each twin).
function comparable(object: Object, from: string): unknown {
  const ignored = new Set([
    'workflows.argoproj.io/phase',
    'workflows.argoproj.io/completed',
    'workflows.argoproj.io/creator',
    'workflows.argoproj.io/creator-email',
    'workflows.argoproj.io/creator-preferred-username',
  ]);
  const labels = Object.fromEntries(
    Object.entries(object.metadata.labels ?? {}).filter(([key]) => !ignored.has(key)),
  );
  assert.equal(labels['workflows.argoproj.io/resubmitted-from-workflow'], from);
  delete labels['workflows.argoproj.io/resubmitted-from-workflow'];
  const annotations = { ...object.metadata.annotations };
  delete annotations['argovue.dev/submitted-by'];
  delete annotations['workflows.argoproj.io/last-seen-version'];
  return {
    generateName: object.metadata.generateName?.replace(from, 'OLD'),
    labels,
    annotations,
    spec: object.spec,
  };
}

describe('resubmit, against the argo CLI', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const suffix = randomBytes(3).toString('hex');
  const viaCli = `twin-cli-${suffix}`;
  const viaArgovue = `twin-ui-${suffix}`;
  const made: string[] = [viaCli, viaArgovue];
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    for (const name of [viaCli, viaArgovue]) await createWorkflow('team-a', twin(name));
    for (const name of [viaCli, viaArgovue]) {
      await eventually(
        `${name} to fail`,
        async () => ((await getWorkflow('team-a', name)).status?.phase === 'Failed' ? true : undefined),
        60_000,
      );
    }
  });
  after(async () => {
    await server.stop();
    for (const name of made) await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('creates the same new workflow, with parameters overridden the same way', async () => {
    const fromCli = (await argo(['-n', 'team-a', 'resubmit', viaCli, '-p', 'mode=thorough'])) as Object;
    made.push(fromCli.metadata.name);
    const res = await alice.send<WorkflowActionResult>(
      'POST',
      `/api/v1/namespaces/team-a/workflows/${viaArgovue}/resubmit`,
      { parameters: { mode: 'thorough' } },
    );
    assert.equal(res.status, 201);
    made.push(res.body.name);
    const fromArgovue = (await getWorkflow('team-a', res.body.name)) as unknown as Object;
    const fromCliStored = (await getWorkflow('team-a', fromCli.metadata.name)) as unknown as Object;
    assert.deepEqual(comparable(fromArgovue, viaArgovue), comparable(fromCliStored, viaCli));
    assert.equal(fromArgovue.metadata.annotations?.['argovue.dev/submitted-by'], 'oidc:alice@example.com');
    assert.equal(
      fromArgovue.metadata.labels?.['workflows.argoproj.io/creator-email'],
      'alice.at.example.com',
    );
  });

  it('refuses to resubmit a workflow that does not exist (or was deleted), and bob’s attempt alike', async () => {
    const gone = await alice.send<ApiError>(
      'POST',
      `/api/v1/namespaces/team-a/workflows/deleted-${suffix}/resubmit`,
    );
    assert.equal(gone.status, 404);
    const bob = await loginAs(server.url, 'bob');
    const foreign = await bob.send<ApiError>(
      'POST',
      `/api/v1/namespaces/team-a/workflows/${viaArgovue}/resubmit`,
    );
    assert.equal(foreign.status, 404);
  });
});
