import type { WorkflowNode } from '@argovue/api-types';
import { changedPlaces, sameGraphShape } from '@argovue/api-types/workflow-deltas';
import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
} from 'react';
import { itemsRecoloured } from '../../../lib/graph-scene-phases.ts';
import { itemAt, type GraphScene } from '../../../lib/graph-scene.ts';
import {
  centreOn,
  fitView,
  type GraphView,
  panBy,
  screenToWorld,
  zoomAround,
} from '../../../lib/graph-view.ts';
import { DETAIL_SCALE, drawItemsAgain, drawScene, type DrawInput } from './draw-scene.ts';

const ZOOM_STEP = 1.25;
/** More recoloured items than this, and the whole frame is drawn again (as fast, and simpler). */
const MAX_ITEMS_AGAIN = 2000;

/** What the canvas shows now: what the next frame is compared with (a recolouring, or all again). */
type Drawn = Pick<DrawInput, 'scene' | 'nodes' | 'view' | 'width' | 'height' | 'ratio' | 'selectedItem'>;
/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP = 4;

export interface GraphFocus {
  item: number;
  /** A new number centres again on the same item. */
  seq: number;
}

interface GraphCanvasProps {
  scene: GraphScene | null;
  /** Laying out: the scene (if any) is for older nodes or expansions. */
  pending: boolean;
  nodes: readonly WorkflowNode[];
  /** How many scenes were laid out (data-graph-layouts): an update of phases alone lays none out. */
  layouts?: number;
  selectedItem: number;
  onItemClick: (item: number) => void;
  focus: GraphFocus | null;
  now: Date;
  label: string;
  /** Shown while pending, e.g. "Laying out 20,000 nodes…". */
  progress: string;
  /** Controls of the page put before the zoom buttons (the search box). */
  toolbar?: ReactNode;
}

/**
 * Draws a scene; drag pans, the wheel zooms around the cursor, +/- zoom, 0 fits, a click picks an item.
 * The view lives in a ref and every change is drawn in the next animation frame: panning and zooming
 * re-render nothing in React. The canvas says how far it got for tests and benchmarks:
 * data-graph-state="layout" | "drawn", data-graph-nodes (items laid out), data-graph-layout-ms (grouping
 * and layout in the worker), data-graph-frame-ms (the last frame's drawing), data-graph-layouts (scenes
 * laid out so far).
 */
