// Watches of single objects, shared: however many browser tabs follow one object (a running workflow's
// page), the apiserver serves one field-selected watch for it. Reference-counted by key: the first
// `acquire` starts it, the last `release` stops it — after `lingerMs`, so a tab that reconnects (a
// dropped connection, a reload) resumes from what is held instead of costing a new list and watch.
export interface Stoppable {
  stop(): void;
}

export interface SharedHandle<T> {
  readonly value: T;
  /** This follower is done; safe to call more than once. */
  release(): void;
}

interface Entry<T> {
  value: T;
  holders: number;
  linger: NodeJS.Timeout | undefined;
}

export class SharedWatches<T extends Stoppable> {
  readonly #start: (key: string) => T;
  readonly #lingerMs: number;
  readonly #entries = new Map<string, Entry<T>>();
  /** Watches started in all (a new one each time a key is started again), for tests and benchmarks. */
  started = 0;

  constructor(start: (key: string) => T, lingerMs: number) {
    this.#start = start;
    this.#lingerMs = lingerMs;
  }

  acquire(key: string): SharedHandle<T> {
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      entry = { value: this.#start(key), holders: 0, linger: undefined };
      this.started++;
      this.#entries.set(key, entry);
    }
    if (entry.linger !== undefined) {
      clearTimeout(entry.linger);
      entry.linger = undefined;
    }
    entry.holders++;
    const held = entry;
    let released = false;
    return {
      value: held.value,
      release: () => {
        if (released) return;
        released = true;
        this.#release(key, held);
      },
    };
  }

  /** Watches open now (lingering ones included). */
  get size(): number {
    return this.#entries.size;
  }

  /** Stops every watch now (the server stops). */
  stop(): void {
    for (const [key, entry] of this.#entries) {
      if (entry.linger !== undefined) clearTimeout(entry.linger);
      entry.value.stop();
      this.#entries.delete(key);
    }
  }

  #release(key: string, entry: Entry<T>): void {
    entry.holders--;
    if (entry.holders > 0) return;
    const end = (): void => {
      // Acquired again meanwhile, or already stopped: not ours to end.
      if (entry.holders > 0 || this.#entries.get(key) !== entry) return;
      this.#entries.delete(key);
      entry.value.stop();
    };
    if (this.#lingerMs <= 0) {
      end();
      return;
    }
    entry.linger = setTimeout(end, this.#lingerMs);
    // A lingering watch must not keep a stopping process alive.
    entry.linger.unref();
  }
}
