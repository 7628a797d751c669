// The recent changes of a watch cache, numbered, so a browser that lost its stream can resume from
// the last event it saw (Last-Event-ID) without losing or repeating any. Ids carry this process's
// epoch: an id from another replica (or from before a restart) cannot be resumed and gets a reset.
import { randomBytes } from 'node:crypto';
import type { CacheEvent, WatchCache } from '../kube/watch-cache.ts';

export interface LoggedEvent<T> {
  seq: number;
  type: 'upsert' | 'delete';
  namespace: string;
  value: T;
}

export class EventLog<T> {
  readonly epoch = randomBytes(4).toString('hex');
  readonly #capacity: number;
  readonly #events: LoggedEvent<T>[] = [];
  readonly #listeners = new Set<(event: LoggedEvent<T>) => void>();
  #seq = 0;

  constructor(
    source: Pick<WatchCache<T>, 'subscribe'>,
    namespaceOf: (value: T) => string,
    capacity = 20_000,
  ) {
    this.#capacity = capacity;
    source.subscribe((event: CacheEvent<T>) => {
      const logged = {
        seq: ++this.#seq,
        type: event.type,
        namespace: namespaceOf(event.value),
        value: event.value,
      };
      this.#events.push(logged);
      if (this.#events.length > this.#capacity) this.#events.splice(0, this.#events.length - this.#capacity);
      for (const listener of this.#listeners) listener(logged);
    });
  }

  idOf(event: Pick<LoggedEvent<T>, 'seq'>): string {
    return `${this.epoch}-${event.seq}`;
  }

  /** The current position, for a stream that starts now. */
  get head(): number {
    return this.#seq;
  }

  /**
   * The events after `lastEventId`, or undefined when they cannot be replayed (another epoch, or
   * older than what is kept): the client must list again.
   */
  since(lastEventId: string): LoggedEvent<T>[] | undefined {
    const match = /^([0-9a-f]{8})-(\d{1,15})$/.exec(lastEventId);
    if (match?.[1] !== this.epoch) return undefined;
    const seq = Number(match[2]);
    if (seq > this.#seq) return undefined;
    const oldest = this.#events[0]?.seq ?? this.#seq + 1;
    if (seq < oldest - 1) return undefined;
    return this.#events.filter((event) => event.seq > seq);
  }

  subscribe(listener: (event: LoggedEvent<T>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
