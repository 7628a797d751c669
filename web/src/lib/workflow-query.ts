// The workflow list's filters and sort live in the page URL so a link shows the same list; this maps
// URL ⇄ query ⇄ the API's query string, in one place.
import type { WorkflowPhase } from '@argovue/api-types';
import { DEFAULT_WORKFLOW_SORT, WORKFLOW_SORTS, type WorkflowSort } from '@argovue/api-types/workflow-rows';
import { WORKFLOW_PHASES } from './workflow-phases.ts';

export { DEFAULT_WORKFLOW_SORT, WORKFLOW_SORTS, type WorkflowSort };

export interface WorkflowQuery {
  /** Empty means every phase. Kept in display order, without repeats. */
  phases: WorkflowPhase[];
  /** One namespace, or '' for all the user may use. */
  namespace: string;
  /** Text the name must contain; '' for any. */
  q: string;
  /** WorkflowTemplate name; '' for any. */
  template: string;
  sort: WorkflowSort;
}

export const EMPTY_WORKFLOW_QUERY: WorkflowQuery = {
  phases: [],
  namespace: '',
  q: '',
  template: '',
  sort: DEFAULT_WORKFLOW_SORT,
};

function isPhase(value: string): value is WorkflowPhase {
  return (WORKFLOW_PHASES as readonly string[]).includes(value);
}

function isSort(value: string): value is WorkflowSort {
  return (WORKFLOW_SORTS as readonly string[]).includes(value);
}

function orderedPhases(phases: Iterable<WorkflowPhase>): WorkflowPhase[] {
  const set = new Set(phases);
  return WORKFLOW_PHASES.filter((p) => set.has(p));
}

/** Reads the page URL's query; unknown phases and sorts are dropped, not errors (old links still open). */
export function workflowQueryFromParams(params: URLSearchParams): WorkflowQuery {
  const phases = (params.get('phase') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(isPhase);
  const sort = params.get('sort') ?? '';
  return {
    phases: orderedPhases(phases),
    namespace: (params.get('namespace') ?? '').trim(),
    q: params.get('q') ?? '',
    template: (params.get('template') ?? '').trim(),
    sort: isSort(sort) ? sort : DEFAULT_WORKFLOW_SORT,
  };
}

/** The page URL's query for `query`: only what differs from the defaults, so plain links stay plain. */
export function paramsFromWorkflowQuery(query: WorkflowQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.phases.length > 0) params.set('phase', orderedPhases(query.phases).join(','));
  if (query.namespace !== '') params.set('namespace', query.namespace);
  if (query.q.trim() !== '') params.set('q', query.q);
  if (query.template !== '') params.set('template', query.template);
  if (query.sort !== DEFAULT_WORKFLOW_SORT) params.set('sort', query.sort);
  return params;
}

/** True when the query filters anything (the sort does not count). */
export function isFiltered(query: WorkflowQuery): boolean {
  return query.phases.length > 0 || query.namespace !== '' || query.q.trim() !== '' || query.template !== '';
}

/** Adds or removes one phase. */
export function togglePhase(query: WorkflowQuery, phase: WorkflowPhase): WorkflowQuery {
  const phases = query.phases.includes(phase)
    ? query.phases.filter((p) => p !== phase)
    : orderedPhases([...query.phases, phase]);
  return { ...query, phases };
}

export type SortColumn = 'createdAt' | 'name' | 'duration';

/** The column a sort orders by, and whether it descends. */
export function sortColumn(sort: WorkflowSort): { column: SortColumn; descending: boolean } {
  const descending = sort.startsWith('-');
  return { column: (descending ? sort.slice(1) : sort) as SortColumn, descending };
}

/** Clicking a column header: the same column flips direction; a new one starts at its natural order. */
export function nextSort(current: WorkflowSort, column: SortColumn): WorkflowSort {
  const now = sortColumn(current);
  if (now.column === column) return now.descending ? column : `-${column}`;
  // Newest and longest first are what people look for; names read A→Z.
  return column === 'name' ? 'name' : (`-${column}` as WorkflowSort);
}

/** The first page: a screen's rows at once, without waiting for thousands more. */
export const WORKFLOW_PAGE_SIZE = 1000;
/**
 * Every later page (asked for when the table nears its end). Each request has a fixed cost on both
 * sides (routing, the session, a decompressor, the round trip): all rows of 20,000 were 20 requests
 * in pages of 1,000 and are 5 in these (bench/workflow-list.ts, one run: 28.5 against 72.2 ms p50,
 * the server's CPU per listing 3.8 against 25.0 ms, the client's 25.5 against 49.6 ms). A page of
 * 5,000 compact rows parses and decodes in a few milliseconds, within a frame.
 */
export const WORKFLOW_NEXT_PAGE_SIZE = 5000;

/** The API path for one page of the list: the first, or the one after `continueToken`. */
export function workflowListPath(query: WorkflowQuery, continueToken?: string): string {
  const params = new URLSearchParams();
  if (query.phases.length > 0) params.set('phase', query.phases.join(','));
  if (query.template !== '') params.set('template', query.template);
  if (query.q.trim() !== '') params.set('q', query.q.trim());
  params.set('sort', query.sort);
  params.set('limit', String(continueToken === undefined ? WORKFLOW_PAGE_SIZE : WORKFLOW_NEXT_PAGE_SIZE));
  if (continueToken !== undefined) params.set('continue', continueToken);
  const base =
    query.namespace === ''
      ? '/api/v1/workflows'
      : `/api/v1/namespaces/${encodeURIComponent(query.namespace)}/workflows`;
  return `${base}?${params.toString()}`;
}

/**
 * The API path of the total of the list of `query` (GET /api/v1/workflows/total): asked for when a
 * first page comes before the archive's count (`totalCounting`).
 */
export function workflowTotalPath(query: WorkflowQuery): string {
  const params = new URLSearchParams();
  if (query.namespace !== '') params.set('namespace', query.namespace);
  if (query.phases.length > 0) params.set('phase', query.phases.join(','));
  if (query.template !== '') params.set('template', query.template);
  if (query.q.trim() !== '') params.set('q', query.q.trim());
  return `/api/v1/workflows/total?${params.toString()}`;
}
