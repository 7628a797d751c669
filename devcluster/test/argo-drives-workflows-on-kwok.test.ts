// The real Argo controller runs workflows whose pods KWOK simulates on fake nodes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { core, createTestNamespace, eventually } from './cluster.ts';
import { diamondWorkflow } from './diamond-workflow.ts';
import { createWorkflow, getWorkflow, podNodePhases, type Workflow } from './workflows.ts';

async function finished(namespace: string, name: string): Promise<Workflow> {
  return eventually(
    `workflow ${name} to finish`,
    async () => {
      const workflow = await getWorkflow(namespace, name);
      const phase = workflow.status?.phase;
      return phase === 'Succeeded' || phase === 'Failed' || phase === 'Error' ? workflow : undefined;
    },
    90_000,
  );
}

describe('Argo on the local cluster', () => {
  let namespace: Awaited<ReturnType<typeof createTestNamespace>>;
  before(async () => {
    namespace = await createTestNamespace('argo-run');
  });
  after(async () => {
    await namespace.remove();
  });

  it('drives a DAG with a failing node to Failed, with the right node phases', async () => {
    await createWorkflow(namespace.name, diamondWorkflow('diamond-fails', { bCode: '1' }));
    const workflow = await finished(namespace.name, 'diamond-fails');
    assert.equal(workflow.status?.phase, 'Failed');
    assert.deepEqual(podNodePhases(workflow), { a: 'Succeeded', b: 'Failed', c: 'Succeeded', d: 'Omitted' });
    const b = Object.values(workflow.status.nodes ?? {}).find((node) => node.displayName === 'b');
    assert.match(b?.message ?? '', /exit code 1/);
  });

  it('binds the pods to KWOK nodes and serves their simulated logs', async () => {
    const pods = await core.listNamespacedPod({
      namespace: namespace.name,
      labelSelector: 'workflows.argoproj.io/workflow=diamond-fails',
    });
    assert.equal(pods.items.length, 3, 'a, b and c ran; d was omitted');
    for (const pod of pods.items) assert.match(pod.spec?.nodeName ?? '', /^kwok-/);
    const podA = pods.items.find((pod) =>
      pod.metadata?.annotations?.['workflows.argoproj.io/node-name']?.endsWith('.a'),
    );
    assert.ok(podA?.metadata?.name, 'the pod of node a exists');
    // pods/log goes apiserver → KWOK's kubelet endpoint on 127.0.0.1 → the ClusterLogs file.
    const log = await core.readNamespacedPodLog({
      name: podA.metadata.name,
      namespace: namespace.name,
      container: 'main',
    });
    assert.match(log, /starting step: loading input partitions/);
    assert.match(log, /step finished in/);
  });

  it('drives a passing DAG to Succeeded', async () => {
    await createWorkflow(namespace.name, diamondWorkflow('diamond-passes', { bCode: '0' }));
    const workflow = await finished(namespace.name, 'diamond-passes');
    assert.equal(workflow.status?.phase, 'Succeeded');
    assert.deepEqual(podNodePhases(workflow), {
      a: 'Succeeded',
      b: 'Succeeded',
      c: 'Succeeded',
      d: 'Succeeded',
    });
  });
});
