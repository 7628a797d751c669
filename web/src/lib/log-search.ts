// Searching a log held as an array of lines: every match (case-insensitive) as line + offset, and the
// pieces of one line to draw with its matches highlighted.

export interface LogMatch {
  line: number;
  start: number;
}

/** Every occurrence of `needle` in `lines`, in order; stops at `limit` so a one-letter search stays quick. */
export function findLogMatches(lines: readonly string[], needle: string, limit = 100_000): LogMatch[] {
  const matches: LogMatch[] = [];
  if (needle === '') return matches;
  const lower = needle.toLowerCase();
  for (let line = 0; line < lines.length; line++) {
    const text = (lines[line] ?? '').toLowerCase();
    let from = text.indexOf(lower);
    while (from !== -1) {
      matches.push({ line, start: from });
      if (matches.length >= limit) return matches;
      from = text.indexOf(lower, from + lower.length);
    }
  }
  return matches;
}

export interface LineSegment {
  text: string;
  match: boolean;
}

/** `line` cut into plain and matching pieces, for highlighting. */
export function highlightSegments(line: string, needle: string): LineSegment[] {
  if (needle === '') return [{ text: line, match: false }];
  const lower = line.toLowerCase();
  const target = needle.toLowerCase();
  const segments: LineSegment[] = [];
  let at = 0;
  let found = lower.indexOf(target);
  while (found !== -1) {
    if (found > at) segments.push({ text: line.slice(at, found), match: false });
    segments.push({ text: line.slice(found, found + target.length), match: true });
    at = found + target.length;
    found = lower.indexOf(target, at);
  }
  if (at < line.length || segments.length === 0) segments.push({ text: line.slice(at), match: false });
  return segments;
}

/** The match after (or, with `backwards`, before) `current`, wrapping round; -1 when there are none. */
export function stepMatch(current: number, count: number, backwards: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}
