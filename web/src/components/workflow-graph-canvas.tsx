import type { NodePhase, WorkflowNode } from '@argovue/api-types';
import {
  type KeyboardEvent,
  type PointerEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { Layout } from '../lib/graph-layout.ts';
import {
  fitView,
  type GraphView,
  type HitBox,
  hitTest,
  panBy,
  screenToWorld,
  zoomAround,
} from '../lib/graph-view.ts';

// The same colours as the phase chips in app.css (a canvas cannot read CSS classes).
const PHASE_COLOURS: Record<NodePhase, string> = {
  Running: '#1f62c9',
  Pending: '#5b6574',
  Succeeded: '#1f8a4c',
  Failed: '#c0392b',
  Error: '#c0392b',
  Skipped: '#8a94a3',
  Omitted: '#8a94a3',
};
const ZOOM_STEP = 1.25;
/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP = 4;

interface WorkflowGraphCanvasProps {
  layout: Layout;
  boxes: readonly HitBox[];
  nodes: ReadonlyMap<string, WorkflowNode>;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  label: string;
}

function roundedRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number | number[],
) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > width) end--;
  return `${text.slice(0, end)}…`;
}

/** Draws a laid-out graph; drag pans, the wheel zooms around the cursor, +/- zoom, 0 fits, a click selects. */
export function WorkflowGraphCanvas({
  layout,
  boxes,
  nodes,
  selectedId,
  onSelect,
  label,
}: WorkflowGraphCanvasProps) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [view, setView] = useState<GraphView>({ scale: 1, offsetX: 0, offsetY: 0 });
  const drag = useRef<{ x: number; y: number; startX: number; startY: number; moved: boolean } | null>(null);

  useEffect(() => {
    const element = frame.current;
    if (element === null) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, []);

  // Until the user pans or zooms, the whole graph stays in view: on a new graph and on every resize
  // (the node panel opening narrows the canvas).
  const moved = useRef(false);
  const laidOut = useRef<Layout | null>(null);
  useEffect(() => {
    if (size.width === 0) return;
    if (laidOut.current !== layout) {
      laidOut.current = layout;
      moved.current = false;
    }
    if (!moved.current) setView(fitView(layout, size));
  }, [layout, size]);
  const move = useCallback((change: (view: GraphView) => GraphView) => {
    moved.current = true;
    setView(change);
  }, []);
  const fit = useCallback(() => {
    moved.current = false;
    if (size.width > 0) setView(fitView(layout, size));
  }, [layout, size]);

  useLayoutEffect(() => {
    const element = canvas.current;
    if (element === null || size.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(size.width * ratio);
    element.height = Math.round(size.height * ratio);
    const ctx = element.getContext('2d');
    if (ctx === null) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    ctx.setTransform(
      ratio * view.scale,
      0,
      0,
      ratio * view.scale,
      ratio * view.offsetX,
      ratio * view.offsetY,
    );
    const topLeft = screenToWorld(view, 0, 0);
    const bottomRight = screenToWorld(view, size.width, size.height);
    const margin = 200;
    const inView = (b: HitBox) =>
      b.x + b.width / 2 >= topLeft.x - margin &&
      b.x - b.width / 2 <= bottomRight.x + margin &&
      b.y + b.height / 2 >= topLeft.y - margin &&
      b.y - b.height / 2 <= bottomRight.y + margin;
    const byId = new Map(boxes.map((b) => [b.id, b]));

    // Edges: from the bottom of a parent to the top of a child.
    ctx.strokeStyle = '#aab3bf';
    ctx.lineWidth = 1.25 / view.scale;
    ctx.beginPath();
    for (const node of nodes.values()) {
      const from = byId.get(node.id);
      if (from === undefined) continue;
      for (const childId of node.children) {
        const to = byId.get(childId);
        if (to === undefined || (!inView(from) && !inView(to))) continue;
        const y1 = from.y + from.height / 2;
        const y2 = to.y - to.height / 2;
        const mid = (y1 + y2) / 2;
        ctx.moveTo(from.x, y1);
        ctx.bezierCurveTo(from.x, mid, to.x, mid, to.x, y2);
      }
    }
    ctx.stroke();

    const showText = view.scale >= 0.35;
    ctx.font = '13px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    for (const box of boxes) {
      if (!inView(box)) continue;
      const node = nodes.get(box.id);
      if (node === undefined) continue;
      const colour = PHASE_COLOURS[node.phase];
      const selected = node.id === selectedId;
      const left = box.x - box.width / 2;
      const top = box.y - box.height / 2;
      if (box.width === box.height) {
        ctx.beginPath();
        ctx.arc(box.x, box.y, box.width / 2, 0, Math.PI * 2);
        ctx.fillStyle = '#fff';
        ctx.fill();
      } else {
        roundedRect(ctx, left, top, box.width, box.height, 8);
        ctx.fillStyle = '#fff';
        ctx.fill();
      }
      ctx.lineWidth = (selected ? 3 : 1.5) / Math.max(view.scale, 0.5);
      ctx.strokeStyle = selected ? '#1c2430' : colour;
      ctx.stroke();
      if (box.width === box.height) continue;
      // The phase as a coloured band on the left.
      ctx.fillStyle = colour;
      roundedRect(ctx, left, top, 8, box.height, [8, 0, 0, 8]);
      ctx.fill();
      if (showText) {
        ctx.fillStyle = '#1c2430';
        ctx.fillText(fitText(ctx, node.displayName, box.width - 26), left + 16, box.y);
      }
    }
  }, [boxes, nodes, selectedId, size, view]);

  // The wheel must not scroll the page: only a non-passive listener may prevent that.
  useEffect(() => {
    const element = canvas.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const factor = Math.exp(-event.deltaY * 0.0015);
      move((v) => zoomAround(v, factor, event.clientX - rect.left, event.clientY - rect.top));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [move]);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = {
      x: event.clientX,
      y: event.clientY,
      startX: event.clientX,
      startY: event.clientY,
      moved: false,
    };
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (d === null) return;
    if (Math.hypot(event.clientX - d.startX, event.clientY - d.startY) > CLICK_SLOP) d.moved = true;
    if (!d.moved) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    d.x = event.clientX;
    d.y = event.clientY;
    move((v) => panBy(v, dx, dy));
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d === null || d.moved) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const world = screenToWorld(view, event.clientX - rect.left, event.clientY - rect.top);
    onSelect(hitTest(boxes, world.x, world.y));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const cx = size.width / 2;
    const cy = size.height / 2;
    if (event.key === '+' || event.key === '=') move((v) => zoomAround(v, ZOOM_STEP, cx, cy));
    else if (event.key === '-') move((v) => zoomAround(v, 1 / ZOOM_STEP, cx, cy));
    else if (event.key === '0') fit();
    else if (event.key === 'ArrowLeft') move((v) => panBy(v, 40, 0));
    else if (event.key === 'ArrowRight') move((v) => panBy(v, -40, 0));
    else if (event.key === 'ArrowUp') move((v) => panBy(v, 0, 40));
    else if (event.key === 'ArrowDown') move((v) => panBy(v, 0, -40));
    else return;
    event.preventDefault();
  };

  const zoomBy = (factor: number) => move((v) => zoomAround(v, factor, size.width / 2, size.height / 2));
  return (
    <div className="graph">
      <div className="graph-toolbar" role="toolbar" aria-label="Graph view">
        <button type="button" className="button" onClick={() => zoomBy(ZOOM_STEP)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="button" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="button" onClick={fit}>
          Fit
        </button>
        <span className="muted small">
          Drag to pan · wheel or +/− to zoom · 0 to fit · click a node for details
        </span>
      </div>
      <div className="graph-frame" ref={frame}>
        <canvas
          ref={canvas}
          className="graph-canvas"
          tabIndex={0}
          role="img"
          aria-label={label}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
          onKeyDown={onKeyDown}
        />
      </div>
    </div>
  );
}
