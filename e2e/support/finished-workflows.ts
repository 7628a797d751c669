// Finished workflows (8 pod nodes each, ~3 KB as the apiserver lists them), created as they would be
// left by Argo, for tests and benchmarks that need many: Argo's Workflow CRD has no status
// subresource, so objects are created already finished, and the controller leaves completed ones
// alone (the `workflows.argoproj.io/completed` label).
import { KubeError, type KubeApi } from '../../server/src/kube/kube-api.ts';
import { mapConcurrent } from '../../server/src/lib/map-concurrent.ts';

/**
 * Labels that keep workflows out of the local Argo controller's sight: with no instanceID of its own,
 * it watches only workflows without this label. For tests that create hundreds: Argo v4.0.5 relists
 * in pages of 500 and sends a resourceVersion with the continue token, which the apiserver refuses,
 * so a relist (after an apiserver restart, say) that finds more than 500 leaves the controller blind
 * to new workflows until etcd compacts that version away — minutes in which every later test that
 * runs a workflow times out (seen in a fresh-clone run, 2026-12-05: 1,500 created right after the
 * apiserver outage test). ArgoVue lists them like any other.
 */
export const unseenByArgo: Readonly<Record<string, string>> = {
  'workflows.argoproj.io/controller-instanceid': 'not-this-cluster',
};

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
