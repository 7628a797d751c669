import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupKey } from './graph-items.ts';
import { buildScene, forEachItemIn, itemAt, type Rect, sceneItem, sceneWithPhases } from './graph-scene.ts';
import { stepsFanOut } from './graph-test-nodes.ts';

const expandedFanOut = () =>
  buildScene(stepsFanOut(1234, 3), { fanOutThreshold: 20, expanded: new Set([groupKey('sg0')]) });

function bruteForce(scene: ReturnType<typeof buildScene>, r: Rect): number[] {
  const found: number[] = [];
  for (let i = 0; i < scene.itemCount; i++) {
    const [x, y, w, h] = [scene.x[i] ?? 0, scene.y[i] ?? 0, scene.w[i] ?? 0, scene.h[i] ?? 0];
    if (x + w / 2 >= r.left && x - w / 2 <= r.right && y + h / 2 >= r.top && y - h / 2 <= r.bottom)
      found.push(i);
  }
  return found;
}

describe('buildScene', () => {
  it('lays out the collapsed graph: a 5,000-node fan-out is five items', () => {
    const scene = buildScene(stepsFanOut(5000), { fanOutThreshold: 20, expanded: new Set() });
    assert.equal(scene.nodeCount, 5004);
    assert.equal(scene.itemCount, 5);
    assert.equal(sceneItem(scene, scene.shownBy[2] ?? -1)?.kind, 'group');
    assert.equal(scene.edgeExit.length, 4);
    assert.equal(scene.blocks.length, 0);
  });

  it('wraps an expanded fan-out into rows and maps every node to the item that shows it', () => {
    const nodes = stepsFanOut(1234, 3);
    const scene = expandedFanOut();
    assert.equal(scene.itemCount, 1238);
    assert.ok(scene.width <= 100 * 224, 'no row is wider than 100 nodes');
    nodes.forEach((_, i) => assert.equal(scene.node[scene.shownBy[i] ?? -1], i));
  });

  it('draws the 2 × 1,234 edges of an expanded fan-out as one line into its block and one out', () => {
    const scene = expandedFanOut();
    assert.equal(scene.blocks.length, 4, 'one block');
    const [left, top, right, bottom] = [...scene.blocks];
    assert.equal(scene.edgeExit.length, 4, 'wf→[0], [0]→block, block→[1], [1]→report');
    const lines = [...scene.edgeLines];
    const middle = ((left ?? 0) + (right ?? 0)) / 2;
    const ends = [];
    for (let e = 0; e < 4; e++) ends.push(lines.slice(4 * e, 4 * e + 4));
    assert.ok(
      ends.some(([, , x2, y2]) => x2 === middle && y2 === top),
      'a line ends at the block’s top',
    );
    assert.ok(
      ends.some(([x1, y1]) => x1 === middle && y1 === bottom),
      'a line starts at its bottom',
    );
  });
});

describe('forEachItemIn', () => {
  it('finds exactly the items whose boxes meet the rectangle', () => {
    const scene = expandedFanOut();
    const rects: Rect[] = [
      { left: 0, top: 0, right: 1280, bottom: 800 },
      { left: 5000, top: 300, right: 9000, bottom: 700 },
      { left: -100, top: -100, right: -1, bottom: -1 },
      { left: 0, top: 0, right: scene.width, bottom: scene.height },
      { left: 190, top: 95, right: 191, bottom: 96 },
    ];
    for (const r of rects) {
      const found: number[] = [];
      forEachItemIn(scene, r, (i) => found.push(i));
      assert.deepEqual(found, bruteForce(scene, r), JSON.stringify(r));
    }
  });

  it('hits an item by a point inside it, and nothing between items', () => {
    const scene = expandedFanOut();
    const i = 500;
    assert.equal(itemAt(scene, scene.x[i] ?? 0, scene.y[i] ?? 0), i);
    assert.equal(itemAt(scene, (scene.x[i] ?? 0) + 110, scene.y[i] ?? 0), -1, 'in the gap to the right');
  });
});

describe('sceneWithPhases', () => {
  it('counts a folded fan-out’s phases again without laying it out, and equals a fresh scene', () => {
    const nodes = stepsFanOut(500, 0);
    const options = { fanOutThreshold: 20, expanded: new Set<string>() };
    const scene = buildScene(nodes, options);
    const indexOf = new Map(nodes.map((n, i) => [n.id, i]));
    assert.equal(sceneWithPhases(scene, nodes, indexOf), scene, 'nothing changed: the same scene');
    // 30 shards fail while it runs: the same shape, other phases.
    const changed = nodes.map((n, i) => (i >= 2 && i < 32 ? { ...n, phase: 'Failed' as const } : n));
    const updated = sceneWithPhases(scene, changed, indexOf);
    assert.notEqual(updated, scene);
    assert.equal(updated.x, scene.x, 'the layout is kept');
    const fresh = buildScene(changed, options);
    const group = (s: typeof scene) => sceneItem(s, s.shownBy[2] ?? -1);
    assert.deepEqual(group(updated), group(fresh));
    assert.deepEqual((group(updated) as { counts: unknown }).counts, { Succeeded: 470, Failed: 30 });
  });
});
