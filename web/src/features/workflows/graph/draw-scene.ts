// Paints a scene on a 2D canvas: only the items and edges that meet the viewport; below a zoom
// threshold nodes are plain phase-coloured rectangles (no text, batched into one path per colour),
// above it cards with a phase icon, the name, the duration, retries and group counts.
import type { NodePhase, WorkflowNode } from '@argovue/api-types';
import { formatElapsed } from '../../../lib/duration-format.ts';
import {
  forEachItemIn,
  type GraphScene,
  type Rect,
  type SceneItem,
  sceneItem,
} from '../../../lib/graph-scene.ts';
import { type GraphView, screenToWorld } from '../../../lib/graph-view.ts';

/* eslint-disable @typescript-eslint/no-non-null-assertion --
   typed arrays of the scene indexed by item and edge numbers below their length. */

// The same colours as the phase chips in components/workflow-phase.css (a canvas cannot read CSS classes).
export const PHASE_COLOURS: Record<NodePhase, string> = {
  Running: '#1f62c9',
  Pending: '#5b6574',
  Succeeded: '#1f8a4c',
  Failed: '#c0392b',
  Error: '#a4262c',
  Skipped: '#8a94a3',
  Omitted: '#8a94a3',
};
// The same shapes as the phase badges (workflow-phase-badge.tsx): a phase reads without colour vision.
const PHASE_SYMBOLS: Record<NodePhase, string> = {
  Running: '◔',
  Pending: '○',
  Succeeded: '✓',
  Failed: '✕',
  Error: '!',
  Skipped: '↷',
  Omitted: '–',
};
const GROUP_COLOUR = '#6b4fbb';
const COLOUR_ORDER = [...new Set([...Object.values(PHASE_COLOURS), GROUP_COLOUR])];
const EXIT_COLOUR = '#7a4cc2';
/** Below this scale a node is a few pixels tall: text would be unreadable and slow. */
export const DETAIL_SCALE = 0.35;

export interface DrawInput {
  ctx: CanvasRenderingContext2D;
  scene: GraphScene;
  nodes: readonly WorkflowNode[];
  view: GraphView;
  width: number;
  height: number;
  ratio: number;
  selectedItem: number;
  now: Date;
  /** Names fitted to their card, by item: text widths do not change with zoom (drawn in world units). */
  fitted: Map<number, string>;
}

export interface DrawStats {
  items: number;
  edges: number;
}

/** The colour of an item far out: its node's phase, or the group colour. */
function itemColour(scene: GraphScene, nodes: readonly WorkflowNode[], i: number): string {
  if (scene.kind[i] === 3) return GROUP_COLOUR;
  return PHASE_COLOURS[nodes[scene.node[i]!]?.phase ?? 'Pending'];
}

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** The icon of a phase: its symbol in a circle of its colour (colour and shape both say it). */
function drawPhaseIcon(ctx: CanvasRenderingContext2D, phase: NodePhase, x: number, y: number) {
  ctx.beginPath();
  ctx.arc(x, y, 9, 0, Math.PI * 2);
  ctx.fillStyle = PHASE_COLOURS[phase];
  ctx.fill();
  ctx.fillStyle = '#fff';
  ctx.font = 'bold 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText(PHASE_SYMBOLS[phase], x, y + 0.5);
  ctx.textAlign = 'left';
}

function countsLine(counts: Partial<Record<NodePhase, number>>): string {
  return (
    (Object.entries(counts) as [NodePhase, number][])
      // Ties in a fixed order: counts changed in place list their phases in another order than grouping.
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([phase, count]) => `${count.toLocaleString('en-US')} ${PHASE_SYMBOLS[phase]}`)
      .join(' · ')
  );
}

