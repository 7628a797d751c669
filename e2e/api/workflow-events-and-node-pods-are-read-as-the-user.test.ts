// A workflow's Kubernetes events, a node's inputs and outputs, and the node's pod are read as the user:
// alice sees those of her team's workflow (events from Argo's controller and KWOK's pods, each tied to
// its node; the pod's container statuses, exit code and resources); a DAG node and a deleted pod give
// POD_NOT_FOUND; bob is refused exactly like a missing workflow.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ApiError,
  NodePod,
  WorkflowDetail,
  WorkflowKubeEventList,
  WorkflowNodeDetail,
} from '@argovue/api-types';
import { core, eventually } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { runTwoStepWorkflow } from '../support/two-step-workflow.ts';

const name = `detail-reads-${randomBytes(3).toString('hex')}`;
const path = `/api/v1/namespaces/team-a/workflows/${name}`;

describe('a workflow’s events, nodes and pods, read as the user', () => {
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;
  let broken = '';
  let ok = '';
  let dag = '';
  before(async () => {
    server = await startServer();
    [alice, bob] = await Promise.all([loginAs(server.url, 'alice'), loginAs(server.url, 'bob')]);
    await runTwoStepWorkflow(name);
    const { body } = await alice.json<WorkflowDetail>(path);
    broken = body.nodes.find((n) => n.displayName === 'broken')?.id ?? '';
    ok = body.nodes.find((n) => n.displayName === 'ok')?.id ?? '';
    dag = body.nodes.find((n) => n.type === 'DAG')?.id ?? '';
    assert.ok(broken && ok && dag, 'the nodes of the test workflow');
  });
  after(async () => {
    await server.stop();
    await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('lists the controller’s and the pods’ events, newest first, each tied to its node', async () => {
    // Events are written asynchronously by the controller (a broadcaster): wait for the last ones.
    const events = await eventually('the WorkflowFailed event', async () => {
      const res = await alice.json<WorkflowKubeEventList>(`${path}/events`);
      assert.equal(res.status, 200);
      return res.body.items.some((e) => e.reason === 'WorkflowFailed') ? res.body : undefined;
    });
    const reasons = new Set(events.items.map((e) => e.reason));
    for (const reason of ['WorkflowRunning', 'WorkflowNodeSucceeded', 'WorkflowNodeFailed', 'WorkflowFailed'])
      assert.ok(reasons.has(reason), `${reason} in ${[...reasons].join(', ')}`);
    const nodeFailed = events.items.find((e) => e.reason === 'WorkflowNodeFailed' && e.nodeId === broken);
    assert.ok(nodeFailed, 'WorkflowNodeFailed names the broken node');
    assert.equal(nodeFailed.object.kind, 'Workflow');
    assert.equal(nodeFailed.type, 'Warning');
    const podEvent = events.items.find((e) => e.object.kind === 'Pod' && e.nodeId === broken);
    assert.ok(podEvent, 'an event of the broken node’s pod');
    assert.ok(
      events.items.every((e) =>
        e.object.kind === 'Workflow' ? e.object.name === name : e.nodeId !== undefined,
      ),
      'nothing of other workflows',
    );
    const times = events.items.map((e) => e.lastSeen ?? '');
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
  });

  it('gives a node’s inputs and outputs, with its exit code', async () => {
    const res = await alice.json<WorkflowNodeDetail>(`${path}/nodes/${broken}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.node.phase, 'Failed');
    assert.deepEqual(res.body.inputs.parameters, [{ name: 'code', value: '3' }]);
    assert.equal(res.body.outputs.exitCode, '3');
    assert.match(res.body.hostNodeName ?? '', /^kwok-/);
    const unknown = await alice.json<ApiError>(`${path}/nodes/${name}-1`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'NOT_FOUND');
  });

  it('gives the node’s pod: phase, node, container statuses with the exit code, resources', async () => {
    const res = await alice.json<NodePod>(`${path}/nodes/${broken}/pod`);
    assert.equal(res.status, 200);
    assert.equal(res.body.phase, 'Failed');
    assert.match(res.body.name, new RegExp(`^${name}-step-\\d+$`));
    assert.match(res.body.nodeName ?? '', /^kwok-/);
    const main = res.body.containers.find((c) => c.name === 'main');
    assert.ok(main, 'the main container');
    assert.equal(main.state, 'terminated');
    assert.equal(main.exitCode, 3);
    assert.deepEqual(main.requests, { cpu: '100m', memory: '64Mi' });
    assert.deepEqual(main.limits, { memory: '128Mi' });
    assert.ok(res.body.containers.some((c) => c.name === 'wait' && !c.init));
  });

  it('answers POD_NOT_FOUND for a node without a pod and for a pod that was deleted', async () => {
    const noPod = await alice.json<ApiError>(`${path}/nodes/${dag}/pod`);
    assert.equal(noPod.status, 404);
    assert.equal(noPod.body.code, 'POD_NOT_FOUND');
    const pod = await alice.json<NodePod>(`${path}/nodes/${ok}/pod`);
    assert.equal(pod.status, 200);
    await core.deleteNamespacedPod({ namespace: 'team-a', name: pod.body.name, gracePeriodSeconds: 0 });
    await eventually('the pod to be gone', async () => {
      const res = await alice.json<ApiError>(`${path}/nodes/${ok}/pod`);
      return res.status === 404 && res.body.code === 'POD_NOT_FOUND' ? true : undefined;
    });
  });

  it('refuses bob the events, the node and the pod exactly like a missing workflow', async () => {
    for (const sub of ['events', `nodes/${broken}`, `nodes/${broken}/pod`]) {
      const res = await bob.json<ApiError>(`${path}/${sub}`);
      const missing = await alice.json<ApiError>(`/api/v1/namespaces/team-a/workflows/${name}-gone/${sub}`);
      assert.equal(res.status, 404, sub);
      assert.equal(res.body.code, 'NOT_FOUND', sub);
      assert.equal(missing.status, 404, sub);
      assert.equal(res.body.message.replace(name, ''), missing.body.message.replace(`${name}-gone`, ''), sub);
    }
  });
});
