// Searching a log held as lower-cased lines (see log-buffer.ts): every match as row + offset, extended
// as lines arrive rather than searched again from the top; and the pieces of one line to draw with its
// matches highlighted.

export interface LogMatch {
  /** Position among the rows shown (after any filter), not the line's index in the buffer. */
  line: number;
  start: number;
}

/** Matches are kept up to this many: a one-letter search on 100,000 lines stays quick and small. */
export const MATCH_LIMIT = 100_000;

export interface LogMatches {
  /** The lower-cased search text these are for. */
  needle: string;
  matches: LogMatch[];
  /** Rows searched so far. */
  scanned: number;
  /** True when the limit was reached: there are more than `matches.length`. */
  capped: boolean;
}

/**
 * Every occurrence of `needle` (case-insensitive) in the shown rows: `rows` are indices into `lower`, or
 * null for all lines in order. With `previous` for the same needle over the same rows, only rows after
 * those it scanned are searched; its array is extended, not copied.
 */
export function searchLog(
  lower: readonly string[],
  rows: readonly number[] | null,
  needle: string,
  previous?: LogMatches,
  limit = MATCH_LIMIT,
): LogMatches {
  const target = needle.toLowerCase();
  const count = rows === null ? lower.length : rows.length;
  const resume = previous !== undefined && previous.needle === target && previous.scanned <= count;
  const result: LogMatches = resume
    ? { ...previous }
    : { needle: target, matches: [], scanned: 0, capped: false };
  if (target === '' || result.capped) return { ...result, scanned: count };
  const { matches } = result;
  for (let row = result.scanned; row < count; row++) {
    const text = lower[rows === null ? row : (rows[row] ?? -1)] ?? '';
    let from = text.indexOf(target);
    while (from !== -1) {
      if (matches.length >= limit) return { ...result, scanned: count, capped: true };
      matches.push({ line: row, start: from });
      from = text.indexOf(target, from + target.length);
    }
  }
  return { ...result, scanned: count };
}

/** The first match on or after row `line` (wrapping to the first match); -1 when there are none. */
export function firstMatchFrom(matches: readonly LogMatch[], line: number): number {
  if (matches.length === 0) return -1;
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((matches[mid]?.line ?? 0) < line) low = mid + 1;
    else high = mid;
  }
  return low < matches.length ? low : 0;
}

export interface LineSegment {
  text: string;
  match: boolean;
  /** Offset of the segment in the line. */
  start: number;
}

/** `line` cut into plain and matching pieces, for highlighting; `lower` is the line lower-cased. */
export function highlightSegments(line: string, lower: string, needle: string): LineSegment[] {
  const target = needle.toLowerCase();
  if (target === '') return [{ text: line, match: false, start: 0 }];
  const segments: LineSegment[] = [];
  let at = 0;
  let found = lower.indexOf(target);
  while (found !== -1) {
    if (found > at) segments.push({ text: line.slice(at, found), match: false, start: at });
    segments.push({ text: line.slice(found, found + target.length), match: true, start: found });
    at = found + target.length;
    found = lower.indexOf(target, at);
  }
  if (at < line.length || segments.length === 0)
    segments.push({ text: line.slice(at), match: false, start: at });
  return segments;
}

/** The match after (or, with `backwards`, before) `current`, wrapping round; -1 when there are none. */
export function stepMatch(current: number, count: number, backwards: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}

/** What the search box says: `3 of 12`, `0 of 100,000+`, or `No matches`. */
export function matchCountLabel(current: number, found: LogMatches): string {
  if (found.matches.length === 0) return 'No matches';
  const total = `${found.matches.length.toLocaleString('en-US')}${found.capped ? '+' : ''}`;
  return `${current >= 0 ? (current + 1).toLocaleString('en-US') : 0} of ${total}`;
}
