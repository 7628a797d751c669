import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workflowNodes } from '../../server/src/workflows/nodes.ts';
import {
  argoMaxWorkflowBytes,
  bigWorkflowNodes,
  fanOutWorkflow,
  fnv32a,
  layeredDagWorkflow,
  type BigNode,
} from './big-workflow.ts';

/** Every node reached from the root by `children`, each once. */
function reachable(nodes: Record<string, BigNode>, root: string): Set<string> {
  const seen = new Set([root]);
  const queue = [root];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const child of nodes[id]?.children ?? []) {
      assert.ok(nodes[child], `child ${child} of ${id} exists`);
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return seen;
}

describe('big workflows for graph tests and benchmarks', () => {
  it('hashes node names with FNV-1a 32 as Argo does', () => {
    // Reference values of FNV-1a 32 (the empty string is its offset basis).
    assert.equal(fnv32a(''), 0x811c9dc5);
    assert.equal(fnv32a('a'), 0xe40c292c);
    assert.equal(fnv32a('foobar'), 0xbf9cf968);
  });

  it('builds a 2,000-task layered DAG whose every node is reachable from the root', () => {
    const workflow = layeredDagWorkflow('dag-a', 40, 50);
    const nodes = bigWorkflowNodes(workflow);
    assert.equal(Object.keys(nodes).length, 2001);
    assert.equal(reachable(nodes, 'dag-a').size, 2001);
    // Well mixed: the last layer depends on any one task of the first (no separate strands).
    const first = Object.values(nodes).find((n) => n.displayName === 'task-0-0');
    const last = Object.values(nodes).filter((n) => n.displayName.startsWith('task-39-'));
    assert.ok(first);
    const below = reachable(nodes, first.id);
    assert.equal(last.filter((n) => below.has(n.id)).length, 50);
    const task = Object.values(nodes).find((n) => n.displayName === 'task-1-0');
    assert.ok(task);
    assert.equal(task.type, 'Pod');
    assert.equal(task.boundaryID, 'dag-a');
    assert.equal(workflow.metadata.labels['workflows.argoproj.io/completed'], 'true');
    // Below Argo's limit the nodes stay plain, as the controller leaves them.
    assert.ok(workflow.status.nodes);
    assert.ok(Buffer.byteLength(JSON.stringify(workflow)) <= argoMaxWorkflowBytes);
  });

  it('compresses a 20,000-node fan-out, keeps every node, and ArgoVue’s server reads it back', async () => {
    const workflow = fanOutWorkflow('fan-a', 20_000);
    assert.equal(workflow.status.nodes, undefined);
    assert.equal(typeof workflow.status.compressedNodes, 'string');
    // Small enough for etcd (~1.5 MB requests) once compressed.
    assert.ok(Buffer.byteLength(JSON.stringify(workflow)) < 1_400_000);
    const nodes = bigWorkflowNodes(workflow);
    assert.equal(Object.keys(nodes).length, 20_000);
    assert.equal(reachable(nodes, 'fan-a').size, 20_000);
    const group = Object.values(nodes).find((n) => n.type === 'TaskGroup');
    assert.equal(group?.children?.length, 19_996);
    const read = await workflowNodes(workflow.status);
    assert.ok(read.ok);
    assert.equal(read.nodes.size, 20_000);
  });

  it('writes plain or compressed nodes on request', () => {
    assert.ok(fanOutWorkflow('f', 10, { compress: 'always' }).status.compressedNodes);
    assert.ok(layeredDagWorkflow('d', 100, 100, { compress: 'never' }).status.nodes);
  });
});