export function GraphCanvas(props: GraphCanvasProps) {
  const { scene, pending, selectedItem, focus, now, nodes } = props;
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useRef({ width: 0, height: 0 });
  const view = useRef<GraphView>({ scale: 1, offsetX: 0, offsetY: 0 });
  const moved = useRef(false);
  const raf = useRef(0);
  const fitted = useRef(new Map<number, string>());
  const drag = useRef<{ x: number; y: number; startX: number; startY: number; moved: boolean } | null>(null);
  // What the next frame draws; refreshed on every render so the frame callback never reads stale props.
  const latest = useRef({ scene, pending, selectedItem, now, nodes });
  // What the canvas shows: the last frame's inputs.
  const drawn = useRef<Drawn | null>(null);
  useLayoutEffect(() => {
    latest.current = { scene, pending, selectedItem, now, nodes };
  });

  const paint = useCallback(() => {
    raf.current = 0;
    const element = canvas.current;
    const { scene: s, pending: p, selectedItem: sel, now: n, nodes: ns } = latest.current;
    const { width, height } = size.current;
    if (element === null || width === 0) return;
    const ctx = element.getContext('2d');
    if (ctx === null) return;
    const ratio = window.devicePixelRatio || 1;
    let cleared = false;
    if (element.width !== Math.round(width * ratio) || element.height !== Math.round(height * ratio)) {
      element.width = Math.round(width * ratio);
      element.height = Math.round(height * ratio);
      cleared = true;
    }
    if (s === null) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, element.width, element.height);
      drawn.current = null;
      return;
    }
    const started = performance.now();
    const v = view.current;
    const input = {
      ctx,
      scene: s,
      nodes: ns,
      view: v,
      width,
      height,
      ratio,
      selectedItem: sel,
      now: n,
      fitted: fitted.current,
    };
    // Far out, a frame of the same layout, view and selection differs from the last only in the
    // colours of nodes whose phase changed: those are painted again, not every node on screen (the
    // clock and a group's counts show only in cards, close up).
    const last = drawn.current;
    const farOut =
      last !== null &&
      !cleared &&
      v.scale < DETAIL_SCALE &&
      last.scene.x === s.x &&
      last.view === v &&
      last.width === width &&
      last.height === height &&
      last.ratio === ratio &&
      last.selectedItem === sel &&
      sameGraphShape(last.nodes, ns);
    const recoloured = farOut ? itemsRecoloured(s, last.nodes, ns, changedPlaces(last.nodes, ns)) : undefined;
    if (recoloured === undefined || recoloured.length > MAX_ITEMS_AGAIN) drawScene(input);
    else if (recoloured.length > 0) drawItemsAgain(input, recoloured);
    drawn.current = { scene: s, nodes: ns, view: v, width, height, ratio, selectedItem: sel };
    element.dataset['graphFrameMs'] = (performance.now() - started).toFixed(1);
    if (!p && element.dataset['graphState'] !== 'drawn') {
      // "drawn" once this frame is on screen: the frame after the one that painted it.
      requestAnimationFrame(() => {
        if (!latest.current.pending && latest.current.scene === s) element.dataset['graphState'] = 'drawn';
      });
    }
  }, []);
  const schedule = useCallback(() => {
    if (raf.current === 0) raf.current = requestAnimationFrame(paint);
  }, [paint]);
  useEffect(() => () => cancelAnimationFrame(raf.current), []);

  const fit = useCallback(() => {
    moved.current = false;
    const s = latest.current.scene;
    if (s !== null && size.current.width > 0) view.current = fitView(s, size.current);
    schedule();
  }, [schedule]);
  const move = useCallback(
    (change: (v: GraphView) => GraphView) => {
      moved.current = true;
      view.current = change(view.current);
      schedule();
    },
    [schedule],
  );

  useEffect(() => {
    const element = frame.current;
    if (element === null) return;
    const measure = () => {
      size.current = { width: element.clientWidth, height: element.clientHeight };
      // Until the user pans or zooms, the whole graph stays in view (the node panel narrows the frame).
      if (moved.current) schedule();
      else fit();
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [fit, schedule]);

  // A new scene: names are fitted again, the view fits it unless the user moved or asked for a focus.
  // The same layout with other phase counts (a running workflow's update) keeps names and view.
  const shownScene = useRef<GraphScene | null>(null);
  useEffect(() => {
    const sameLayout = shownScene.current !== null && shownScene.current.x === scene?.x;
    if (shownScene.current === scene) return;
    shownScene.current = scene;
    if (sameLayout) return;
    fitted.current = new Map();
    if (!moved.current) fit();
  }, [scene, fit]);
  useEffect(() => {
    if (focus === null || scene === null || size.current.width === 0) return;
    const i = focus.item;
    if (i < 0 || i >= scene.itemCount) return;
    moved.current = true;
    view.current = centreOn(
      size.current,
      scene.x[i] ?? 0,
      scene.y[i] ?? 0,
      Math.min(Math.max(view.current.scale, 0.8), 1.5),
    );
    schedule();
  }, [focus, scene, schedule]);
  useEffect(() => {
    const element = canvas.current;
    if (element !== null) {
      if (pending) element.dataset['graphState'] = 'layout';
      element.dataset['graphNodes'] = String(scene?.itemCount ?? 0);
      if (scene !== null)
        element.dataset['graphLayoutMs'] = (scene.timings.collapseMs + scene.timings.layoutMs).toFixed(1);
    }
    schedule();
  }, [scene, pending, selectedItem, now, nodes, schedule]);

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
    const { clientX: x, clientY: y } = event;
    drag.current = { x, y, startX: x, startY: y, moved: false };
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
    // While a new layout is computed the old scene is still drawn, and a click means what it shows.
    if (d === null || d.moved || scene === null) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const world = screenToWorld(view.current, event.clientX - rect.left, event.clientY - rect.top);
    props.onItemClick(itemAt(scene, world.x, world.y));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const cx = size.current.width / 2;
    const cy = size.current.height / 2;
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
  const zoomBy = (factor: number) =>
    move((v) => zoomAround(v, factor, size.current.width / 2, size.current.height / 2));

  return (
    <div className="graph">
      <div className="graph-toolbar" role="toolbar" aria-label="Graph view">
        {props.toolbar}
        <button type="button" className="button" onClick={() => zoomBy(ZOOM_STEP)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="button" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="button" onClick={fit}>
          Fit
        </button>
      </div>
      <div className="graph-frame" ref={frame}>
        <canvas
          ref={canvas}
          className="graph-canvas"
          data-testid="workflow-graph-canvas"
          data-graph-state="layout"
          data-graph-nodes="0"
          data-graph-layouts={props.layouts ?? 0}
          tabIndex={0}
          // eslint-disable-next-line jsx-a11y/no-interactive-element-to-noninteractive-role -- the plugin counts every canvas as interactive; ARIA has no canvas role, and `application` is the one for a widget that takes its own keys
          role="application"
          aria-roledescription="workflow graph"
          aria-label={props.label}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
          onKeyDown={onKeyDown}
        />
        {pending && (
          <p className="graph-progress" role="status">
            {props.progress}
          </p>
        )}
      </div>
      <p className="muted small graph-hint">
        Drag to pan · wheel or +/− to zoom · 0 to fit · click a node for details, a group to expand it · / to
        search
      </p>
    </div>
  );
}
