// Where each line of a virtualised log sits. Unwrapped, every line is one row high. Wrapped, a line
// takes ceil(length / columns) rows: the view's font is monospaced and lines break at any character,
// so the height follows from the length without measuring the DOM. Offsets are running sums, extended
// as lines are appended and rebuilt only when the width (columns) changes.

export interface LineOffsets {
  /** Columns the heights were computed for; 0 for unwrapped (one row per line). */
  columns: number;
  /** `rowsBefore[i]`: rows above line i; one entry more than lines, the last the total. */
  rowsBefore: number[];
}

/** Rows a line of `length` characters takes when wrapped at `columns`. */
export function wrappedRows(length: number, columns: number): number {
  if (columns <= 0 || length <= columns) return 1;
  return Math.ceil(length / columns);
}

/**
 * Offsets for `count` lines whose lengths `lengthOf(i)` gives, wrapped at `columns` (0: unwrapped).
 * `previous` for the same columns is extended in place; a different one is started again.
 */
export function lineOffsets(
  count: number,
  lengthOf: (line: number) => number,
  columns: number,
  previous?: LineOffsets,
): LineOffsets {
  const reuse =
    previous !== undefined && previous.columns === columns && previous.rowsBefore.length <= count + 1;
  const rowsBefore = reuse ? previous.rowsBefore : [0];
  for (let i = rowsBefore.length - 1; i < count; i++) {
    rowsBefore.push((rowsBefore[i] ?? 0) + (columns === 0 ? 1 : wrappedRows(lengthOf(i), columns)));
  }
  return { columns, rowsBefore };
}

/** The line whose rows contain row `row` (binary search); clamps to the first and last line. */
export function lineAtRow(offsets: LineOffsets, row: number): number {
  const { rowsBefore } = offsets;
  const lines = rowsBefore.length - 1;
  if (lines <= 0) return 0;
  let low = 0;
  let high = lines - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((rowsBefore[mid] ?? 0) <= row) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface LogWindow {
  /** First line to render (inclusive) and the one after the last. */
  first: number;
  end: number;
  /** Heights in pixels of the spacers above and below the rendered lines. */
  padTop: number;
  padBottom: number;
  /** Height in pixels of everything. */
  total: number;
}

/** The lines in view at `scrollTop`, with `overscan` lines either side so a fast scroll shows no gap. */
export function logWindow(
  offsets: LineOffsets,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  overscan: number,
): LogWindow {
  const lines = offsets.rowsBefore.length - 1;
  const totalRows = offsets.rowsBefore[lines] ?? 0;
  const total = totalRows * rowHeight;
  if (lines <= 0 || rowHeight <= 0) return { first: 0, end: 0, padTop: 0, padBottom: 0, total: 0 };
  const top = Math.max(0, scrollTop) / rowHeight;
  const bottom = (Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight;
  const first = Math.max(0, lineAtRow(offsets, Math.floor(top)) - overscan);
  const end = Math.min(lines, lineAtRow(offsets, Math.max(0, Math.ceil(bottom) - 1)) + 1 + overscan);
  const rowsAbove = offsets.rowsBefore[first] ?? 0;
  const rowsThrough = offsets.rowsBefore[end] ?? totalRows;
  return {
    first,
    end,
    padTop: rowsAbove * rowHeight,
    padBottom: (totalRows - rowsThrough) * rowHeight,
    total,
  };
}
