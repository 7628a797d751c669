// Finished workflows (8 pod nodes each, ~3 KB as the apiserver lists them), created as they would be
// left by Argo, for tests and benchmarks that need many: Argo's Workflow CRD has no status
// subresource, so objects are created already finished, and the controller leaves completed ones
// alone (the `workflows.argoproj.io/completed` label).
import { KubeError, type KubeApi } from '../../server/src/kube/kube-api.ts';
import { mapConcurrent } from '../../server/src/lib/map-concurrent.ts';

export function finishedWorkflow(name: string, labels: Record<string, string> = {}): object {
  const nodes: Record<string, object> = {
    [name]: { id: name, name, displayName: name, type: 'DAG', phase: 'Succeeded', children: [] },
  };
  for (let p = 0; p < 8; p++) {
    const id = `${name}-${1000 + p}`;
    nodes[id] = {
      id,
      name: `${name}.step-${p}`,
      displayName: `step-${p}`,
      type: 'Pod',
      phase: 'Succeeded',
      templateName: 'step',
      boundaryID: name,
      startedAt: '2026-11-24T10:00:00Z',
      finishedAt: '2026-11-24T10:01:00Z',
    };
  }
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name,
      labels: {
        'workflows.argoproj.io/completed': 'true',
        'workflows.argoproj.io/phase': 'Succeeded',
        ...labels,
      },
    },
    spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'example.invalid/x:1' } }] },
    status: {
      phase: 'Succeeded',
      startedAt: '2026-11-24T10:00:00Z',
      finishedAt: '2026-11-24T10:08:00Z',
      progress: '8/8',
      nodes,
    },
  };
}

/** Creates finished workflows of these names in the namespace (one already there is kept). */
export async function createFinishedWorkflows(
  admin: KubeApi,
  namespace: string,
  names: readonly string[],
  labels: Record<string, string> = {},
): Promise<void> {
  await mapConcurrent(names, 32, (name) =>
    admin
      .json({
        as: 'argovue',
        method: 'POST',
        path: `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflows`,
        body: finishedWorkflow(name, labels),
      })
      .catch((error: unknown) => {
        if (!(error instanceof KubeError && error.status === 409)) throw error;
      }),
  );
}
