// The workflow list's filters and order, as rules of the API: the server applies them to the rows
// it lists, the browser to the live changes it applies to a loaded list. One implementation, so a
// live row lands exactly where the next list would put it.
import type { WorkflowPhase, WorkflowRow } from './index.ts';

export const WORKFLOW_SORTS = ['-createdAt', 'createdAt', 'name', '-name', '-duration', 'duration'] as const;
export type WorkflowSort = (typeof WORKFLOW_SORTS)[number];
export const DEFAULT_WORKFLOW_SORT: WorkflowSort = '-createdAt';

/** What a row must match; every criterion that is given must hold. */
export interface RowFilter {
  /** Any of these phases; empty or absent: any phase. */
  phases?: readonly WorkflowPhase[] | undefined;
  namespace?: string | undefined;
  /** The WorkflowTemplate (or ClusterWorkflowTemplate) name. */
  template?: string | undefined;
  /** Part of the name, any case. */
  nameContains?: string | undefined;
  /** Each label key must have exactly this value. */
  labels?: readonly (readonly [key: string, value: string])[] | undefined;
  /** Created at or after this time (ms since the epoch). */
  createdSince?: number | undefined;
}

/** A test for `filter`, with its sets and lower-cased text made once for many rows. */
export function rowMatcher(filter: RowFilter): (row: WorkflowRow) => boolean {
  const phases = filter.phases?.length ? new Set<WorkflowPhase>(filter.phases) : undefined;
  const needle = filter.nameContains ? filter.nameContains.toLowerCase() : undefined;
  const labels = filter.labels ?? [];
  const { namespace, template, createdSince } = filter;
  return (row) =>
    (phases === undefined || phases.has(row.phase)) &&
    (namespace === undefined || row.namespace === namespace) &&
    (template === undefined || row.template?.name === template) &&
    (needle === undefined || row.name.toLowerCase().includes(needle)) &&
    labels.every(([key, value]) => row.labels[key] === value) &&
    (createdSince === undefined || Date.parse(row.createdAt) >= createdSince);
}

/** Milliseconds it ran, or has run until `now`; 0 before it started. */
export function rowDuration(row: WorkflowRow, now: number): number {
  if (row.startedAt === undefined) return 0;
  return (row.finishedAt === undefined ? now : Date.parse(row.finishedAt)) - Date.parse(row.startedAt);
}

// Code-point order: Kubernetes names and RFC 3339 times compare correctly so, the same in every
// browser and in Node, and many times faster than localeCompare over 20,000 rows.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byName(a: WorkflowRow, b: WorkflowRow): number {
  return compareText(a.namespace, b.namespace) || compareText(a.name, b.name);
}

/** The list's order for `sort`; ties by namespace, then name, so every order is total. */
export function compareRows(sort: WorkflowSort, now: number): (a: WorkflowRow, b: WorkflowRow) => number {
  switch (sort) {
    case 'name':
      return byName;
    case '-name':
      return (a, b) => byName(b, a);
    case 'createdAt':
      return (a, b) => compareText(a.createdAt, b.createdAt) || byName(a, b);
    case '-createdAt':
      return (a, b) => compareText(b.createdAt, a.createdAt) || byName(a, b);
    case 'duration':
      return (a, b) => rowDuration(a, now) - rowDuration(b, now) || byName(a, b);
    case '-duration':
      return (a, b) => rowDuration(b, now) - rowDuration(a, now) || byName(a, b);
  }
}

/**
 * Sorts `rows` in place in `compareRows(sort, now)`'s order. An order by duration parses each row's
 * times once instead of twice per comparison (20,000 rows: ~300,000 comparisons).
 */
export function sortRows(rows: WorkflowRow[], sort: WorkflowSort, now: number): void {
  if (sort !== 'duration' && sort !== '-duration') {
    rows.sort(compareRows(sort, now));
    return;
  }
  const sign = sort === 'duration' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, ms: rowDuration(row, now) }));
  keyed.sort((a, b) => sign * (a.ms - b.ms) || byName(a.row, b.row));
  keyed.forEach((entry, i) => (rows[i] = entry.row));
}
