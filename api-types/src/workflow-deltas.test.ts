import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyWorkflowDelta,
  changedPlaces,
  changesGraphShape,
  diffValues,
  diffWorkflow,
  graphShapeOf,
  nodePositions,
  sameGraphShape,
} from './workflow-deltas.ts';
import type { WorkflowDetail, WorkflowNode } from './workflows.ts';

function node(id: string, fields: Partial<WorkflowNode> = {}): WorkflowNode {
  return { id, name: `wf.${id}`, displayName: id, type: 'Pod', phase: 'Pending', children: [], ...fields };
}

function detail(nodes: WorkflowNode[], fields: Partial<WorkflowDetail> = {}): WorkflowDetail {
  return {
    row: {
      namespace: 'team-a',
      name: 'wf',
      uid: 'u',
      phase: 'Running',
      createdAt: '2026-12-05T00:00:00Z',
      labels: {},
    } as unknown as WorkflowDetail['row'],
    parameters: [{ name: 'p', value: '1' }],
    annotations: {},
    nodes,
    object: { metadata: { name: 'wf', resourceVersion: '1' }, status: { phase: 'Running', progress: '0/2' } },
    outputs: {} as WorkflowDetail['outputs'],
    ...fields,
  };
}

/** The delta made and applied: the result must be `after` (nodes compared by id). */
function roundTrip(before: WorkflowDetail, after: WorkflowDetail): WorkflowDetail {
  const delta = diffWorkflow(before, after);
  const applied = delta === undefined ? before : applyWorkflowDelta(before, delta);
  // Nodes by id, fields in any order: what a page shows must be exactly what a fresh read shows.
  const canonical = (d: WorkflowDetail): unknown =>
    JSON.parse(JSON.stringify({ ...d, nodes: [...d.nodes].sort((a, b) => a.id.localeCompare(b.id)) }));
  assert.deepEqual(canonical(applied), canonical(after));
  return applied;
}

