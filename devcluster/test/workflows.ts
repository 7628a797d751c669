// Argo Workflow objects as the tests need them, read through the real CRD.
import { custom } from './cluster.ts';

export interface WorkflowNode {
  id: string;
  name: string;
  displayName: string;
  type: string;
  phase?: string;
  message?: string;
}

export interface Workflow {
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  status?: { phase?: string; nodes?: Record<string, WorkflowNode> };
}

const api = { group: 'argoproj.io', version: 'v1alpha1', plural: 'workflows' } as const;

export async function createWorkflow(namespace: string, body: object): Promise<Workflow> {
  return (await custom.createNamespacedCustomObject({ ...api, namespace, body })) as Workflow;
}

export async function getWorkflow(namespace: string, name: string): Promise<Workflow> {
  return (await custom.getNamespacedCustomObject({ ...api, namespace, name })) as Workflow;
}

export async function deleteWorkflow(namespace: string, name: string): Promise<void> {
  await custom.deleteNamespacedCustomObject({ ...api, namespace, name });
}

/** The phase of each pod node, by its display name. */
export function podNodePhases(workflow: Workflow): Record<string, string | undefined> {
  const phases: Record<string, string | undefined> = {};
  for (const node of Object.values(workflow.status?.nodes ?? {})) {
    if (node.type === 'Pod' || node.type === 'Skipped' || node.phase === 'Omitted')
      phases[node.displayName] = node.phase;
  }
  return phases;
}
