// The lines of a log held for the viewer: each line split once into its timestamp, its source (the
// node, in a workflow's interleaved log) and its text, with the text lower-cased once for search — so a
// search over 100,000 lines is a loop of indexOf, not 100,000 toLowerCase calls per keystroke.
import { shownLine } from './log-lines.ts';

/**
 * How the server wrote each line: `plain` text; `timestamped` as `<RFC 3339 time> <text>` (pods/log with
 * timestamps=true); `interleaved` as `<time> <node>: <text>` (a workflow's logs/all).
 */
export type LogLineFormat = 'plain' | 'timestamped' | 'interleaved';

export interface ParsedLogLine {
  time: string;
  source: string;
  text: string;
}

/** A time the apiserver writes: starts with a date, no spaces. Anything else is left in the text. */
const TIME = /^\d{4}-\d\d-\d\dT\S+$/;

export function parseLogLine(line: string, format: LogLineFormat): ParsedLogLine {
  if (format === 'plain') return { time: '', source: '', text: line };
  const space = line.indexOf(' ');
  const head = space < 0 ? line : line.slice(0, space);
  const hasTime = TIME.test(head);
  const time = hasTime ? head : '';
  const rest = hasTime ? (space < 0 ? '' : line.slice(space + 1)) : line;
  if (format === 'timestamped') return { time, source: '', text: rest };
  // Node names have no ': ' (Argo's names are DNS-like, with brackets and parentheses for steps and items).
  const colon = rest.indexOf(': ');
  if (colon < 0) return { time, source: '', text: rest };
  return { time, source: rest.slice(0, colon), text: rest.slice(colon + 2) };
}

/**
 * `text` lower-cased with every character where it was: a few characters grow when lower-cased
 * ('İ' becomes two), which would move every match after them off its place in the shown text.
 */
export function lowerKeepingOffsets(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let kept = '';
  for (const c of text) {
    const l = c.toLowerCase();
    kept += l.length === c.length ? l : c;
  }
  return kept;
}

/** How many colours sources cycle through; `.log-source-0` … in components/log-view.css. */
export const SOURCE_COLOURS = 8;

/** Lines appended in place; the arrays are shared with the view, which is told by a version number. */
export class LogBuffer {
  readonly format: LogLineFormat;
  readonly text: string[] = [];
  /** `text`, lower-cased, for search. */
  readonly lower: string[] = [];
  readonly time: string[] = [];
  /** Index into `sources` per line; -1 for none. */
  readonly sourceOf: number[] = [];
  /** Every source in the order it first appeared; its position picks its colour. */
  readonly sources: string[] = [];
  /** The longest shown text, in characters (for the width of the unwrapped view). */
  longest = 0;
  private readonly sourceIndex = new Map<string, number>();

  constructor(format: LogLineFormat) {
    this.format = format;
  }

  get length(): number {
    return this.text.length;
  }

  append(lines: readonly string[]): void {
    for (const line of lines) {
      const parsed = parseLogLine(line, this.format);
      const text = shownLine(parsed.text);
      this.text.push(text);
      this.lower.push(lowerKeepingOffsets(text));
      this.time.push(parsed.time);
      this.sourceOf.push(parsed.source === '' ? -1 : this.sourceNumber(parsed.source));
      if (text.length > this.longest) this.longest = text.length;
    }
  }

  /** The source of line `i`, or '' for none. */
  sourceName(i: number): string {
    const s = this.sourceOf[i] ?? -1;
    return s < 0 ? '' : (this.sources[s] ?? '');
  }

  private sourceNumber(source: string): number {
    let n = this.sourceIndex.get(source);
    if (n === undefined) {
      n = this.sources.length;
      this.sources.push(source);
      this.sourceIndex.set(source, n);
    }
    return n;
  }
}

/**
 * The lines to show when only some sources are chosen: their indices in order, extending `previous`
 * (the answer for the first `previous.scanned` lines) so a followed log is not filtered from the top
 * each frame. `null` chosen means every source: no filter.
 */
export interface FilteredRows {
  rows: number[];
  scanned: number;
}

export function filterRowsBySource(
  sourceOf: readonly number[],
  chosen: ReadonlySet<number>,
  previous?: FilteredRows,
): FilteredRows {
  const rows = previous === undefined ? [] : previous.rows;
  for (let i = previous?.scanned ?? 0; i < sourceOf.length; i++) {
    if (chosen.has(sourceOf[i] ?? -1)) rows.push(i);
  }
  return { rows, scanned: sourceOf.length };
}
