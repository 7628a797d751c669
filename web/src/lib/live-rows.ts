// The live workflow list: one change from the server's event stream applied to the rows a page shows,
// keeping the page's filters and sort as the server applies them (server/src/workflows/list.ts).
import type { WorkflowRef, WorkflowRow } from '@argovue/api-types';
import type { WorkflowQuery, WorkflowSort } from './workflow-query.ts';

export type WorkflowChange = { type: 'upsert'; row: WorkflowRow } | { type: 'delete'; ref: WorkflowRef };

export interface LiveRows {
  rows: WorkflowRow[];
  total: number;
}

/** True when `row` belongs in the list `query` asks for (as the server filters). */
export function rowMatchesQuery(row: WorkflowRow, query: WorkflowQuery): boolean {
  const needle = query.q.trim().toLowerCase();
  return (
    (query.phases.length === 0 || query.phases.includes(row.phase)) &&
    (query.namespace === '' || row.namespace === query.namespace) &&
    (query.template === '' || row.template?.name === query.template) &&
    (needle === '' || row.name.toLowerCase().includes(needle))
  );
}

function duration(row: WorkflowRow, now: number): number {
  if (row.startedAt === undefined) return 0;
  return (row.finishedAt === undefined ? now : Date.parse(row.finishedAt)) - Date.parse(row.startedAt);
}

/** The server's order for `sort`; ties by namespace, then name. */
export function compareRows(sort: WorkflowSort, now: number): (a: WorkflowRow, b: WorkflowRow) => number {
  const byName = (a: WorkflowRow, b: WorkflowRow) =>
    a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
  switch (sort) {
    case 'name':
      return byName;
    case '-name':
      return (a, b) => byName(b, a);
    case 'createdAt':
      return (a, b) => a.createdAt.localeCompare(b.createdAt) || byName(a, b);
    case '-createdAt':
      return (a, b) => b.createdAt.localeCompare(a.createdAt) || byName(a, b);
    case 'duration':
      return (a, b) => duration(a, now) - duration(b, now) || byName(a, b);
    case '-duration':
      return (a, b) => duration(b, now) - duration(a, now) || byName(a, b);
  }
}

/**
 * Applies one change. `complete` says whether every matching row is loaded; when not, a new row that
 * sorts after the last loaded one is left for a later page (it is counted in `total` all the same).
 * Returns `current` itself when nothing changed, so React skips the render.
 */
export function applyWorkflowChange(
  current: LiveRows,
  change: WorkflowChange,
  query: WorkflowQuery,
  options: { now: number; complete: boolean },
): LiveRows {
  const ref = change.type === 'upsert' ? change.row : change.ref;
  const index = current.rows.findIndex((r) => r.namespace === ref.namespace && r.name === ref.name);
  const without = index === -1 ? current.rows : current.rows.filter((_, i) => i !== index);
  if (change.type === 'delete' || !rowMatchesQuery(change.row, query)) {
    if (index === -1) return current;
    return { rows: without, total: Math.max(0, current.total - 1) };
  }
  const row = change.row;
  const compare = compareRows(query.sort, options.now);
  // Binary search for the first row that sorts after the new one.
  let low = 0;
  let high = without.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const other = without[mid];
    if (other !== undefined && compare(other, row) <= 0) low = mid + 1;
    else high = mid;
  }
  const total = index === -1 ? current.total + 1 : current.total;
  if (low === without.length && !options.complete) {
    return { rows: without, total };
  }
  return { rows: [...without.slice(0, low), row, ...without.slice(low)], total };
}
