// Which rows of a long, fixed-height list to render: only those in view plus a few either side, with
// spacers standing in for the rest, so 10,000 rows cost what 30 do.

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gap. */
  overscan: number;
}

export interface VisibleWindow {
  /** First row to render (inclusive). */
  first: number;
  /** Row after the last one to render (exclusive); equal to `first` when nothing is rendered. */
  end: number;
  /** Height of the spacer above the rendered rows. */
  padTop: number;
  /** Height of the spacer below them. */
  padBottom: number;
}

export function visibleWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  rowCount,
  overscan,
}: WindowInput): VisibleWindow {
  if (rowCount <= 0 || rowHeight <= 0) return { first: 0, end: 0, padTop: 0, padBottom: 0 };
  const top = Math.max(0, scrollTop);
  const height = Math.max(0, viewportHeight);
  const firstVisible = Math.min(rowCount - 1, Math.floor(top / rowHeight));
  const endVisible = Math.min(rowCount, Math.ceil((top + height) / rowHeight));
  const first = Math.max(0, firstVisible - overscan);
  const end = Math.min(rowCount, Math.max(endVisible, firstVisible + 1) + overscan);
  return { first, end, padTop: first * rowHeight, padBottom: (rowCount - end) * rowHeight };
}

/** True when the viewport's bottom is within `threshold` rows of the end: time to load the next page. */
export function nearEnd(
  { scrollTop, viewportHeight, rowHeight, rowCount }: Omit<WindowInput, 'overscan'>,
  threshold: number,
): boolean {
  return scrollTop + viewportHeight >= (rowCount - threshold) * rowHeight;
}
