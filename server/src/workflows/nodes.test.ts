import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { workflowNode } from './node-projection.ts';
import type { WorkflowNode } from '@argovue/api-types';
import {
  forgetLiveWorkflowNodes,
  liveWorkflowNodes,
  maxInflatedBytes,
  maxNodes,
  nodeGraphProblem,
  workflowNodes,
} from './nodes.ts';

const nodes = {
  'wf-1': { id: 'wf-1', type: 'DAG', phase: 'Succeeded', children: ['wf-2'] },
  'wf-2': { id: 'wf-2', type: 'Pod', phase: 'Succeeded' },
};

describe('workflowNodes', () => {
  it('reads status.nodes', async () => {
    const result = await workflowNodes({ nodes });
    assert.ok(result.ok);
    assert.deepEqual([...result.nodes.keys()], ['wf-1', 'wf-2']);
  });

  it('reads status.compressedNodes (gzip + base64), as Argo writes large workflows', async () => {
    const compressedNodes = gzipSync(JSON.stringify(nodes)).toString('base64');
    const result = await workflowNodes({ compressedNodes });
    assert.ok(result.ok);
    assert.equal(result.nodes.get('wf-2')?.['type'], 'Pod');
  });

  it('reads a workflow that has no nodes yet', async () => {
    const result = await workflowNodes({});
    assert.ok(result.ok);
    assert.equal(result.nodes.size, 0);
  });

  it('reports compressed nodes that are not gzip', async () => {
    const result = await workflowNodes({ compressedNodes: Buffer.from('not gzip').toString('base64') });
    assert.ok(!result.ok);
    assert.match(result.reason, /compressedNodes cannot be read/);
  });

  it('reports nodes that are not a map of objects', async () => {
    assert.equal((await workflowNodes({ nodes: ['a'] })).ok, false);
    assert.equal((await workflowNodes({ nodes: { a: 'b' } })).ok, false);
    assert.equal((await workflowNodes({ compressedNodes: 42 })).ok, false);
  });

  it('refuses a gzip bomb instead of exhausting memory', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 32)).toString('base64');
    const result = await workflowNodes({ compressedNodes: bomb }, 1024 * 1024);
    assert.ok(!result.ok);
    assert.match(result.reason, /inflates past 1 MiB/);
  });

  it('keeps the event loop turning while a bomb past the real limit is inflated', async () => {
    // 1 GiB of one repeated JSON entry: ~1 MB of gzip, past maxInflatedBytes by far.
    const entry = Buffer.from('"a":{},');
    const body = Buffer.alloc(maxInflatedBytes + 8 * 1024 * 1024, entry);
    const bomb = gzipSync(Buffer.concat([Buffer.from('{'), body]), { level: 9 }).toString('base64');
    let turns = 0;
    let turning = true;
    const spin = (): void => {
      turns++;
      if (turning) setImmediate(spin);
    };
    setImmediate(spin);
    const result = await workflowNodes({ compressedNodes: bomb });
    turning = false;
    assert.ok(!result.ok);
    assert.match(result.reason, /inflates past 64 MiB/);
    // Inflated on the event loop, no turn could happen until it was done.
    assert.ok(turns > 1, `the event loop turned ${turns} times meanwhile`);
  });

  it('refuses a map of more nodes than any real workflow', async () => {
    const many = Object.fromEntries(Array.from({ length: maxNodes + 1 }, (_, i) => [`n${i}`, {}]));
    const result = await workflowNodes({
      compressedNodes: gzipSync(JSON.stringify(many)).toString('base64'),
    });
    assert.ok(!result.ok);
    assert.match(result.reason, /holds 100001 nodes/);
  });

  it('answers the same refusal again without inflating again', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 32)).toString('base64');
    const [first, second] = await Promise.all([
      workflowNodes({ compressedNodes: bomb }, 1024 * 1024),
      workflowNodes({ compressedNodes: bomb }, 1024 * 1024),
    ]);
    assert.deepEqual(first, second);
    assert.deepEqual(await workflowNodes({ compressedNodes: bomb }, 1024 * 1024), first);
  });
});

