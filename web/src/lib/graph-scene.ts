// A collapsed, laid-out graph in the form the canvas draws from and a Web Worker can hand over
// without copying: positions and edge lines in typed arrays (transferred), items in rows top-down so
// what lies in a rectangle of the screen is found by binary search, not by scanning 20,000 items.
// A layer too wide for one row (an expanded fan-out) is wrapped into a block; edges into and out of a
// block are drawn once, to its top and from its bottom, instead of thousands of lines crossing it.
import { collapseGraph } from './graph-collapse.ts';
import { type CollapseNode, type CollapseOptions, type GraphItem } from './graph-items.ts';
import { defaultLayoutOptions, layoutGraph, type LayoutOptions } from './graph-layout.ts';

/* eslint-disable @typescript-eslint/no-non-null-assertion --
   typed arrays indexed by item and row numbers below their length. */

/** An item as the canvas and the page read it (its node's id is in the page's nodes). */
export type SceneItem = GraphItem extends infer T ? (T extends GraphItem ? Omit<T, 'id'> : never) : never;
const KINDS = ['node', 'junction', 'retry', 'group'] as const;

export interface GraphScene {
  /** Items are numbered in layout order: rows top-down, each left to right. */
  itemCount: number;
  /** Index into KINDS (node, junction, retry, group). */
  kind: Uint8Array;
  /** The node an item draws; for a group, its parent. */
  node: Int32Array;
  exit: Uint8Array;
  /** Index into `keys` of the expanded retry or group the item is one of, or -1. */
  openIn: Int32Array;
  keys: string[];
  /** Retries and groups carry more (counts, labels): their items in full, found by `special`. */
  special: Int32Array;
  specials: SceneItem[];
  /** Centre and size of each item, in layout (world) coordinates. */
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  h: Float64Array;
  /** Edge lines, from the bottom of one item (or block) to the top of another: x1, y1, x2, y2. */
  edgeLines: Float64Array;
  /** 1 where the edge leads to the exit handler. */
  edgeExit: Uint8Array;
  /** Wrapped layers, drawn as a frame: left, top, right, bottom. */
  blocks: Float64Array;
  /** For each input node, the item that shows it. */
  shownBy: Int32Array;
  /** For each input node, the group (index into `specials`) that counts its phase, or -1. */
  countedBy: Int32Array;
  /** For each input node, the retry (index into `specials`) it is the last attempt of, or -1. */
  lastAttemptOf: Int32Array;
  /** Items of row r are rowStart[r] … rowStart[r + 1] - 1. */
  rowStart: Int32Array;
  width: number;
  height: number;
  nodeCount: number;
  timings: { collapseMs: number; layoutMs: number };
}

export const SCENE_LAYOUT: LayoutOptions = { ...defaultLayoutOptions, nodeWidth: 200, maxRowNodes: 100 };
export const JUNCTION_SIZE = 16;
const MAX_HALF_WIDTH = SCENE_LAYOUT.nodeWidth / 2;
const MAX_HALF_HEIGHT = SCENE_LAYOUT.nodeHeight / 2;