describe('workflow deltas', () => {
  it('sends only the nodes that changed, and nothing for no change', () => {
    const a = node('a', { phase: 'Running', children: ['b'] });
    const b = node('b');
    const before = detail([a, b]);
    assert.equal(diffWorkflow(before, detail([{ ...a }, { ...b }])), undefined);
    const after = detail([a, { ...b, phase: 'Running', startedAt: '2026-12-05T00:00:01Z' }]);
    const delta = diffWorkflow(before, after);
    assert.deepEqual(
      delta?.nodes?.map((n) => n.id),
      ['b'],
    );
    assert.ok(delta);
    assert.equal(delta.removed, undefined);
    assert.equal(delta.fields, undefined);
    const applied = roundTrip(before, after);
    assert.equal(applied.nodes[0], a, 'an unchanged node stays the same object');
    assert.equal(applied.object, before.object, 'unchanged fields stay the same objects');
  });

  it('adds, removes and changes nodes, keeping the order of those that stay', () => {
    const before = detail([node('a', { children: ['b', 'c'] }), node('b'), node('c')]);
    const after = detail([node('a', { children: ['b', 'd'] }), node('b', { phase: 'Failed' }), node('d')]);
    const delta = diffWorkflow(before, after);
    assert.ok(delta);
    assert.deepEqual(delta.removed, ['c']);
    assert.deepEqual(delta.nodes?.map((n) => n.id).sort(), ['a', 'b', 'd']);
    const applied = roundTrip(before, after);
    assert.deepEqual(
      applied.nodes.map((n) => n.id),
      ['a', 'b', 'd'],
    );
  });

  it('changes workflow-level fields by path, deep and shallow, including removals and nulls', () => {
    const before = detail([], {
      object: {
        metadata: { name: 'wf', resourceVersion: '1', labels: { x: '1', gone: 'y' } },
        status: { phase: 'Running', progress: '0/2', conditions: [{ type: 'A', status: 'True' }] },
        spec: { big: 'unchanged'.repeat(100) },
      },
    });
    const after = detail([], {
      row: { ...before.row, phase: 'Succeeded', finishedAt: '2026-12-05T00:01:00Z' },
      entrypoint: 'main',
      object: {
        metadata: { name: 'wf', resourceVersion: '2', labels: { x: '1', added: null } },
        status: {
          phase: 'Succeeded',
          progress: '2/2',
          conditions: [{ type: 'A', status: 'False' }],
          nodes: null,
        },
        spec: { big: 'unchanged'.repeat(100) },
      },
    });
    const delta = diffWorkflow(before, after);
    const paths = delta?.fields?.map((f) => f.path.join('.')).sort();
    assert.ok(paths?.includes('object.metadata.resourceVersion'));
    assert.ok(paths?.includes('object.metadata.labels.gone'));
    assert.ok(paths?.includes('object.status.conditions.0.status'), 'an array of one length by index');
    assert.ok(!paths?.some((p) => p.startsWith('object.spec')), 'an unchanged field is not sent');
    const applied = roundTrip(before, after);
    assert.equal(
      (applied.object as { spec: unknown }).spec,
      (before.object as { spec: unknown }).spec,
      'what did not change is shared',
    );
    assert.equal((applied.object as { status: { nodes: unknown } }).status.nodes, null);
  });

  it('replaces an array whose length changed, and a key named __proto__ is data', () => {
    const before = detail([], { parameters: [{ name: 'a', value: '1' }] });
    const after = detail([], {
      parameters: [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
      ],
      annotations: JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, string>,
    });
    const applied = roundTrip(before, after);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.getPrototypeOf(applied.annotations), Object.prototype);
    assert.deepEqual(Object.keys(applied.annotations), ['__proto__']);
  });

  it('a long chain of random changes applied one by one ends exactly at the last state', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const phases = ['Pending', 'Running', 'Succeeded', 'Failed'] as const;
    let truth = detail([node('root', { children: [] })]);
    let page = truth;
    for (let step = 0; step < 200; step++) {
      const nodes = truth.nodes.map((n) =>
        random() < 0.2 ? { ...n, phase: phases[Math.floor(random() * 4)] ?? 'Running' } : n,
      );
      if (random() < 0.5) {
        const id = `n${step}`;
        nodes.push(node(id));
        const root = nodes[0] as WorkflowNode;
        nodes[0] = { ...root, children: [...root.children, id] };
      }
      if (random() < 0.2 && nodes.length > 2) {
        const [gone] = nodes.splice(1 + Math.floor(random() * (nodes.length - 1)), 1);
        const root = nodes[0] as WorkflowNode;
        nodes[0] = { ...root, children: root.children.filter((c) => c !== gone?.id) };
      }
      const next = detail(nodes, {
        object: { metadata: { resourceVersion: String(step) }, status: { progress: `${step}/200` } },
      });
      const delta = diffWorkflow(truth, next);
      const before = page;
      if (delta !== undefined)
        page = applyWorkflowDelta(page, JSON.parse(JSON.stringify(delta)) as typeof delta);
      truth = next;
      // What the list carries from the one before it (places, shape) is what a fresh look finds;
      // copies of the lists carry nothing and are compared node by node.
      assert.deepEqual(nodePositions(page.nodes), new Map(page.nodes.map((n, i) => [n.id, i])));
      assert.equal(
        sameGraphShape(before.nodes, page.nodes),
        sameGraphShape([...before.nodes], [...page.nodes]),
      );
    }
    const byId = (d: WorkflowDetail) => new Map(d.nodes.map((n) => [n.id, n]));
    assert.deepEqual(byId(page), byId(truth));
    assert.deepEqual(page.object, truth.object);
  });

  it('tells a change of the graph’s shape from a change of status', () => {
    const before = detail([node('a', { children: ['b'] }), node('b')]);
    const status = diffWorkflow(
      before,
      detail([node('a', { children: ['b'] }), node('b', { phase: 'Running' })]),
    );
    assert.ok(status);
    assert.equal(changesGraphShape(before, status), false);
    const grown = diffWorkflow(before, detail([node('a', { children: ['b', 'c'] }), node('b'), node('c')]));
    assert.ok(grown);
    assert.equal(changesGraphShape(before, grown), true);
    const statusOnly = applyWorkflowDelta(before, status);
    assert.equal(sameGraphShape(before.nodes, statusOnly.nodes), true);
    assert.equal(sameGraphShape(before.nodes, applyWorkflowDelta(before, grown).nodes), false);
  });

  it('an update of phases keeps the list’s places and shape; a node renamed and back is compared again', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => node(`n${i}`));
    const before = detail([node('root', { children: nodes.map((n) => n.id) }), ...nodes]);
    const phases = applyWorkflowDelta(before, { nodes: [node('n7', { phase: 'Running' })] });
    assert.equal(nodePositions(phases.nodes), nodePositions(before.nodes));
    assert.equal(phases.nodes[8]?.phase, 'Running');
    assert.equal(before.nodes[8]?.phase, 'Pending', 'the list before is not changed');
    assert.equal(sameGraphShape(before.nodes, phases.nodes), true);
    assert.deepEqual(changedPlaces(before.nodes, phases.nodes), [8]);
    assert.equal(changedPlaces(phases.nodes, before.nodes), undefined, 'made the other way round');

    const renamed = applyWorkflowDelta(phases, { nodes: [node('n7', { displayName: 'other' })] });
    assert.equal(sameGraphShape(phases.nodes, renamed.nodes), false);
    const back = applyWorkflowDelta(renamed, { nodes: [node('n7')] });
    assert.equal(sameGraphShape(renamed.nodes, back.nodes), false);
    assert.notEqual(graphShapeOf(back.nodes), graphShapeOf(before.nodes));
    assert.equal(sameGraphShape(before.nodes, back.nodes), true);
    assert.equal(graphShapeOf(back.nodes), graphShapeOf(before.nodes), 'found alike: known from now on');
    const whole = detail(back.nodes.map((n) => ({ ...n })));
    assert.equal(sameGraphShape(back.nodes, whole.nodes), true, 'a whole state again, of the same shape');
    assert.equal(graphShapeOf(whole.nodes), graphShapeOf(phases.nodes));
    assert.equal(changedPlaces(phases.nodes, back.nodes), undefined, 'two deltas apart');

    const grown = applyWorkflowDelta(back, { nodes: [node('n7', { phase: 'Failed' }), node('new')] });
    assert.deepEqual(
      grown.nodes.map((n) => n.id),
      [...before.nodes.map((n) => n.id), 'new'],
    );
    assert.equal(nodePositions(grown.nodes).get('new'), 51);
    assert.equal(nodePositions(back.nodes).get('new'), undefined, 'the older list’s places are its own');
    assert.equal(sameGraphShape(back.nodes, grown.nodes), false);
    assert.equal(changedPlaces(back.nodes, grown.nodes), undefined, 'a node added moves the end');
  });

  it('diffValues of equal values is empty', () => {
    assert.deepEqual(diffValues({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), []);
  });
});
