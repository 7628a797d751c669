// Where the pod runner writes a pod's container log, and the KWOK `Logs` object that makes KWOK serve
// that file for pods/log (KWOK's namespaced CRD, named as the pod; kwok runs with --enable-crds=Logs,
// see cluster.sh). A Logs object for a pod wins over the ClusterLogs of kwok.yaml, so only the
// container it names has a log. It is owned by the pod: if the runner dies, the garbage collector
// still takes it with the pod.
import { join } from 'node:path';
import type { CustomObjectsApi } from '@kubernetes/client-node';

const group = 'kwok.x-k8s.io';
const version = 'v1alpha1';
const plural = 'logs';

export interface LoggedPod {
  uid: string;
  name: string;
  namespace: string;
  container: string;
}

/** The pod's folder of logs, as a kubelet lays out /var/log/pods: `<namespace>_<name>_<uid>`. */
export function podLogDir(state: string, pod: LoggedPod): string {
  return join(state, 'pod-logs', `${pod.namespace}_${pod.name}_${pod.uid}`);
}

export function containerLogFile(state: string, pod: LoggedPod): string {
  return join(podLogDir(state, pod), `${pod.container}.log`);
}

/** The Logs object that points KWOK at the container's file (follow: a live process writes it). */
export function logsObjectOf(state: string, pod: LoggedPod): Record<string, unknown> {
  return {
    apiVersion: `${group}/${version}`,
    kind: 'Logs',
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      labels: { 'argovue.dev/pod-runner': 'true' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: pod.name, uid: pod.uid }],
    },
    spec: { logs: [{ containers: [pod.container], logsFile: containerLogFile(state, pod), follow: true }] },
  };
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/** Creates the pod's Logs object, or replaces one left by a runner that was killed. */
export async function writeLogsObject(api: CustomObjectsApi, state: string, pod: LoggedPod): Promise<void> {
  const body = logsObjectOf(state, pod);
  const { namespace, name } = pod;
  try {
    await api.createNamespacedCustomObject({ group, version, namespace, plural, body });
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
    const existing = (await api.getNamespacedCustomObject({ group, version, namespace, plural, name })) as {
      metadata?: { resourceVersion?: string };
    };
    const metadata = { ...(body['metadata'] as object), resourceVersion: existing.metadata?.resourceVersion };
    await api.replaceNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      name,
      body: { ...body, metadata },
    });
  }
}

/** Deletes the pod's Logs object; one already gone (the pod's garbage collection) is fine. */
export async function deleteLogsObject(api: CustomObjectsApi, pod: LoggedPod): Promise<void> {
  try {
    await api.deleteNamespacedCustomObject({
      group,
      version,
      namespace: pod.namespace,
      plural,
      name: pod.name,
    });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}