function drawEdges(input: DrawInput, left: number, top: number, right: number, bottom: number): number {
  const { ctx, scene, view } = input;
  const { edgeLines: lines, edgeExit } = scene;
  const curved = view.scale >= DETAIL_SCALE;
  let drawn = 0;
  for (const exit of [0, 1]) {
    ctx.beginPath();
    for (let e = 0; e < edgeExit.length; e++) {
      if (edgeExit[e] !== exit) continue;
      const x1 = lines[4 * e]!;
      const y1 = lines[4 * e + 1]!;
      const x2 = lines[4 * e + 2]!;
      const y2 = lines[4 * e + 3]!;
      if (Math.max(x1, x2) < left || Math.min(x1, x2) > right) continue;
      if (Math.max(y1, y2) < top || Math.min(y1, y2) > bottom) continue;
      drawn++;
      ctx.moveTo(x1, y1);
      if (curved) {
        const mid = (y1 + y2) / 2;
        ctx.bezierCurveTo(x1, mid, x2, mid, x2, y2);
      } else ctx.lineTo(x2, y2);
    }
    ctx.strokeStyle = exit === 1 ? EXIT_COLOUR : '#aab3bf';
    ctx.lineWidth = 1.25 / view.scale;
    ctx.setLineDash(exit === 1 ? [6 / view.scale, 4 / view.scale] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  // The frame of each wrapped (expanded) fan-out: its edges end on it.
  const { blocks } = scene;
  ctx.beginPath();
  for (let b = 0; b < blocks.length; b += 4) {
    const [l, t, r, btm] = [blocks[b]!, blocks[b + 1]!, blocks[b + 2]!, blocks[b + 3]!];
    if (r < left || l > right || btm < top || t > bottom) continue;
    ctx.roundRect(l, t, r - l, btm - t, 12);
  }
  ctx.strokeStyle = GROUP_COLOUR;
  ctx.lineWidth = 1.5 / view.scale;
  ctx.setLineDash([8 / view.scale, 6 / view.scale]);
  ctx.stroke();
  ctx.setLineDash([]);
  return drawn;
}

/** A group's icon: three stacked squares in the group colour (no font has to carry it). */
function drawGroupIcon(ctx: CanvasRenderingContext2D, x: number, y: number) {
  ctx.fillStyle = GROUP_COLOUR;
  for (const shift of [-4, 0, 4]) {
    ctx.beginPath();
    ctx.roundRect(x - 6 + shift, y - 6 - shift, 9, 9, 2);
    ctx.fillStyle = shift === 4 ? GROUP_COLOUR : '#cfc4ef';
    ctx.fill();
  }
}

/** Far out: one path per colour, rectangles only. */
function drawSimple(input: DrawInput, visible: readonly number[]) {
  const { ctx, scene, nodes } = input;
  const byColour = new Map<string, number[]>();
  for (const i of visible) {
    const colour = itemColour(scene, nodes, i);
    const list = byColour.get(colour);
    if (list === undefined) byColour.set(colour, [i]);
    else list.push(i);
  }
  // In one order of colours whatever the items: a frame that paints some items again blends the
  // pixels two neighbours share (far out, less than a pixel apart) as a whole frame did.
  for (const colour of COLOUR_ORDER) {
    const list = byColour.get(colour);
    if (list === undefined) continue;
    ctx.beginPath();
    for (const i of list) {
      const w = scene.w[i]!;
      const h = scene.h[i]!;
      ctx.rect(scene.x[i]! - w / 2, scene.y[i]! - h / 2, w, h);
    }
    ctx.fillStyle = colour;
    ctx.fill();
  }
}

function secondLine(item: SceneItem, node: WorkflowNode | undefined, now: Date): string {
  if (item.kind === 'group') return `${countsLine(item.counts)} · click to expand`;
  const duration = node === undefined ? '—' : formatElapsed(node.startedAt, node.finishedAt, now);
  const prefix = item.exit ? 'on exit · ' : '';
  if (item.kind === 'retry') {
    const last = item.lastPhase === null ? '' : ` · last ${PHASE_SYMBOLS[item.lastPhase]}`;
    return `${prefix}${item.attempts} attempts${last} · ${duration}`;
  }
  return `${prefix}${duration} · ${node?.type ?? ''}`;
}

function drawCard(input: DrawInput, i: number) {
  const { ctx, scene, nodes, now, fitted, view } = input;
  const item = sceneItem(scene, i);
  if (item === undefined) return;
  const cx = scene.x[i]!;
  const cy = scene.y[i]!;
  const w = scene.w[i]!;
  const h = scene.h[i]!;
  const left = cx - w / 2;
  const top = cy - h / 2;
  const selected = i === input.selectedItem;
  const node = item.kind === 'group' ? undefined : nodes[item.node];
  const phase = node?.phase ?? 'Pending';
  const colour = item.kind === 'group' ? GROUP_COLOUR : PHASE_COLOURS[phase];
  const line = (selected ? 3 : 1.5) / Math.max(view.scale, 0.5);

  if (item.kind === 'junction') {
    ctx.beginPath();
    ctx.arc(cx, cy, w / 2, 0, Math.PI * 2);
    ctx.fillStyle = '#fff';
    ctx.fill();
    ctx.lineWidth = line;
    ctx.strokeStyle = selected ? '#1c2430' : colour;
    ctx.stroke();
    return;
  }
  if (item.kind === 'group' || (item.kind === 'retry' && !item.expanded)) {
    // A stack of cards: this item stands for many nodes.
    for (const shift of [6, 3]) {
      ctx.beginPath();
      ctx.roundRect(left + shift, top + shift, w, h, 8);
      ctx.fillStyle = '#f4f1fb';
      ctx.fill();
      ctx.lineWidth = 1 / Math.max(view.scale, 0.5);
      ctx.strokeStyle = colour;
      ctx.stroke();
    }
  }
  ctx.beginPath();
  ctx.roundRect(left, top, w, h, 8);
  ctx.fillStyle = item.exit ? '#f7f2fd' : '#fff';
  ctx.fill();
  ctx.lineWidth = line;
  ctx.strokeStyle = selected ? '#1c2430' : item.exit ? EXIT_COLOUR : colour;
  if (item.exit && !selected) ctx.setLineDash([5 / Math.max(view.scale, 0.5), 3 / Math.max(view.scale, 0.5)]);
  ctx.stroke();
  ctx.setLineDash([]);

  ctx.textBaseline = 'middle';
  if (item.kind === 'group') drawGroupIcon(ctx, left + 18, cy);
  else drawPhaseIcon(ctx, phase, left + 18, cy);
  const textLeft = left + 34;
  const textWidth = w - 42;
  ctx.fillStyle = '#1c2430';
  ctx.font = '600 12px system-ui, sans-serif';
  let name = fitted.get(i);
  if (name === undefined) {
    name = fitText(ctx, item.kind === 'group' ? item.label : (node?.displayName ?? ''), textWidth);
    fitted.set(i, name);
  }
  ctx.fillText(name, textLeft, cy - 8);
  ctx.fillStyle = '#5b6574';
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText(secondLine(item, node, now), textLeft, cy + 9, textWidth);
}

/**
 * Far out (below DETAIL_SCALE), after an update of phases with the same scene, view and selection:
 * only `items` painted again, on the frame drawn before. Clipped to their boxes (and the anti-aliased
 * pixels around them), everything that meets those boxes is drawn again in a whole frame's order —
 * edges, rectangles, the selection — so those pixels end as a whole frame would leave them (measured
 * on an expanded 20,000-node fan-out after 5 updates: 84 of 1.5 million colour values differed, by at
 * most 2 of 255); the rest of the canvas is not touched. 100 changed nodes are then a few hundred
 * rectangles drawn instead of 20,000 (0.5–1.3 ms instead of 4–19 ms a frame at load 2–7).
 */
export function drawItemsAgain(input: DrawInput, items: readonly number[]): void {
  const { ctx, scene, view, ratio, width, height } = input;
  const topLeft = screenToWorld(view, 0, 0);
  const bottomRight = screenToWorld(view, width, height);
  // Two screen pixels: anti-aliasing, and half the selection's 3-pixel outline.
  const pad = 2 / view.scale;
  const boxes: Rect[] = [];
  for (const i of items) {
    const w = scene.w[i]!;
    const h = scene.h[i]!;
    const box = {
      left: scene.x[i]! - w / 2 - pad,
      top: scene.y[i]! - h / 2 - pad,
      right: scene.x[i]! + w / 2 + pad,
      bottom: scene.y[i]! + h / 2 + pad,
    };
    if (
      box.right < topLeft.x ||
      box.left > bottomRight.x ||
      box.bottom < topLeft.y ||
      box.top > bottomRight.y
    )
      continue;
    boxes.push(box);
  }
  if (boxes.length === 0) return;
  const around = {
    left: Math.min(...boxes.map((b) => b.left)),
    top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
  // What may paint a pixel of a box: items within another pad of it (an outline reaches out of its item).
  const meeting = new Set<number>();
  for (const b of boxes)
    forEachItemIn(
      scene,
      { left: b.left - pad, top: b.top - pad, right: b.right + pad, bottom: b.bottom + pad },
      (i) => meeting.add(i),
    );
  ctx.save();
  // The clip on whole device pixels: an anti-aliased clip would clear and paint its edge pixels in
  // part, leaving them see-through.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const deviceX = (x: number) => ratio * (view.offsetX + x * view.scale);
  const deviceY = (y: number) => ratio * (view.offsetY + y * view.scale);
  ctx.beginPath();
  for (const b of boxes) {
    const left = Math.floor(deviceX(b.left));
    const top = Math.floor(deviceY(b.top));
    ctx.rect(left, top, Math.ceil(deviceX(b.right)) - left, Math.ceil(deviceY(b.bottom)) - top);
  }
  ctx.clip();
  const left = Math.floor(deviceX(around.left));
  const top = Math.floor(deviceY(around.top));
  ctx.clearRect(left, top, Math.ceil(deviceX(around.right)) - left, Math.ceil(deviceY(around.bottom)) - top);
  ctx.setTransform(ratio * view.scale, 0, 0, ratio * view.scale, ratio * view.offsetX, ratio * view.offsetY);
  drawEdges(input, around.left, around.top, around.right, around.bottom);
  // In layout order, as a whole frame draws them.
  drawSimple(
    input,
    [...meeting].sort((a, b) => a - b),
  );
  drawSelection(input);
  ctx.restore();
}

/** Far out, the selected item's outline (over the rectangles). */
function drawSelection(input: DrawInput) {
  const { ctx, scene, view } = input;
  const s = input.selectedItem;
  if (s < 0 || s >= scene.itemCount) return;
  ctx.lineWidth = 3 / view.scale;
  ctx.strokeStyle = '#1c2430';
  const w = scene.w[s]!;
  const h = scene.h[s]!;
  ctx.strokeRect(scene.x[s]! - w / 2, scene.y[s]! - h / 2, w, h);
}

export function drawScene(input: DrawInput): DrawStats {
  const { ctx, view, ratio, width, height } = input;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(ratio * view.scale, 0, 0, ratio * view.scale, ratio * view.offsetX, ratio * view.offsetY);
  const topLeft = screenToWorld(view, 0, 0);
  const bottomRight = screenToWorld(view, width, height);
  // A margin so the stacked shadows and selection outline at the edge are not cut.
  const margin = 12 / view.scale;
  const rect = {
    left: topLeft.x - margin,
    top: topLeft.y - margin,
    right: bottomRight.x + margin,
    bottom: bottomRight.y + margin,
  };
  const edges = drawEdges(input, rect.left, rect.top, rect.right, rect.bottom);
  const visible: number[] = [];
  forEachItemIn(input.scene, rect, (i) => visible.push(i));
  if (view.scale < DETAIL_SCALE) {
    drawSimple(input, visible);
    drawSelection(input);
  } else for (const i of visible) drawCard(input, i);
  return { items: visible.length, edges };
}
