// The pan/zoom view of a drawn graph, and finding the node under a point. A view maps a world point
// (layout coordinates) to the screen: screen = world * scale + offset. Pure: no canvas, no DOM.
// Finding the item under a point is the scene's job (graph-scene.ts: by rows, not by scanning).

export interface GraphView {
  scale: number;
  offsetX: number;
  offsetY: number;
}

// Low enough that an expanded fan-out of thousands still fits the frame.
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 4;

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export function screenToWorld(view: GraphView, x: number, y: number): { x: number; y: number } {
  return { x: (x - view.offsetX) / view.scale, y: (y - view.offsetY) / view.scale };
}

export function worldToScreen(view: GraphView, x: number, y: number): { x: number; y: number } {
  return { x: x * view.scale + view.offsetX, y: y * view.scale + view.offsetY };
}

/** Zooms by `factor` keeping the world point under the screen point (x, y) where it is. */
export function zoomAround(view: GraphView, factor: number, x: number, y: number): GraphView {
  const scale = clampScale(view.scale * factor);
  const world = screenToWorld(view, x, y);
  return { scale, offsetX: x - world.x * scale, offsetY: y - world.y * scale };
}

export function panBy(view: GraphView, dx: number, dy: number): GraphView {
  return { ...view, offsetX: view.offsetX + dx, offsetY: view.offsetY + dy };
}

/** The view that shows the whole graph centred in the viewport, never larger than 1:1. */
export function fitView(
  graph: { width: number; height: number },
  viewport: { width: number; height: number },
  padding = 24,
): GraphView {
  const availableW = Math.max(1, viewport.width - 2 * padding);
  const availableH = Math.max(1, viewport.height - 2 * padding);
  const scale =
    graph.width <= 0 || graph.height <= 0
      ? 1
      : clampScale(Math.min(1, availableW / graph.width, availableH / graph.height));
  return {
    scale,
    offsetX: (viewport.width - graph.width * scale) / 2,
    offsetY: (viewport.height - graph.height * scale) / 2,
  };
}

/** The view that puts the world point (x, y) in the middle of the viewport at `scale`. */
export function centreOn(
  viewport: { width: number; height: number },
  x: number,
  y: number,
  scale: number,
): GraphView {
  const s = clampScale(scale);
  return { scale: s, offsetX: viewport.width / 2 - x * s, offsetY: viewport.height / 2 - y * s };
}
