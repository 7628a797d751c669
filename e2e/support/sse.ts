// Reads a Server-Sent Events response: events as they arrive, with their id, type and JSON data.
export interface SseEvent {
  id?: string;
  event: string;
  data: unknown;
  /** When it was read (performance.now()), and its data's bytes as sent: for benchmarks. */
  at?: number;
  bytes?: number;
}

export class SseReader {
  readonly events: SseEvent[] = [];
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  #buffer = '';
  #waiters: (() => void)[] = [];
  #done = false;

  constructor(response: Response) {
    if (response.body === null) throw new Error('the response has no body');
    this.#reader = response.body.getReader();
    // #pump ends on any error of the body (a cancelled stream) and marks the reader done.
    this.#pump().catch(() => undefined);
  }

  async #pump(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await this.#reader.read();
        if (done) break;
        this.#buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
          const block = this.#buffer.slice(0, end);
          this.#buffer = this.#buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          const data = fields.get('data');
          if (data === undefined) continue;
          const id = fields.get('id');
          this.events.push({
            event: fields.get('event') ?? 'message',
            data: JSON.parse(data),
            at: performance.now(),
            bytes: Buffer.byteLength(data),
            ...(id === undefined ? {} : { id }),
          });
          for (const wake of this.#waiters.splice(0)) wake();
        }
      }
    } catch {
      // cancelled
    }
    this.#done = true;
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Waits until an event matches, or fails after `timeoutMs`. */
  async waitFor(what: string, match: (event: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found !== undefined) return found;
      if (this.#done) throw new Error(`the stream ended before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the server ends the stream, or fails after `timeoutMs`. */
  async waitForEnd(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#done) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for the server to end the stream');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  get ended(): boolean {
    return this.#done;
  }

  async close(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
  }
}
