// A streamed log arrives in chunks that end anywhere, even mid-line; these turn chunks into whole lines
// and keep one very long line from costing the page its layout.

/** Lines longer than this are shown cut, with LINE_TRUNCATED_MARKER; the download has them whole. */
export const MAX_SHOWN_LINE = 10_000;
export const LINE_TRUNCATED_MARKER = '… (line truncated)';

export interface SplitChunk {
  /** Lines ended by this chunk (without their newline). */
  lines: string[];
  /** The start of a line the next chunk continues. */
  rest: string;
}

/**
 * Appends `chunk` to the unfinished line `rest`; `\r\n` ends a line as `\n` does. An unfinished line
 * is kept to `maxRest` characters: a line that never ends cannot fill the memory, and what is kept is
 * still longer than what is shown, so it is shown as truncated.
 */
export function splitLogChunk(rest: string, chunk: string, maxRest = MAX_SHOWN_LINE + 1): SplitChunk {
  const text = rest + chunk;
  const parts = text.split('\n');
  const last = parts.pop() ?? '';
  const lines = parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  return { lines, rest: last.length > maxRest ? last.slice(0, maxRest) : last };
}

/** What the viewer shows of a line: the line, or its first MAX_SHOWN_LINE characters and the marker. */
export function shownLine(line: string, max = MAX_SHOWN_LINE): string {
  return line.length <= max ? line : `${line.slice(0, max)}${LINE_TRUNCATED_MARKER}`;
}
