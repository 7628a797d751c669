// The query of a workflow list (filters, sort, page) checked at the edge, and its filters as the
// list rules shared with the browser take them (api-types/src/workflow-rows.ts).
import { z } from 'zod';
import type { WorkflowRow } from '@argovue/api-types';
import {
  DEFAULT_WORKFLOW_SORT,
  WORKFLOW_SORTS,
  rowMatcher,
  type RowFilter,
} from '@argovue/api-types/workflow-rows';
import { COMPACT_LIST_FORMAT } from '@argovue/api-types/workflow-rows-compact';

const phaseNames = ['Pending', 'Running', 'Succeeded', 'Failed', 'Error'] as const;
const labelSelector = /^([A-Za-z0-9][-A-Za-z0-9_./]{0,252})=([-A-Za-z0-9_.]{0,63})$/;

export const WorkflowQuerySchema = z.object({
  phase: z
    .string()
    .transform((text) => text.split(',').filter((p) => p !== ''))
    .pipe(z.array(z.enum(phaseNames, { error: `phase must be one of ${phaseNames.join(', ')}` })))
    .optional(),
  /** `key=value`, several joined by commas; all must match (Argo's phase labels are not rows' labels: filter by phase). */
  label: z
    .string()
    .transform((text) => text.split(',').filter((l) => l !== ''))
    .pipe(z.array(z.string().regex(labelSelector, 'label must be key=value')))
    .optional(),
  template: z.string().min(1).max(253).optional(),
  /** Part of the name, any case. */
  q: z.string().max(253).optional(),
  /** Only workflows created at or after this time. */
  since: z.iso
    .datetime({ offset: true, error: 'since must be an ISO date-time such as 2026-11-24T00:00:00Z' })
    .optional(),
  sort: z.enum(WORKFLOW_SORTS).default(DEFAULT_WORKFLOW_SORT),
  // The web app's later pages are 5,000 rows (web/src/lib/workflow-query.ts): fewer requests.
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  /**
   * `compact`: rows as arrays under a column header (api-types/src/workflow-rows-compact.ts), which
   * the web app asks for; `objects` or absent: a WorkflowList of row objects.
   */
  format: z.enum(['objects', COMPACT_LIST_FORMAT]).optional(),
  // `live.archived` offsets when ArgoVue reads the workflow archive (archive/merged-list.ts).
  continue: z
    .string()
    .regex(/^\d{1,9}(\.\d{1,9})?$/, 'continue must be the token of a previous page')
    .optional(),
});

export type WorkflowQuery = z.infer<typeof WorkflowQuerySchema>;

/** The API query's filters as the shared list rules take them. */
export function rowFilterOf(query: WorkflowQuery): RowFilter {
  return {
    phases: query.phase,
    template: query.template,
    nameContains: query.q || undefined,
    labels: (query.label ?? []).map((l) => {
      const eq = l.indexOf('=');
      return [l.slice(0, eq), l.slice(eq + 1)] as const;
    }),
    createdSince: query.since === undefined ? undefined : Date.parse(query.since),
  };
}

export function filterRows(rows: WorkflowRow[], query: WorkflowQuery): WorkflowRow[] {
  return rows.filter(rowMatcher(rowFilterOf(query)));
}
