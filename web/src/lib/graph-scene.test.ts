import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupKey, retryKey } from './graph-items.ts';
import { buildScene, forEachItemIn, type GraphScene, itemAt, type Rect, sceneItem } from './graph-scene.ts';
import { itemsRecoloured, sceneWithPhaseChanges } from './graph-scene-phases.ts';
import { node, stepsFanOut } from './graph-test-nodes.ts';

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

describe('sceneWithPhaseChanges', () => {
  it('counts a folded fan-out’s phases again without laying it out, and equals a fresh scene', () => {
    const nodes = stepsFanOut(500, 0);
    const options = { fanOutThreshold: 20, expanded: new Set<string>() };
    const scene = buildScene(nodes, options);
    assert.equal(sceneWithPhaseChanges(scene, nodes, [...nodes]), scene, 'nothing changed: the same scene');
    // 30 shards fail while it runs: the same shape, other phases.
    const changed = nodes.map((n, i) => (i >= 2 && i < 32 ? { ...n, phase: 'Failed' as const } : n));
    const updated = sceneWithPhaseChanges(scene, nodes, changed);
    assert.notEqual(updated, scene);
    assert.equal(updated.x, scene.x, 'the layout is kept');
    const fresh = buildScene(changed, options);
    const group = (s: typeof scene) => sceneItem(s, s.shownBy[2] ?? -1);
    assert.deepEqual(group(updated), group(fresh));
    assert.deepEqual((group(updated) as { counts: unknown }).counts, { Succeeded: 470, Failed: 30 });
  });

  it('after many updates of a few nodes each, in a fan-out of retries, equals a fresh scene', () => {
    // wf → sg0 → 60 retries (each 1–3 attempts) → sg1; the retries fold into a group, one expanded retry.
    const phases = ['Pending', 'Running', 'Succeeded', 'Failed', 'Error'] as const;
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const retries = Array.from({ length: 60 }, (_, i) => i);
    const attempts = retries.flatMap((i) =>
      Array.from({ length: 1 + (i % 3) }, (_, a) => node(`r${i}-${a}`, 'Pod', ['sg1'], 'Running')),
    );
    let nodes = [
      node('wf', 'Steps', ['sg0']),
      node(
        'sg0',
        'StepGroup',
        retries.map((i) => `r${i}`),
      ),
      ...retries.map((i) =>
        node(
          `r${i}`,
          'Retry',
          Array.from({ length: 1 + (i % 3) }, (_, a) => `r${i}-${a}`),
          'Running',
        ),
      ),
      ...attempts,
      node('sg1', 'StepGroup', [], 'Pending'),
    ];
    const kinds = new Set<string>();
    const folded = new Set<string>();
    const open = new Set([groupKey('sg0')]);
    for (const expanded of [folded, open, new Set([...open, retryKey('r4')])]) {
      const options = { fanOutThreshold: 20, expanded };
      let scene: GraphScene = buildScene(nodes, options);
      for (let i = 0; i < scene.itemCount; i++) kinds.add(sceneItem(scene, i)?.kind ?? '');
      for (let step = 0; step < 40; step++) {
        const next = nodes.map((n) =>
          random() < 0.1 ? { ...n, phase: phases[Math.floor(random() * phases.length)] ?? 'Running' } : n,
        );
        // Every other update with the places that changed, as a delta tells them.
        const places = next.flatMap((n, i) => (n === nodes[i] ? [] : [i]));
        scene = sceneWithPhaseChanges(scene, nodes, next, step % 2 === 0 ? places : undefined);
        nodes = next;
        const fresh = buildScene(nodes, options);
        for (let i = 0; i < scene.itemCount; i++)
          assert.deepEqual(sceneItem(scene, i), sceneItem(fresh, i), `item ${i} after update ${step}`);
      }
    }
    assert.deepEqual([...kinds].sort(), ['group', 'junction', 'node', 'retry']);
  });
});

describe('itemsRecoloured', () => {
  it('names the items far out whose own node changed phase, not groups or nodes folded into them', () => {
    const nodes = stepsFanOut(30, 0);
    const folded = buildScene(nodes, { fanOutThreshold: 20, expanded: new Set() });
    const open = buildScene(nodes, { fanOutThreshold: 20, expanded: new Set([groupKey('sg0')]) });
    // Shards 3 and 4 fail (places 5 and 6), shard 5 gets a new object of the same phase, report runs.
    const after = nodes.map((n, i) =>
      i === 5 || i === 6
        ? { ...n, phase: 'Failed' as const }
        : i === 7 || n.id === 'report'
          ? { ...n, phase: i === 7 ? n.phase : ('Running' as const) }
          : n,
    );
    const report = nodes.findIndex((n) => n.id === 'report');
    const shown = (scene: GraphScene, places: number[]) => places.map((c) => scene.shownBy[c]);
    assert.deepEqual(itemsRecoloured(folded, nodes, after), shown(folded, [report]));
    assert.deepEqual(itemsRecoloured(open, nodes, after), shown(open, [5, 6, report]));
    assert.deepEqual(itemsRecoloured(open, nodes, after, [6, report]), shown(open, [6, report]));
    assert.deepEqual(itemsRecoloured(open, nodes, nodes), []);
  });
});
