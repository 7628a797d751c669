// Answers of the archive reused for a few seconds by the same query: a count (which reads every
// match) and a page of rows (one round trip to PostgreSQL, its planning and its rows' mapping). The
// key is the query itself — its SQL and every value it binds, namespaces included — so an answer is
// only ever given again to a query that would read exactly the same rows: the namespaces a user may
// list are part of it (RBAC's decision goes into the key, not around it), and so are the live runs
// the archive leaves out, so a run deleted from the cluster shows as archived at once.
import { createHash } from 'node:crypto';
import type { SqlQuery } from './archive-sql.ts';

interface Kept<T> {
  at: number;
  answer: Promise<T>;
  weight: number;
  /** Set once the answer is made (a failed one is dropped instead). */
  settled?: { value: T };
}

/** The key of a query: its text and values, hashed (the values can hold thousands of live runs). */
export function queryKey(query: SqlQuery): string {
  return createHash('sha256').update(query.text).update(JSON.stringify(query.values)).digest('base64');
}

export class ReusedAnswers<T> {
  readonly #ms: number;
  readonly #maxEntries: number;
  readonly #maxWeight: number;
  readonly #now: () => number;
  readonly #kept = new Map<string, Kept<T>>();
  #weight = 0;

  /**
   * Answers are reused for `ms` (0: never); at most `maxEntries` of them and `maxWeight` in all
   * (a page weighs its rows) are kept, the oldest let go first.
   */
  constructor(
    ms: number,
    limits: { maxEntries: number; maxWeight?: number },
    now: () => number = () => performance.now(),
  ) {
    this.#ms = ms;
    this.#maxEntries = limits.maxEntries;
    this.#maxWeight = limits.maxWeight ?? Infinity;
    this.#now = now;
  }

  /**
   * The answer of `key` made at most the reuse time ago, else `make()`'s. An answer still being made
   * is shared by those who ask meanwhile, even when nothing is reused (two tabs opening the same list
   * at once make one count). A failed answer is not kept: the next ask makes it again.
   */
  get(key: string, make: () => Promise<T>, weightOf: (answer: T) => number = () => 1): Promise<T> {
    const now = this.#now();
    const kept = this.#kept.get(key);
    if (kept !== undefined && (kept.settled === undefined || now - kept.at < this.#ms)) return kept.answer;
    const answer = make();
    this.#drop(key);
    const entry: Kept<T> = { at: now, answer, weight: 0 };
    this.#kept.set(key, entry);
    answer.then(
      (value) => {
        if (this.#kept.get(key) !== entry) return;
        if (this.#ms <= 0) {
          this.#drop(key);
          return;
        }
        entry.settled = { value };
        // Weighed once known; past the bound, the oldest go (this one last).
        entry.weight = weightOf(value);
        this.#weight += entry.weight;
        this.#trim();
      },
      () => {
        if (this.#kept.get(key) === entry) this.#drop(key);
      },
    );
    this.#trim();
    return answer;
  }

  /** Keeps `value` as the answer of `key`, made now (nothing is kept when nothing is reused). */
  keep(key: string, value: T, weight = 1): void {
    if (this.#ms <= 0) return;
    this.#drop(key);
    this.#kept.set(key, { at: this.#now(), answer: Promise.resolve(value), weight, settled: { value } });
    this.#weight += weight;
    this.#trim();
  }

  /** The answer of `key` if one was made within the reuse time; undefined while it is being made. */
  known(key: string): T | undefined {
    const kept = this.#kept.get(key);
    return kept?.settled !== undefined && this.#now() - kept.at < this.#ms ? kept.settled.value : undefined;
  }

  /** How many answers are kept (for tests). */
  get size(): number {
    return this.#kept.size;
  }

  #drop(key: string): void {
    const kept = this.#kept.get(key);
    if (kept === undefined) return;
    this.#weight -= kept.weight;
    this.#kept.delete(key);
  }

  #trim(): void {
    for (const key of this.#kept.keys()) {
      if (this.#kept.size <= this.#maxEntries && this.#weight <= this.#maxWeight) return;
      this.#drop(key);
    }
  }
}
