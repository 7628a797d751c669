// An archived run as a list row, from the columns archive-sql.ts reads: the same mapping as a live
// row's (rows.ts), marked archived.
import type { WorkflowRow } from '@argovue/api-types';
import { workflowRow } from '../workflows/list/rows.ts';

export interface ArchivedRowRecord {
  uid: string;
  namespace: string;
  name: string;
  phase: string;
  created_at: string | null;
  labels: Record<string, string> | null;
  submitted_by: string | null;
  template_ref: { name?: string; clusterScope?: boolean } | null;
  message: string | null;
  started_at: string | null;
  finished_at: string | null;
  progress: string | null;
}

/** An archived row as a list row, built by the same mapping as a live one (rows.ts), marked archived. */
export function archivedRow(record: ArchivedRowRecord): WorkflowRow {
  const row = workflowRow({
    metadata: {
      name: record.name,
      namespace: record.namespace,
      ...(record.created_at === null ? {} : { creationTimestamp: record.created_at }),
      labels: record.labels ?? {},
      annotations: record.submitted_by === null ? {} : { 'argovue.dev/submitted-by': record.submitted_by },
    },
    spec: record.template_ref === null ? {} : { workflowTemplateRef: record.template_ref },
    status: {
      phase: record.phase,
      ...(record.message === null ? {} : { message: record.message }),
      startedAt: record.started_at,
      finishedAt: record.finished_at,
      ...(record.progress === null ? {} : { progress: record.progress }),
    },
  });
  return { ...row, archivedUid: record.uid };
}
