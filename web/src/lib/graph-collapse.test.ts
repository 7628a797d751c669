import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collapseGraph } from './graph-collapse.ts';
import { type CollapsedGraph, type CollapseNode, type GraphItem, groupKey, retryKey } from './graph-items.ts';
import { node, stepsFanOut } from './graph-test-nodes.ts';

const options = (expanded: string[] = [], workflowName = 'wf') => ({
  fanOutThreshold: 20,
  expanded: new Set(expanded),
  workflowName,
});

/** Edges as `from→to` item ids (a dashed exit link ends with `(exit)`). */
function edgeIds(graph: CollapsedGraph): string[] {
  return graph.edges
    .map((e) => `${graph.items[e.from]?.id}→${graph.items[e.to]?.id}${e.exit ? ' (exit)' : ''}`)
    .sort();
}

function itemShowing(graph: CollapsedGraph, nodes: readonly CollapseNode[], id: string): GraphItem {
  const item = graph.items[graph.shownBy[nodes.findIndex((n) => n.id === id)] ?? -1];
  assert.ok(item, `${id} is shown by an item`);
  return item;
}

describe('collapseGraph: fan-outs', () => {
  it('shows a fan-out of more than the threshold as one group with its phase counts', () => {
    const nodes = stepsFanOut(1000, 10);
    const graph = collapseGraph(nodes, options());
    assert.deepEqual(
      graph.items.map((i) => i.id),
      ['wf', 'sg0', 'group:sg0', 'sg1', 'report'],
    );
    const group = graph.items[2];
    assert.ok(group?.kind === 'group');
    assert.equal(group.label, '1,000 × process-shard');
    assert.equal(group.members, 1000);
    assert.deepEqual(group.counts, { Succeeded: 990, Failed: 10 });
    assert.deepEqual(edgeIds(graph), ['group:sg0→sg1', 'sg0→group:sg0', 'sg1→report', 'wf→sg0']);
    for (let i = 0; i < 1000; i++) assert.equal(itemShowing(graph, nodes, `shard-${i}`).id, 'group:sg0');
  });

  it('keeps a fan-out of exactly the threshold as nodes', () => {
    const graph = collapseGraph(stepsFanOut(20), options());
    assert.equal(graph.items.length, 24);
    assert.ok(graph.items.every((i) => i.kind !== 'group'));
  });

  it('shows the members of an expanded group, each knowing the group to collapse again', () => {
    const nodes = stepsFanOut(30);
    const expanded = collapseGraph(nodes, options([groupKey('sg0')]));
    assert.equal(expanded.items.length, 34);
    const shard = itemShowing(expanded, nodes, 'shard-7');
    assert.equal(shard.id, 'shard-7');
    assert.equal(shard.openIn, 'group:sg0');
    const collapsedAgain = collapseGraph(nodes, options());
    assert.equal(itemShowing(collapsedAgain, nodes, 'shard-7').id, 'group:sg0');
  });

  it('hides each member’s own descendants in the group but keeps the node they all lead to', () => {
    // A DAG fan-out of 30 sub-DAGs (member → a → b), all joined by `join`.
    const nodes: CollapseNode[] = [node('wf', 'DAG', ['tg']), node('join', 'Pod')];
    const members: string[] = [];
    for (let i = 0; i < 30; i++) {
      members.push(`m${i}`);
      nodes.push(
        node(`m${i}`, 'DAG', [`a${i}`]),
        node(`a${i}`, 'Pod', [`b${i}`]),
        node(`b${i}`, 'Pod', ['join']),
      );
    }
    nodes.push(node('tg', 'TaskGroup', members));
    const graph = collapseGraph(nodes, options());
    assert.deepEqual(
      graph.items.map((i) => i.id),
      ['wf', 'join', 'group:tg', 'tg'],
    );
    const group = graph.items[2];
    assert.ok(group?.kind === 'group');
    assert.equal(group.members, 30);
    assert.equal(group.hidden, 90);
    assert.equal(itemShowing(graph, nodes, 'b17').id, 'group:tg');
    assert.deepEqual(edgeIds(graph), ['group:tg→join', 'tg→group:tg', 'wf→tg']);
  });

  it('names a group of unrelated children by their parent', () => {
    const nodes = [
      node(
        'etl',
        'DAG',
        Array.from({ length: 25 }, (_, i) => `t${i}`),
      ),
      ...Array.from({ length: 25 }, (_, i) =>
        node(`t${i}`, 'Pod', [], 'Succeeded', { templateName: `step-${i}` }),
      ),
    ];
    const group = collapseGraph(nodes, options()).items.find((i) => i.kind === 'group');
    assert.equal(group?.kind === 'group' ? group.label : undefined, '25 nodes of etl');
  });
});

