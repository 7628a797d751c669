// A process's stdout and stderr as a container log file in the CRI log format, as a container
// runtime writes it and as KWOK (like a kubelet, with cri-client's ReadLogs) reads it for pods/log:
// one entry a line, `<RFC 3339 time, nanoseconds> <stdout|stderr> <F|P> <bytes>\n`. A line longer than
// `maxEntryBytes` is split into partial (P) entries and ends with a full (F) one, as containerd does
// past 16 KiB, so the runner never holds a long line whole.

export type CriStream = 'stdout' | 'stderr';

/** containerd's default: a line longer than this is written as several entries. */
export const maxEntryBytes = 16 * 1024;

/** A time as the CRI log format writes it: RFC 3339 with nine fractional digits, in UTC. */
export function criTimestamp(date: Date): string {
  // toISOString has milliseconds; the format (Go's RFC3339Nano as runtimes write it) has nanoseconds.
  return `${date.toISOString().slice(0, -1)}000000Z`;
}

/** One entry of the format, its content taken as bytes (never decoded: a process may print any bytes). */
export function criEntry(date: Date, stream: CriStream, partial: boolean, content: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`${criTimestamp(date)} ${stream} ${partial ? 'P' : 'F'} `),
    content,
    Buffer.from('\n'),
  ]);
}

/**
 * Cuts each stream's chunks into lines and hands `write` their entries. What follows the last newline
 * waits for the rest of its line (per stream, so stdout and stderr never mix within a line); `end`
 * writes what is left as a last full line.
 */
export class CriLogWriter {
  readonly #write: (entry: Buffer) => void;
  readonly #now: () => Date;
  readonly #pending: Record<CriStream, Buffer> = { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) };

  constructor(write: (entry: Buffer) => void, now: () => Date = () => new Date()) {
    this.#write = write;
    this.#now = now;
  }

  push(stream: CriStream, chunk: Buffer): void {
    let rest = this.#pending[stream].length === 0 ? chunk : Buffer.concat([this.#pending[stream], chunk]);
    const entries: Buffer[] = [];
    const now = this.#now();
    for (let eol = rest.indexOf(0x0a); eol !== -1; eol = rest.indexOf(0x0a)) {
      this.#cut(entries, now, stream, rest.subarray(0, eol));
      rest = rest.subarray(eol + 1);
    }
    // Past the limit without a newline: write it as partial entries now, keep only the tail.
    while (rest.length >= maxEntryBytes) {
      entries.push(criEntry(now, stream, true, rest.subarray(0, maxEntryBytes)));
      rest = rest.subarray(maxEntryBytes);
    }
    // A copy, so the tail kept does not pin the whole chunk it came in.
    this.#pending[stream] = Buffer.from(rest);
    if (entries.length > 0) this.#write(Buffer.concat(entries));
  }

  /** Writes what is left of each stream (output that did not end with a newline) as a full line. */
  end(): void {
    const now = this.#now();
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.#pending[stream].length === 0) continue;
      this.#write(criEntry(now, stream, false, this.#pending[stream]));
      this.#pending[stream] = Buffer.alloc(0);
    }
  }

  /** A whole line: partial entries of `maxEntryBytes` while longer, then the full one. */
  #cut(entries: Buffer[], now: Date, stream: CriStream, line: Buffer): void {
    let rest = line;
    while (rest.length > maxEntryBytes) {
      entries.push(criEntry(now, stream, true, rest.subarray(0, maxEntryBytes)));
      rest = rest.subarray(maxEntryBytes);
    }
    entries.push(criEntry(now, stream, false, rest));
  }
}
