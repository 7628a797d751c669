import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CollapseNode } from './graph-items.ts';
import { buildScene, sceneItem } from './graph-scene.ts';
import { findNodes, nodeNamesOf, revealStep } from './graph-search.ts';
import { node, stepsFanOut } from './graph-test-nodes.ts';

describe('findNodes', () => {
  const nodes = nodeNamesOf([
    { id: 'a', displayName: 'Extract', name: 'etl.extract' },
    { id: 'b', displayName: 'load', name: 'etl.load' },
    { id: 'c', displayName: 'x', name: 'etl.extract-b' },
  ]);
  it('matches display names case-insensitively, then full names', () => {
    assert.deepEqual(findNodes(nodes, 'EXTRACT'), [0, 2]);
    assert.deepEqual(findNodes(nodes, 'etl.'), [0, 1, 2]);
    assert.deepEqual(findNodes(nodes, 'load'), [1]);
  });
  it('finds nothing for a blank query', () => {
    assert.deepEqual(findNodes(nodes, '  '), []);
  });
});

describe('revealStep: a search reaches every node', () => {
  // 30 × part (a fan-out) → each a Retry whose last attempt (a Steps node, folded into the Retry node)
  // runs a fan-out of 25 × chunk; the chunks hang off the Retry node as they hung off the attempt.
  const nodes: CollapseNode[] = [node('wf', 'Steps', ['sg0']), node('sg0', 'StepGroup', [])];
  for (let p = 0; p < 30; p++) {
    nodes[1]?.children.push(`part-${p}`);
    const chunks = Array.from({ length: 25 }, (_, c) => `chunk-${p}-${c}`);
    nodes.push(
      node(`part-${p}`, 'Retry', [`part-${p}-a0`, `part-${p}-a1`]),
      node(`part-${p}-a0`, 'Pod', [], 'Failed'),
      node(`part-${p}-a1`, 'Steps', [`part-${p}-sg`]),
      node(`part-${p}-sg`, 'StepGroup', chunks),
      ...chunks.map((id) => node(id, 'Pod', [], 'Succeeded', { displayName: `chunk(${id})` })),
    );
  }
  const target = nodes.findIndex((n) => n.id === 'chunk-17-4');

  it('expands the outer group, then the inner one, then shows the node', () => {
    const expanded = new Set<string>();
    const steps: string[] = [];
    for (let round = 0; round < 10; round++) {
      const scene = buildScene(nodes, { fanOutThreshold: 20, expanded });
      const step = revealStep(scene, target, expanded);
      if (step.kind === 'expand') {
        steps.push(step.key);
        expanded.add(step.key);
        continue;
      }
      assert.ok(step.kind === 'shown', `revealed, not ${step.kind}`);
      assert.equal(sceneItem(scene, step.item)?.kind, 'node');
      assert.equal(scene.node[step.item], target);
      break;
    }
    assert.deepEqual(steps, ['group:sg0', 'group:part-17-sg']);
  });

  it('expands a Retry node to show a failed attempt', () => {
    const attempt = nodes.findIndex((n) => n.id === 'part-3-a0');
    const expanded = new Set(['group:sg0']);
    const step = revealStep(buildScene(nodes, { fanOutThreshold: 20, expanded }), attempt, expanded);
    assert.deepEqual(step, { kind: 'expand', key: 'retry:part-3' });
    expanded.add('retry:part-3');
    const shown = revealStep(buildScene(nodes, { fanOutThreshold: 20, expanded }), attempt, expanded);
    assert.equal(shown.kind, 'shown');
  });

  it('finds a node hidden in a group by its name', () => {
    const matches = findNodes(nodeNamesOf(nodes), 'chunk(chunk-17-4)');
    assert.deepEqual(matches, [target]);
  });

  it('says missing for a node that is not in the graph or that expanding does not show', () => {
    const scene = buildScene(stepsFanOut(30), { fanOutThreshold: 20, expanded: new Set() });
    assert.equal(revealStep(scene, 999, new Set()).kind, 'missing');
    assert.equal(revealStep(scene, 2, new Set(['group:sg0'])).kind, 'missing');
    assert.deepEqual(revealStep(scene, 2, new Set()), { kind: 'expand', key: 'group:sg0' });
  });
});