describe('collapseGraph: retries', () => {
  // [0] → render (Retry: three attempts) → [1] → publish; the next step hangs off the last attempt.
  const nodes = [
    node('wf', 'Steps', ['sg0']),
    node('sg0', 'StepGroup', ['render']),
    node('render', 'Retry', ['render-0', 'render-1', 'render-2']),
    node('render-0', 'Pod', [], 'Failed'),
    node('render-1', 'Pod', [], 'Error'),
    node('render-2', 'Pod', ['sg1'], 'Succeeded'),
    node('sg1', 'StepGroup', ['publish']),
    node('publish', 'Pod'),
  ];

  it('draws a Retry node as one node with its attempts’ count and last phase', () => {
    const graph = collapseGraph(nodes, options());
    assert.deepEqual(
      graph.items.map((i) => i.id),
      ['wf', 'sg0', 'render', 'sg1', 'publish'],
    );
    const retry = graph.items[2];
    assert.ok(retry?.kind === 'retry');
    assert.equal(retry.attempts, 3);
    assert.equal(retry.lastPhase, 'Succeeded');
    assert.equal(retry.expanded, false);
    assert.equal(itemShowing(graph, nodes, 'render-1').id, 'render');
    assert.deepEqual(edgeIds(graph), ['render→sg1', 'sg0→render', 'sg1→publish', 'wf→sg0']);
  });

  it('shows the attempts of an expanded Retry node', () => {
    const graph = collapseGraph(nodes, options([retryKey('render')]));
    assert.equal(graph.items.length, 8);
    assert.equal(itemShowing(graph, nodes, 'render-1').openIn, 'retry:render');
    assert.ok(edgeIds(graph).includes('render-2→sg1'));
  });

  it('counts a fan-out of retried items once per item, and hides their attempts in the group', () => {
    const wide: CollapseNode[] = [node('sg0', 'StepGroup', [])];
    for (let i = 0; i < 25; i++) {
      wide[0]?.children.push(`r${i}`);
      wide.push(
        node(`r${i}`, 'Retry', [`r${i}-0`, `r${i}-1`]),
        node(`r${i}-0`, 'Pod', [], 'Failed'),
        node(`r${i}-1`, 'Pod'),
      );
    }
    const graph = collapseGraph(wide, options());
    const group = graph.items.find((i) => i.kind === 'group');
    assert.ok(group?.kind === 'group');
    assert.equal(group.members, 25);
    assert.equal(group.hidden, 75);
    assert.equal(itemShowing(graph, wide, 'r3-0').id, 'group:sg0');
  });
});

describe('collapseGraph: the exit handler', () => {
  it('marks the exit handler and links every end of the main graph to it', () => {
    const nodes = [
      node('wf', 'DAG', ['a', 'b']),
      node('a', 'Pod', ['c']),
      node('b', 'Pod'),
      node('c', 'Pod'),
      node('exit', 'Steps', ['exit-sg'], 'Succeeded', { name: 'wf.onExit', displayName: 'wf.onExit' }),
      node('exit-sg', 'StepGroup', ['notify']),
      node('notify', 'Pod'),
    ];
    const graph = collapseGraph(nodes, options());
    assert.deepEqual(
      graph.items.filter((i) => i.exit).map((i) => i.id),
      ['exit', 'exit-sg', 'notify'],
    );
    assert.deepEqual(edgeIds(graph), [
      'a→c',
      'b→exit (exit)',
      'c→exit (exit)',
      'exit-sg→notify',
      'exit→exit-sg',
      'wf→a',
      'wf→b',
    ]);
  });
});

describe('collapseGraph: where the exit handler is reached from', () => {
  const exit = node('exit', 'Pod', [], 'Succeeded', { name: 'wf.onExit', displayName: 'wf.onExit' });
  it('not from the failed attempts of an expanded retry whose last attempt led on', () => {
    const nodes = [
      node('wf', 'Steps', ['r']),
      node('r', 'Retry', ['r0', 'r1']),
      node('r0', 'Pod', [], 'Failed'),
      node('r1', 'Pod', ['last']),
      node('last', 'Pod'),
      exit,
    ];
    for (const expanded of [[], [retryKey('r')]]) {
      const exits = edgeIds(collapseGraph(nodes, options(expanded))).filter((e) => e.endsWith('(exit)'));
      assert.deepEqual(exits, ['last→exit (exit)'], `with ${expanded.join() || 'nothing'} expanded`);
    }
  });

  it('from a retry that ended the workflow, and once from a group of ends', () => {
    const nodes = [
      node('wf', 'DAG', ['r', 'tg']),
      node('r', 'Retry', ['r0', 'r1'], 'Failed'),
      node('r0', 'Pod', [], 'Failed'),
      node('r1', 'Pod', [], 'Failed'),
      node(
        'tg',
        'TaskGroup',
        Array.from({ length: 30 }, (_, i) => `t${i}`),
      ),
      ...Array.from({ length: 30 }, (_, i) => node(`t${i}`, 'Pod')),
      exit,
    ];
    const exits = edgeIds(collapseGraph(nodes, options())).filter((e) => e.endsWith('(exit)'));
    assert.deepEqual(exits, ['group:tg→exit (exit)', 'r→exit (exit)']);
  });
});

describe('collapseGraph: malformed input', () => {
  it('terminates on cycles (also through retries and fan-outs) and shows every node by some item', () => {
    const nodes: CollapseNode[] = [
      node('a', 'DAG', ['b']),
      node('b', 'Pod', ['c']),
      node('c', 'Pod', ['a', ...Array.from({ length: 25 }, (_, i) => `f${i}`)]),
      ...Array.from({ length: 25 }, (_, i) => node(`f${i}`, 'Pod', ['a', 'c'])),
      node('r1', 'Retry', ['r2']),
      node('r2', 'Retry', ['r1']),
      node('self', 'Pod', ['self', 'ghost', 'ghost']),
      node('a', 'Pod'), // a repeated id
    ];
    for (const expanded of [[], [groupKey('c')], [retryKey('r1'), retryKey('r2')]]) {
      const graph = collapseGraph(nodes, options(expanded));
      assert.ok(
        [...graph.shownBy].every((i) => i >= 0 && i < graph.items.length),
        `every node is shown with ${expanded.join(',') || 'nothing'} expanded`,
      );
      assert.ok(graph.edges.every((e) => e.from !== e.to));
    }
  });

  it('draws an empty status as nothing', () => {
    assert.deepEqual(collapseGraph([], options()), { items: [], edges: [], shownBy: new Int32Array(0) });
  });
});
