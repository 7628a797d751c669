// The rows of a list query, filtered and in order, kept while the cache has not changed: the pages of
// one list (20 pages of 1,000 rows for 20,000 workflows) and many tabs asking for the same list sort
// once, not once per request. A snapshot is valid only at the event-log position it was made at
// (any change of any workflow makes a new one); an order by duration also ages with the clock.
import type { WorkflowRow } from '@argovue/api-types';
import { rowMatcher, sortRows, type RowFilter, type WorkflowSort } from '@argovue/api-types/workflow-rows';

interface Snapshot {
  head: number;
  madeAt: number;
  rows: WorkflowRow[];
}

export interface SnapshotQuery {
  namespaces: readonly string[];
  filter: RowFilter;
  sort: WorkflowSort;
}

const maxSnapshots = 32;
// Running workflows' durations grow while they run: a duration order is remade this often.
const durationOrderMs = 1000;

export class ListSnapshots {
  readonly #rowsOf: (namespace: string) => Iterable<WorkflowRow>;
  readonly #head: () => number;
  readonly #snapshots = new Map<string, Snapshot>();

  constructor(rowsOf: (namespace: string) => Iterable<WorkflowRow>, head: () => number) {
    this.#rowsOf = rowsOf;
    this.#head = head;
  }

  /** Every row matching `query`, in its order. The array is shared: never change it. */
  rows(query: SnapshotQuery, now: number): readonly WorkflowRow[] {
    const key = JSON.stringify([query.namespaces, query.filter, query.sort]);
    const head = this.#head();
    const kept = this.#snapshots.get(key);
    const byDuration = query.sort === 'duration' || query.sort === '-duration';
    if (kept?.head === head && !(byDuration && now - kept.madeAt >= durationOrderMs)) {
      // Most recently used last, so the first entry is the one to evict.
      this.#snapshots.delete(key);
      this.#snapshots.set(key, kept);
      return kept.rows;
    }
    // A snapshot of an older position can never be valid again: let its rows go.
    for (const [other, snapshot] of this.#snapshots)
      if (snapshot.head !== head) this.#snapshots.delete(other);
    const matches = rowMatcher(query.filter);
    const rows: WorkflowRow[] = [];
    for (const namespace of query.namespaces)
      for (const row of this.#rowsOf(namespace)) if (matches(row)) rows.push(row);
    sortRows(rows, query.sort, now);
    this.#snapshots.delete(key);
    this.#snapshots.set(key, { head, madeAt: now, rows });
    const oldest = this.#snapshots.keys().next();
    if (this.#snapshots.size > maxSnapshots && oldest.done !== true) this.#snapshots.delete(oldest.value);
    return rows;
  }
}
