// Long label and annotation values (a JSON blob in an annotation is common) are shown shortened.

/** `text` cut to at most `max` characters with an ellipsis, and whether it was cut. */
export function shortenText(text: string, max: number): { shown: string; cut: boolean } {
  // Count code points, not UTF-16 units, so a cut never splits an emoji or other astral character.
  const chars = Array.from(text);
  if (chars.length <= max) return { shown: text, cut: false };
  return { shown: `${chars.slice(0, Math.max(0, max - 1)).join('')}…`, cut: true };
}

/** "1\n2\n…\nN" for a gutter of line numbers beside `text`: one text node, however long the text. */
export function lineNumbers(text: string): string {
  if (text === '') return '';
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  // A trailing newline ends the last line; it does not start another.
  if (text.endsWith('\n')) lines--;
  return Array.from({ length: lines }, (_, i) => String(i + 1)).join('\n');
}
