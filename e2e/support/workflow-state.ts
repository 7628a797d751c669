// What a refused request must leave as it was: a workflow's resourceVersion (any write changes it),
// the workflows resubmitted from it, its pods. Read as admin, straight from the apiserver.
import { core, custom, eventually } from '../../devcluster/test/cluster.ts';

const workflows = { group: 'argoproj.io', version: 'v1alpha1', plural: 'workflows' } as const;

export async function resourceVersionOf(namespace: string, name: string): Promise<string> {
  const object = (await custom.getNamespacedCustomObject({ ...workflows, namespace, name })) as {
    metadata: { resourceVersion: string };
  };
  return object.metadata.resourceVersion;
}

/** Names of the workflows resubmitted from `name` (Argo's resubmitted-from-workflow label). */
export async function resubmittedFrom(namespace: string, name: string): Promise<string[]> {
  const list = (await custom.listNamespacedCustomObject({
    ...workflows,
    namespace,
    labelSelector: `workflows.argoproj.io/resubmitted-from-workflow=${name}`,
  })) as { items: { metadata: { name: string } }[] };
  return list.items.map((w) => w.metadata.name);
}

/** The uids of the workflow's pods, by node id. */
export async function podUidsByNode(namespace: string, workflow: string): Promise<Record<string, string>> {
  const pods = await core.listNamespacedPod({
    namespace,
    labelSelector: `workflows.argoproj.io/workflow=${workflow}`,
  });
  return Object.fromEntries(
    pods.items.map((p) => [
      p.metadata?.annotations?.['workflows.argoproj.io/node-id'] ?? '',
      p.metadata?.uid ?? '',
    ]),
  );
}

/**
 * Waits until the workflow ended in `phase` and Argo's controller is done writing it. With the archive
 * on (the local cluster's), the controller labels a finished workflow's archiving `Pending` and, once it
 * is in PostgreSQL, `Archived` — a write that changes the resourceVersion. A test that reads the
 * version to show that a refusal changed nothing must read it after that, or it races the archive.
 */
export async function finishedAndArchived(namespace: string, name: string, phase: string): Promise<void> {
  await eventually(`${name} to be ${phase} and archived`, async () => {
    const object = (await custom.getNamespacedCustomObject({ ...workflows, namespace, name })) as {
      metadata: { labels?: Record<string, string> };
      status?: { phase?: string };
    };
    const archiving = object.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'];
    return object.status?.phase === phase && archiving === 'Archived' ? true : undefined;
  });
}
