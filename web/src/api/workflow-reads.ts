// The reads around one workflow's page beyond the workflow itself: its Kubernetes events, a node's
// inputs and outputs, and the node's pod.
import type { NodePod, WorkflowKubeEventList, WorkflowNodeDetail } from '@argovue/api-types';
import { request } from './client.ts';

function workflowPath(namespace: string, name: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(name)}`;
}

export function fetchWorkflowKubeEvents(
  namespace: string,
  name: string,
  signal?: AbortSignal,
): Promise<WorkflowKubeEventList> {
  return request<WorkflowKubeEventList>(`${workflowPath(namespace, name)}/events`, { signal });
}

export function fetchNodeDetail(
  namespace: string,
  name: string,
  nodeId: string,
  signal?: AbortSignal,
): Promise<WorkflowNodeDetail> {
  return request<WorkflowNodeDetail>(`${workflowPath(namespace, name)}/nodes/${encodeURIComponent(nodeId)}`, {
    signal,
  });
}

/** The node's pod; an ApiCallError with code POD_NOT_FOUND when it has none (any more). */
export function fetchNodePod(
  namespace: string,
  name: string,
  nodeId: string,
  signal?: AbortSignal,
): Promise<NodePod> {
  return request<NodePod>(`${workflowPath(namespace, name)}/nodes/${encodeURIComponent(nodeId)}/pod`, {
    signal,
  });
}
