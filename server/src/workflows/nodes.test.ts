import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { workflowNode } from './detail.ts';
import { nodeGraphProblem, workflowNodes } from './nodes.ts';

const nodes = {
  'wf-1': { id: 'wf-1', type: 'DAG', phase: 'Succeeded', children: ['wf-2'] },
  'wf-2': { id: 'wf-2', type: 'Pod', phase: 'Succeeded' },
};

describe('workflowNodes', () => {
  it('reads status.nodes', () => {
    const result = workflowNodes({ nodes });
    assert.ok(result.ok);
    assert.deepEqual([...result.nodes.keys()], ['wf-1', 'wf-2']);
  });

  it('reads status.compressedNodes (gzip + base64), as Argo writes large workflows', () => {
    const compressedNodes = gzipSync(JSON.stringify(nodes)).toString('base64');
    const result = workflowNodes({ compressedNodes });
    assert.ok(result.ok);
    assert.equal(result.nodes.get('wf-2')?.['type'], 'Pod');
  });

  it('reads a workflow that has no nodes yet', () => {
    const result = workflowNodes({});
    assert.ok(result.ok);
    assert.equal(result.nodes.size, 0);
  });

  it('reports compressed nodes that are not gzip', () => {
    const result = workflowNodes({ compressedNodes: Buffer.from('not gzip').toString('base64') });
    assert.ok(!result.ok);
    assert.match(result.reason, /compressedNodes cannot be read/);
  });

  it('reports nodes that are not a map of objects', () => {
    assert.equal(workflowNodes({ nodes: ['a'] }).ok, false);
    assert.equal(workflowNodes({ nodes: { a: 'b' } }).ok, false);
    assert.equal(workflowNodes({ compressedNodes: 42 }).ok, false);
  });

  it('refuses a gzip bomb instead of exhausting memory', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 32)).toString('base64');
    const result = workflowNodes({ compressedNodes: bomb }, 1024 * 1024);
    assert.ok(!result.ok);
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
