// The calls that change workflows, and the template reads the submit page needs. Each is made by the
// server as the user (impersonated); a refusal comes back as an ApiCallError with message and hint.
import type {
  ResubmitWorkflowRequest,
  RetryWorkflowRequest,
  SubmitWorkflowRequest,
  WorkflowAction,
  WorkflowActionResult,
  WorkflowTemplateList,
} from '@argovue/api-types';
import { request } from './client.ts';

function workflowPath(namespace: string, name: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(name)}`;
}

// Retry, resubmit and submit carry the dialog submission's Idempotency-Key (use-idempotency-key.ts):
// a double click makes one workflow.
export function retryWorkflow(
  namespace: string,
  name: string,
  body: RetryWorkflowRequest,
  idempotencyKey: string,
): Promise<WorkflowActionResult> {
  return request(`${workflowPath(namespace, name)}/retry`, { method: 'POST', body, idempotencyKey });
}

export function resubmitWorkflow(
  namespace: string,
  name: string,
  body: ResubmitWorkflowRequest,
  idempotencyKey: string,
): Promise<WorkflowActionResult> {
  return request(`${workflowPath(namespace, name)}/resubmit`, { method: 'POST', body, idempotencyKey });
}

/** A new workflow from a run in the workflow archive (the run is named by its uid). */
export function resubmitArchivedWorkflow(
  namespace: string,
  uid: string,
  body: ResubmitWorkflowRequest,
  idempotencyKey: string,
): Promise<WorkflowActionResult> {
  return request(
    `/api/v1/namespaces/${encodeURIComponent(namespace)}/archived-workflows/${encodeURIComponent(uid)}/resubmit`,
    { method: 'POST', body, idempotencyKey },
  );
}

/** stop, terminate, suspend or resume. */
export function actOnWorkflow(
  namespace: string,
  name: string,
  action: WorkflowAction,
): Promise<WorkflowActionResult> {
  return request(`${workflowPath(namespace, name)}/${action}`, { method: 'POST', body: {} });
}

export function deleteWorkflow(namespace: string, name: string): Promise<WorkflowActionResult> {
  return request(workflowPath(namespace, name), { method: 'DELETE' });
}

export function submitWorkflow(
  namespace: string,
  body: SubmitWorkflowRequest,
  idempotencyKey: string,
): Promise<WorkflowActionResult> {
  return request(`/api/v1/namespaces/${encodeURIComponent(namespace)}/workflows`, {
    method: 'POST',
    body,
    idempotencyKey,
  });
}

/** The namespace's WorkflowTemplates; 404 when the user may not use the namespace. */
export function fetchWorkflowTemplates(
  namespace: string,
  signal?: AbortSignal,
): Promise<WorkflowTemplateList> {
  return request(`/api/v1/namespaces/${encodeURIComponent(namespace)}/workflow-templates`, { signal });
}

/** The ClusterWorkflowTemplates the user may read (none when they may read none). */
export function fetchClusterWorkflowTemplates(signal?: AbortSignal): Promise<WorkflowTemplateList> {
  return request('/api/v1/cluster-workflow-templates', { signal });
}
