// A workflow as the API's answers name it (http/kube-errors.ts words its refusals from this).
import type { KubeResource } from '../http/kube-errors.ts';

export function aWorkflow(namespace: string, name: string): KubeResource {
  return { kind: 'Workflow', namespace, name };
}
