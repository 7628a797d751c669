import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowNode } from '@argovue/api-types';
import { layoutGraph } from './graph-layout.ts';
import { hitBoxes, layoutInputFromNodes } from './workflow-graph-input.ts';

const node = (id: string, children: string[], type = 'Pod'): WorkflowNode => ({
  id,
  name: id,
  displayName: id,
  type,
  phase: 'Succeeded',
  children,
});

describe('layoutInputFromNodes', () => {
  it('makes an edge from each node to each of its children', () => {
    const input = layoutInputFromNodes([
      node('root', ['a', 'b'], 'DAG'),
      node('a', ['c']),
      node('b', ['c']),
      node('c', []),
    ]);
    assert.deepEqual(input.nodes, ['root', 'a', 'b', 'c']);
    assert.deepEqual(input.edges, [
      ['root', 'a'],
      ['root', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });

  it('ignores children that are not nodes', () => {
    assert.deepEqual(layoutInputFromNodes([node('root', ['gone'])]).edges, []);
  });
});

describe('hitBoxes', () => {
  it('draws group nodes small and the others full size', () => {
    const nodes = [node('root', ['g'], 'Steps'), node('g', ['p'], 'StepGroup'), node('p', [])];
    const boxes = hitBoxes(layoutGraph(layoutInputFromNodes(nodes)), nodes);
    assert.deepEqual(
      boxes.map((b) => [b.id, b.width]),
      [
        ['root', 180],
        ['g', 16],
        ['p', 180],
      ],
    );
  });
});