export function buildScene(
  nodes: readonly CollapseNode[],
  options: CollapseOptions,
  clock: () => number = () => performance.now(),
): GraphScene {
  const t0 = clock();
  const collapsed = collapseGraph(nodes, options);
  const t1 = clock();
  const ids = collapsed.items.map((item) => item.id);
  const layout = layoutGraph(
    {
      nodes: ids,
      edges: collapsed.edges.map((e) => [ids[e.from]!, ids[e.to]!] as const),
    },
    SCENE_LAYOUT,
  );
  const t2 = clock();

  const m = layout.nodes.length;
  const oldIndex = new Map(ids.map((id, i) => [id, i]));
  const newIndex = new Int32Array(collapsed.items.length).fill(-1);
  const kind = new Uint8Array(m);
  const node = new Int32Array(m);
  const exit = new Uint8Array(m);
  const openIn = new Int32Array(m).fill(-1);
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const special = new Int32Array(m).fill(-1);
  const specials: SceneItem[] = [];
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  const w = new Float64Array(m);
  const h = new Float64Array(m);
  const rows: number[] = [];
  const layerOf = new Int32Array(m);
  const rowsInLayer = new Int32Array(layout.layers);
  layout.nodes.forEach((placed, i) => {
    const item = collapsed.items[oldIndex.get(placed.id)!]!;
    newIndex[oldIndex.get(placed.id)!] = i;
    kind[i] = KINDS.indexOf(item.kind);
    node[i] = item.kind === 'group' ? item.parent : item.node;
    exit[i] = item.exit ? 1 : 0;
    if (item.openIn !== null) {
      let k = keyIndex.get(item.openIn);
      if (k === undefined) {
        k = keys.push(item.openIn) - 1;
        keyIndex.set(item.openIn, k);
      }
      openIn[i] = k;
    }
    if (item.kind === 'retry' || item.kind === 'group') {
      const { id: _id, ...rest } = item;
      special[i] = specials.push(rest) - 1;
    }
    x[i] = placed.x;
    y[i] = placed.y;
    layerOf[i] = placed.layer;
    const small = item.kind === 'junction';
    w[i] = small ? JUNCTION_SIZE : SCENE_LAYOUT.nodeWidth;
    h[i] = small ? JUNCTION_SIZE : SCENE_LAYOUT.nodeHeight;
    if (i === 0 || placed.y !== y[i - 1]) {
      rows.push(i);
      rowsInLayer[placed.layer]!++;
    }
  });
  rows.push(m);

  // Blocks: the bounds of each wrapped layer.
  const blockOf = new Int32Array(layout.layers).fill(-1);
  const blocks: number[] = [];
  const pad = SCENE_LAYOUT.horizontalGap / 2;
  for (let i = 0; i < m; i++) {
    const l = layerOf[i]!;
    if (rowsInLayer[l]! < 2) continue;
    let b = blockOf[l]!;
    if (b === -1) {
      b = blockOf[l] = blocks.length / 4;
      blocks.push(Infinity, Infinity, -Infinity, -Infinity);
    }
    blocks[4 * b] = Math.min(blocks[4 * b]!, x[i]! - w[i]! / 2 - pad);
    blocks[4 * b + 1] = Math.min(blocks[4 * b + 1]!, y[i]! - h[i]! / 2 - pad);
    blocks[4 * b + 2] = Math.max(blocks[4 * b + 2]!, x[i]! + w[i]! / 2 + pad);
    blocks[4 * b + 3] = Math.max(blocks[4 * b + 3]!, y[i]! + h[i]! / 2 + pad);
  }

  // Edge lines; an end in a block is the block's middle, so a block's thousand edges are one line.
  const lines: number[] = [];
  const exits: number[] = [];
  const drawn = new Set<number>();
  const ends = m + blocks.length / 4; // an end is an item, or a block numbered after the items
  for (const e of collapsed.edges) {
    const a = newIndex[e.from]!;
    const b = newIndex[e.to]!;
    if (a === -1 || b === -1) continue;
    const fromBlock = blockOf[layerOf[a]!]!;
    const toBlock = blockOf[layerOf[b]!]!;
    if (fromBlock !== -1 && fromBlock === toBlock) continue; // only a cycle links a layer to itself
    const key = (fromBlock === -1 ? a : m + fromBlock) * ends + (toBlock === -1 ? b : m + toBlock);
    if (drawn.has(key)) continue;
    drawn.add(key);
    if (fromBlock === -1) lines.push(x[a]!, y[a]! + h[a]! / 2);
    else lines.push((blocks[4 * fromBlock]! + blocks[4 * fromBlock + 2]!) / 2, blocks[4 * fromBlock + 3]!);
    if (toBlock === -1) lines.push(x[b]!, y[b]! - h[b]! / 2);
    else lines.push((blocks[4 * toBlock]! + blocks[4 * toBlock + 2]!) / 2, blocks[4 * toBlock + 1]!);
    exits.push(e.exit ? 1 : 0);
  }
  const shownBy = collapsed.shownBy.map((i) => (i === -1 ? -1 : newIndex[i]!));
  const { countedBy, lastAttemptOf } = phaseFigures(nodes, shownBy, special, specials);
  return {
    itemCount: m,
    kind,
    node,
    exit,
    openIn,
    keys,
    special,
    specials,
    x,
    y,
    w,
    h,
    edgeLines: Float64Array.from(lines),
    edgeExit: Uint8Array.from(exits),
    blocks: Float64Array.from(blocks),
    shownBy,
    countedBy,
    lastAttemptOf,
    rowStart: Int32Array.from(rows),
    width: layout.width,
    height: layout.height,
    nodeCount: nodes.length,
    timings: { collapseMs: t1 - t0, layoutMs: t2 - t1 },
  };
}