describe('workflowNode', () => {
  it('gives safe values to a malformed node', () => {
    const node = workflowNode('wf-9', { phase: 'Exploded', children: ['a', 3, null], name: 42 });
    assert.deepEqual(node, {
      id: 'wf-9',
      name: 'wf-9',
      displayName: 'wf-9',
      type: 'Unknown',
      phase: 'Pending',
      children: ['a'],
    });
  });
});

describe('nodeGraphProblem', () => {
  const map = (entries: Record<string, string[]>) =>
    new Map(Object.entries(entries).map(([id, children]) => [id, { id, children }]));

  it('finds nothing wrong with a DAG, diamonds included', () => {
    assert.equal(nodeGraphProblem(map({ r: ['a'], a: ['b', 'c'], b: ['d'], c: ['d'], d: [] })), undefined);
  });

  it('names a child that does not exist', () => {
    assert.match(nodeGraphProblem(map({ r: ['ghost'] })) ?? '', /names a child ghost/);
  });

  it('names a cycle, a node that is its own child included', () => {
    assert.match(nodeGraphProblem(map({ r: ['a'], a: ['b'], b: ['a'] })) ?? '', /cycle/);
    assert.match(nodeGraphProblem(map({ a: ['a'] })) ?? '', /cycle/);
  });

  it('walks a chain of 100,000 nodes without overflowing the stack', () => {
    const chain: Record<string, string[]> = {};
    for (let i = 0; i < 100_000; i++) chain[`n${i}`] = i + 1 < 100_000 ? [`n${i + 1}`] : [];
    assert.equal(nodeGraphProblem(map(chain)), undefined);
  });
});

describe('liveWorkflowNodes', () => {
  const packed = (map: object) => ({ compressedNodes: gzipSync(JSON.stringify(map)).toString('base64') });
  const mapOf = (list: WorkflowNode[]) => new Map(list.map((n) => [n.id, n]));

  it('sends only the changes since the version the worker kept, and everything when it has not', async () => {
    const key = 'test-live-1';
    const first = await liveWorkflowNodes(key, undefined, packed(nodes), new Map());
    assert.ok(first.ok && first.all !== undefined);
    assert.deepEqual(
      first.changed.map((n) => n.id),
      ['wf-1', 'wf-2'],
    );
    const held = mapOf(first.all);
    const next = {
      'wf-1': nodes['wf-1'],
      'wf-2': { ...nodes['wf-2'], phase: 'Failed' },
      'wf-3': { type: 'Pod' },
    };
    const second = await liveWorkflowNodes(key, first.version, packed(next), held);
    assert.ok(second.ok);
    assert.equal(second.all, undefined, 'changes, not every node');
    assert.deepEqual(
      second.changed.map((n) => `${n.id}:${n.phase}`),
      ['wf-2:Failed', 'wf-3:Pending'],
    );
    const third = await liveWorkflowNodes(key, second.version, packed({ 'wf-1': nodes['wf-1'] }), held);
    assert.ok(third.ok);
    assert.deepEqual(third.removed.sort(), ['wf-2', 'wf-3']);
    // A version it does not hold (another's, or forgotten): every node, compared with what the caller holds.
    forgetLiveWorkflowNodes(key);
    const again = await liveWorkflowNodes(key, third.version, packed(next), mapOf(first.all));
    assert.ok(again.ok && again.all !== undefined);
    assert.deepEqual(
      again.changed.map((n) => n.id),
      ['wf-2', 'wf-3'],
    );
  });

  it('compares plain status.nodes on the spot, and refuses a map that is not one', async () => {
    const result = await liveWorkflowNodes('test-live-2', undefined, { nodes }, new Map());
    assert.ok(result.ok);
    assert.equal(result.version, undefined);
    assert.equal(result.changed.length, 2);
    const broken = await liveWorkflowNodes('test-live-2', undefined, packed({ a: 3 }), new Map());
    assert.equal(broken.ok, false);
  });
});
