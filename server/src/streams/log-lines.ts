// Log lines with a length limit, cut while they stream: a container can write a line of any length
// (50 MB of JSON on one line happens), and neither the server nor the browser should hold it. Bytes
// pass through as they come; past the limit the rest of the line is dropped, and a marker says so.
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';

/** The longest line shown, in bytes; a download of the log is not cut. */
export const maxLogLineBytes = 64 * 1024;

const newline = 0x0a;

/** The marker put where a line was cut (the text after it is dropped up to the end of the line). */
export function cutMarker(limitBytes: number): string {
  const size = limitBytes % 1024 === 0 ? `${limitBytes / 1024} KiB` : `${limitBytes} bytes`;
  return ` … [line cut: longer than ${size}]`;
}

// A cut must not split a UTF-8 character: back off to the first byte of the one at `end`.
function characterBoundary(chunk: Buffer, start: number, end: number): number {
  let at = end;
  while (at > start && at < chunk.length && ((chunk[at] as number) & 0xc0) === 0x80) at--;
  return at;
}

/** A stream of the same bytes, every line cut to `limitBytes` (and marked) as it passes. */
export class LineLimit extends Transform {
  readonly #limit: number;
  readonly #marker: Buffer;
  #lineBytes = 0;
  #cut = false;

  constructor(limitBytes = maxLogLineBytes) {
    super();
    this.#limit = limitBytes;
    this.#marker = Buffer.from(cutMarker(limitBytes));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const out: Buffer[] = [];
    let start = 0;
    while (start < chunk.length) {
      const end = chunk.indexOf(newline, start);
      const stop = end === -1 ? chunk.length : end;
      if (!this.#cut) {
        const room = this.#limit - this.#lineBytes;
        if (stop - start <= room) {
          out.push(chunk.subarray(start, stop));
          this.#lineBytes += stop - start;
        } else {
          out.push(chunk.subarray(start, characterBoundary(chunk, start, start + room)), this.#marker);
          this.#cut = true;
        }
      }
      if (end === -1) break;
      out.push(chunk.subarray(end, end + 1));
      this.#lineBytes = 0;
      this.#cut = false;
      start = end + 1;
    }
    if (out.length === 0) done();
    else done(null, out.length === 1 ? out[0] : Buffer.concat(out));
  }
}

/** `input` with its lines cut; an error or abort of either side ends both. */
export function withLineLimit(input: Readable, limitBytes = maxLogLineBytes): LineLimit {
  const limited = new LineLimit(limitBytes);
  pipeline(input, limited, () => undefined);
  return limited;
}

/** The lines of a stream, each cut to `limitBytes`; a line is never held longer than that. */
export async function* limitedLines(
  input: Readable,
  limitBytes = maxLogLineBytes,
): AsyncGenerator<string, void, undefined> {
  let held: Buffer[] = [];
  for await (const chunk of withLineLimit(input, limitBytes) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(newline); end !== -1; end = chunk.indexOf(newline, start)) {
      held.push(chunk.subarray(start, end));
      yield Buffer.concat(held).toString('utf8').replace(/\r$/, '');
      held = [];
      start = end + 1;
    }
    if (start < chunk.length) held.push(chunk.subarray(start));
  }
  if (held.length > 0) yield Buffer.concat(held).toString('utf8').replace(/\r$/, '');
}
