// The live workflow list: one change from the server's event stream applied to the rows a page shows,
// with the page's filters and sort applied by the server's own rules (@argovue/api-types/workflow-rows).
import type { WorkflowRef, WorkflowRow } from '@argovue/api-types';
import { compareRows, rowMatcher, type RowFilter } from '@argovue/api-types/workflow-rows';
import type { WorkflowQuery } from './workflow-query.ts';

export type WorkflowChange = { type: 'upsert'; row: WorkflowRow } | { type: 'delete'; ref: WorkflowRef };

export interface LiveRows {
  rows: WorkflowRow[];
  total: number;
}

/** The filter the server applies for `query` (the same rules: @argovue/api-types/workflow-rows). */
export function rowFilterOf(query: WorkflowQuery): RowFilter {
  const needle = query.q.trim();
  return {
    phases: query.phases,
    namespace: query.namespace === '' ? undefined : query.namespace,
    template: query.template === '' ? undefined : query.template,
    nameContains: needle === '' ? undefined : needle,
  };
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
  // Changes are the cluster's: they never touch a row from the archive (a run no longer in the cluster).
  const index = current.rows.findIndex(
    (r) => r.archivedUid === undefined && r.namespace === ref.namespace && r.name === ref.name,
  );
  const without = index === -1 ? current.rows : current.rows.filter((_, i) => i !== index);
  if (change.type === 'delete' || !rowMatcher(rowFilterOf(query))(change.row)) {
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
