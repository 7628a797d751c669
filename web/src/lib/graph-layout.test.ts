import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutGraph, type Layout } from './graph-layout.ts';

function byId(layout: Layout) {
  return new Map(layout.nodes.map((node) => [node.id, node]));
}

describe('layoutGraph', () => {
  it('puts each node one layer below its lowest parent', () => {
    // a → b → d, a → c → d, a → d
    const layout = layoutGraph({
      nodes: ['a', 'b', 'c', 'd'],
      edges: [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'd'],
        ['c', 'd'],
        ['a', 'd'],
      ],
    });
    const nodes = byId(layout);
    assert.deepEqual(
      ['a', 'b', 'c', 'd'].map((id) => nodes.get(id)?.layer),
      [0, 1, 1, 2],
    );
    assert.equal(layout.layers, 3);
    assert.deepEqual(layout.backEdges, []);
  });

  it('never overlaps two nodes', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => `n${i}`);
    const edges: [string, string][] = nodes.slice(1).map((id, i) => [`n${Math.floor(i / 3)}`, id]);
    const layout = layoutGraph({ nodes, edges });
    const spots = new Set(layout.nodes.map((node) => `${node.x},${node.y}`));
    assert.equal(spots.size, 200);
  });

  it('keeps children under their parents (no crossing in a tree)', () => {
    const layout = layoutGraph({
      nodes: ['root', 'l', 'r', 'l1', 'l2', 'r1', 'r2'],
      edges: [
        ['root', 'l'],
        ['root', 'r'],
        ['l', 'l1'],
        ['l', 'l2'],
        ['r', 'r1'],
        ['r', 'r2'],
      ],
    });
    const x = (id: string) => byId(layout).get(id)?.x ?? NaN;
    assert.ok(x('l') < x('r'));
    assert.ok(Math.max(x('l1'), x('l2')) < Math.min(x('r1'), x('r2')));
  });

  it('places every node of a cyclic (malformed) graph and reports the edge that closes the cycle', () => {
    const layout = layoutGraph({
      nodes: ['a', 'b', 'c'],
      edges: [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ],
    });
    assert.equal(layout.nodes.length, 3);
    assert.equal(layout.backEdges.length, 1);
  });

  it('ignores edges to unknown nodes, self loops and duplicate ids', () => {
    const layout = layoutGraph({
      nodes: ['a', 'b', 'a'],
      edges: [
        ['a', 'ghost'],
        ['a', 'a'],
        ['a', 'b'],
      ],
    });
    assert.deepEqual(
      layout.nodes.map((node) => node.id),
      ['a', 'b'],
    );
  });

  it('lays out an empty graph', () => {
    assert.deepEqual(layoutGraph({ nodes: [], edges: [] }), {
      nodes: [],
      backEdges: [],
      width: 0,
      height: 0,
      layers: 0,
    });
  });

  it('lays out a 20,000-node fan-out completely', () => {
    const nodes = ['root', ...Array.from({ length: 20_000 }, (_, i) => `item-${i}`), 'join'];
    const edges: [string, string][] = [];
    for (let i = 0; i < 20_000; i++) edges.push(['root', `item-${i}`], [`item-${i}`, 'join']);
    const layout = layoutGraph({ nodes, edges });
    assert.equal(layout.nodes.length, 20_002);
    assert.equal(byId(layout).get('join')?.layer, 2);
  });

  it('wraps a layer wider than maxRowNodes onto more rows, keeping the layers in order', () => {
    const nodes = ['root', ...Array.from({ length: 250 }, (_, i) => `item-${i}`), 'join'];
    const edges: [string, string][] = [];
    for (let i = 0; i < 250; i++) edges.push(['root', `item-${i}`], [`item-${i}`, 'join']);
    const layout = layoutGraph(
      { nodes, edges },
      { nodeWidth: 10, nodeHeight: 10, horizontalGap: 0, verticalGap: 0, maxRowNodes: 100 },
    );
    const placed = byId(layout);
    const itemRows = new Set(nodes.slice(1, -1).map((id) => placed.get(id)?.y));
    assert.equal(itemRows.size, 3, 'the 250 items take three rows');
    assert.equal(layout.width, 1000, 'no row is wider than 100 nodes');
    assert.equal(layout.height, 50, 'root, three rows of items, join');
    assert.ok((placed.get('join')?.y ?? 0) > Math.max(...[...itemRows].map((y) => y ?? 0)));
    assert.equal(new Set(layout.nodes.map((node) => `${node.x},${node.y}`)).size, 252, 'no overlaps');
  });
});