/**
 * Which nodes' phases make what grouping computed from phases — a group's counts over its members
 * (the parent's children it shows), a retry's last phase — so an update of phases counts again only
 * the nodes that changed (sceneWithPhaseChanges). Made with the layout, in the worker. A group whose
 * members are not its parent's children it shows is left as grouping counted it.
 */
function phaseFigures(
  nodes: readonly CollapseNode[],
  shownBy: Int32Array,
  special: Int32Array,
  specials: readonly SceneItem[],
): { countedBy: Int32Array; lastAttemptOf: Int32Array } {
  const countedBy = new Int32Array(nodes.length).fill(-1);
  const lastAttemptOf = new Int32Array(nodes.length).fill(-1);
  const place = new Map(nodes.map((n, i) => [n.id, i]));
  for (let i = 0; i < special.length; i++) {
    const s = special[i]!;
    if (s === -1) continue;
    const item = specials[s]!;
    if (item.kind === 'group') {
      const members: number[] = [];
      for (const child of nodes[item.parent]?.children ?? []) {
        const c = place.get(child);
        if (c !== undefined && shownBy[c] === i) members.push(c);
      }
      if (members.length === item.members) for (const c of members) countedBy[c] = s;
    } else if (item.kind === 'retry' && item.attempts > 0) {
      const last = place.get(nodes[item.node]?.children.at(-1) ?? '');
      if (last !== undefined) lastAttemptOf[last] = s;
    }
  }
  return { countedBy, lastAttemptOf };
}

/** The buffers a worker may transfer instead of copying. */
export function sceneBuffers(scene: GraphScene): ArrayBuffer[] {
  return [
    scene.kind,
    scene.node,
    scene.exit,
    scene.openIn,
    scene.special,
    scene.x,
    scene.y,
    scene.w,
    scene.h,
    scene.edgeLines,
    scene.edgeExit,
    scene.blocks,
    scene.shownBy,
    scene.countedBy,
    scene.lastAttemptOf,
    scene.rowStart,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** Item i in full, or undefined past the end. */
export function sceneItem(scene: GraphScene, i: number): SceneItem | undefined {
  if (i < 0 || i >= scene.itemCount) return undefined;
  const s = scene.special[i]!;
  if (s !== -1) return scene.specials[s];
  const open = scene.openIn[i]!;
  return {
    kind: scene.kind[i] === 1 ? 'junction' : 'node',
    node: scene.node[i]!,
    exit: scene.exit[i] === 1,
    openIn: open === -1 ? null : scene.keys[open]!,
  };
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** First index in [lo, hi) for which `below(i)` is false; `below` must be true then false. */
function firstNotBelow(lo: number, hi: number, below: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Calls `visit` with every item whose box meets `rect`, in drawing order. O(rows·log + found). */
export function forEachItemIn(scene: GraphScene, rect: Rect, visit: (item: number) => void): void {
  const { rowStart, x, y, w, h } = scene;
  const rowCount = rowStart.length - 1;
  const firstRow = firstNotBelow(0, rowCount, (r) => y[rowStart[r]!]! + MAX_HALF_HEIGHT < rect.top);
  for (let r = firstRow; r < rowCount; r++) {
    const start = rowStart[r]!;
    const end = rowStart[r + 1]!;
    if (y[start]! - MAX_HALF_HEIGHT > rect.bottom) break;
    let i = firstNotBelow(start, end, (k) => x[k]! + MAX_HALF_WIDTH < rect.left);
    for (; i < end && x[i]! - MAX_HALF_WIDTH <= rect.right; i++) {
      if (
        x[i]! + w[i]! / 2 >= rect.left &&
        x[i]! - w[i]! / 2 <= rect.right &&
        y[i]! + h[i]! / 2 >= rect.top &&
        y[i]! - h[i]! / 2 <= rect.bottom
      )
        visit(i);
    }
  }
}

/** The item under a world point, or -1. */
export function itemAt(scene: GraphScene, px: number, py: number): number {
  let found = -1;
  forEachItemIn(scene, { left: px, top: py, right: px, bottom: py }, (i) => (found = i));
  return found;
}
