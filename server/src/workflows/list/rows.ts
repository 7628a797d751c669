// A Workflow object as a list row: what a list shows, taken once when the watch delivers it, so a
// list request never walks full objects (20,000 cached workflows stay small).
import type { WorkflowPhase, WorkflowRow } from '@argovue/api-types';
import type { FieldPick } from '../../kube/list-stream.ts';

interface RawWorkflow {
  metadata?: {
    name?: string;
    namespace?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: {
    workflowTemplateRef?: { name?: string; clusterScope?: boolean };
    suspend?: boolean;
    shutdown?: string;
  };
  status?: {
    phase?: string;
    message?: string;
    startedAt?: string | null;
    finishedAt?: string | null;
    progress?: string;
  };
}

const shutdowns = ['Stop', 'Terminate'] as const;
const phases: readonly WorkflowPhase[] = ['Pending', 'Running', 'Succeeded', 'Failed', 'Error'];
// Argo's own bookkeeping labels repeat what a row already says (its phase): not sent with every row.
const bookkeepingLabels = new Set([
  'workflows.argoproj.io/phase',
  'workflows.argoproj.io/completed',
  'workflows.argoproj.io/workflow-archiving-status',
]);
// Labels Argo (argo server with SSO) writes about who submitted a workflow, best first. ArgoVue
// writes the user name to the annotation `argovue.dev/submitted-by` (label values cannot hold it).
const submitterLabels = [
  'workflows.argoproj.io/creator-email',
  'workflows.argoproj.io/creator-preferred-username',
  'workflows.argoproj.io/creator',
];

/**
 * The fields of a Workflow that workflowRow reads (with what the watch cache keys and versions by):
 * a list is parsed down to these (kube/list-stream.ts), never to whole workflows with their nodes.
 */
export const workflowRowFields = {
  metadata: {
    name: true,
    namespace: true,
    resourceVersion: true,
    creationTimestamp: true,
    labels: true,
    annotations: { 'argovue.dev/submitted-by': true },
  },
  spec: { workflowTemplateRef: true, suspend: true, shutdown: true },
  status: { phase: true, message: true, startedAt: true, finishedAt: true, progress: true },
} as const satisfies FieldPick;

export function workflowRow(object: RawWorkflow): WorkflowRow {
  const metadata = object.metadata ?? {};
  const labels = metadata.labels ?? {};
  const status = object.status ?? {};
  const ref = object.spec?.workflowTemplateRef;
  const templateName =
    ref?.name ??
    labels['workflows.argoproj.io/workflow-template'] ??
    labels['workflows.argoproj.io/cluster-workflow-template'];
  const submitter =
    metadata.annotations?.['argovue.dev/submitted-by'] ??
    submitterLabels.map((label) => labels[label]).find((value) => value !== undefined && value !== '');
  const progress = /^(\d+)\/(\d+)$/.exec(status.progress ?? '');
  const shutdown = shutdowns.find((s) => s === object.spec?.shutdown);
  return {
    namespace: metadata.namespace ?? '',
    name: metadata.name ?? '',
    // A workflow the controller has not picked up yet has no phase: it is pending.
    phase: phases.find((p) => p === status.phase) ?? 'Pending',
    ...(status.message ? { message: status.message } : {}),
    ...(templateName === undefined
      ? {}
      : {
          template: {
            name: templateName,
            cluster:
              ref?.clusterScope === true ||
              labels['workflows.argoproj.io/cluster-workflow-template'] !== undefined,
          },
        }),
    ...(submitter === undefined ? {} : { submitter }),
    createdAt: metadata.creationTimestamp ?? '',
    ...(status.startedAt ? { startedAt: status.startedAt } : {}),
    ...(status.finishedAt ? { finishedAt: status.finishedAt } : {}),
    ...(progress ? { progress: { done: Number(progress[1]), total: Number(progress[2]) } } : {}),
    labels: Object.fromEntries(Object.entries(labels).filter(([key]) => !bookkeepingLabels.has(key))),
    // What the action buttons need: a suspended workflow resumes, a stopping one is not stopped twice.
    ...(object.spec?.suspend === true ? { suspended: true as const } : {}),
    ...(shutdown === undefined ? {} : { shutdown }),
  };
}
