// A gzip bomb in `status.compressedNodes`: anyone who may patch a workflow in their namespace can write
// one (Argo's CRD has no status subresource). Alice patches four workflows with ~100 KB that inflate
// to 80 MiB each; the detail answers with a clear nodesError, the node, retry and resubmit answer the
// one error shape, nothing runs out of memory, and Bob's read of his own workflow, made while Alice's
// bombs are being inflated, answers — before the last of hers (the inflating happens off the event
// loop that serves everyone; server/src/workflows/nodes.test.ts proves the loop keeps turning).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { before, describe, it } from 'node:test';
import type { ApiError, Me, WorkflowDetail } from '@argovue/api-types';
import { KubeApi } from '../../server/src/kube/kube-api.ts';
import { kc } from '../../devcluster/test/cluster.ts';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { apiSuite } from '../support/suites.ts';
import { deleteWorkflows } from '../support/test-workflow.ts';

const suffix = randomBytes(3).toString('hex');
const bombs = [0, 1, 2, 3].map((i) => `bomb-${i}-${suffix}`);
const bobs = `not-a-bomb-${suffix}`;

/** ~100 KB of base64 that inflates to 80 MiB of valid JSON: one key, repeated. */
function bomb(seed: string): string {
  const entry = Buffer.from('"a":{},');
  const body = Buffer.alloc(80 * 1024 * 1024, entry);
  return gzipSync(Buffer.concat([Buffer.from(`{"${seed}":{},`), body]), { level: 9 }).toString('base64');
}

function finishedWorkflow(name: string, status: Record<string, unknown>): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name,
      labels: { 'workflows.argoproj.io/completed': 'true', 'workflows.argoproj.io/phase': 'Failed' },
    },
    spec: {
      entrypoint: 'main',
      templates: [{ name: 'main', container: { image: 'example.invalid/x:1', command: ['run'] } }],
    },
    status: { phase: 'Failed', finishedAt: '2026-11-25T10:00:00Z', ...status },
  };
}

describe('a gzip bomb in status.compressedNodes', () => {
  const suite = apiSuite('alice', 'bob');
  suite.afterwards(() => deleteWorkflows('team-a', bombs));
  suite.afterwards(() => deleteWorkflow('team-b', bobs));
  before(async () => {
    await createWorkflow('team-b', finishedWorkflow(bobs, { nodes: {} }));
    // Alice writes the bombs herself, as her Kubernetes identity: her role lets her patch workflows.
    const me = (await suite.alice.json<Me>('/api/v1/me')).body;
    const asAlice = { username: me.username, groups: me.kubernetesGroups };
    const kube = new KubeApi(kc);
    for (const name of bombs) {
      await createWorkflow('team-a', finishedWorkflow(name, { nodes: {} }));
      await kube.json({
        method: 'PATCH',
        path: `/apis/argoproj.io/v1alpha1/namespaces/team-a/workflows/${name}`,
        contentType: 'application/merge-patch+json',
        body: { status: { nodes: null, compressedNodes: bomb(name) } },
        as: asAlice,
      });
    }
    kube.close();
  });

  it('is refused with a clear error while another user is answered', async () => {
    const order: string[] = [];
    const timeout = { signal: AbortSignal.timeout(60_000) };
    const path = (name: string): string => `/api/v1/namespaces/team-a/workflows/${name}`;
    const details = bombs.map((name) =>
      suite.alice.json<WorkflowDetail>(path(name), timeout).then((res) => {
        order.push(name);
        return res;
      }),
    );
    const bobsRead = await suite.bob.json<WorkflowDetail>(
      `/api/v1/namespaces/team-b/workflows/${bobs}`,
      timeout,
    );
    order.push('bob');
    const answers = await Promise.all(details);

    assert.equal(bobsRead.status, 200);
    assert.equal(bobsRead.body.row.name, bobs);
    assert.notEqual(order.at(-1), 'bob', `Bob was answered before the last bomb: ${order.join(', ')}`);
    for (const answer of answers) {
      assert.equal(answer.status, 200);
      assert.match(answer.body.nodesError ?? '', /compressedNodes inflates past 64 MiB/);
      assert.deepEqual(answer.body.nodes, []);
    }
  });

  it('answers the node, retry and resubmit with the one error shape', async () => {
    const name = bombs[0] ?? '';
    const node = await suite.alice.json<ApiError>(
      `/api/v1/namespaces/team-a/workflows/${name}/nodes/${name}`,
    );
    assert.equal(node.status, 404);
    assert.match(node.body.message, /inflates past 64 MiB/);
    for (const [action, body] of [
      ['retry', {}],
      ['resubmit', { memoized: true }],
    ] as const) {
      const res = await suite.alice.send<ApiError>(
        'POST',
        `/api/v1/namespaces/team-a/workflows/${name}/${action}`,
        body,
      );
      assert.equal(res.status, 409, `${action}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.code, 'CONFLICT');
      assert.match(res.body.message, /inflates past 64 MiB/);
    }
    assert.equal((await fetch(`${suite.server.url}/healthz`)).status, 200);
  });
});
