// One instance's page: its pods (container statuses, restarts, resources) and the Kubernetes events
// of the instance and of every object made for it, all read as the user. Its objects are found by the
// instance label the controller puts on them (and the Deployment copies onto ReplicaSets and pods).
import type { ServiceInstanceDetail, ServiceKubeEvent, ServicePod } from '@argovue/api-types';
import type { KubeIdentity } from '../auth/identity.ts';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { kubeEvent, listEvents } from '../workflows/detail/kube-events.ts';
import { nodePodOf, type RawPod } from '../workflows/workflow-pods.ts';
import { readServiceTemplateForUser } from './catalogue.ts';
import { parseIdleTimeout } from './idle.ts';
import { instanceRow } from './instance-rows.ts';
import type { StoredInstance } from './instances.ts';
import { instanceLabel } from './render.ts';
import { apiPath, kinds } from '../kube/api-paths.ts';

type PodWithIp = RawPod & { status?: { podIP?: string } };

export function servicePodOf(pod: PodWithIp): ServicePod {
  const { qosClass: _qos, ...node } = nodePodOf(pod);
  const containers = node.containers;
  const ip = pod.status?.podIP;
  return {
    ...node,
    ...(typeof ip === 'string' && ip !== '' ? { ip } : {}),
    ready: containers.some((c) => !c.init) && containers.every((c) => c.init || c.ready),
  };
}

async function listByLabel<T>(
  api: KubeApi,
  identity: KubeIdentity,
  path: string,
  name: string,
  signal: AbortSignal | undefined,
): Promise<T[] | undefined> {
  try {
    const list = await api.json<{ items?: T[] }>({
      path,
      query: { labelSelector: `${instanceLabel}=${name}` },
      as: identity,
      ...(signal === undefined ? {} : { signal }),
    });
    return list.items ?? [];
  } catch (error) {
    if (error instanceof KubeError && error.status === 403) return undefined;
    throw error;
  }
}

/** The instance with its pods and events; what the user may not read is left out and said. */
export async function readInstanceDetail(
  api: KubeApi,
  identity: KubeIdentity,
  instance: StoredInstance,
  signal?: AbortSignal,
): Promise<ServiceInstanceDetail> {
  const namespace = instance.metadata.namespace ?? '';
  const name = instance.metadata.name;
  const notices: string[] = [];
  const { kind = 'ServiceTemplate', name: templateName } = instance.spec.template;
  const [pods, replicaSets, claims, template] = await Promise.all([
    listByLabel<PodWithIp>(api, identity, apiPath(kinds.pods, { namespace }), name, signal),
    listByLabel<{ metadata?: { name?: string } }>(
      api,
      identity,
      apiPath(kinds.replicaSets, { namespace }),
      name,
      signal,
    ),
    listByLabel<{ metadata?: { name?: string } }>(
      api,
      identity,
      apiPath(kinds.persistentVolumeClaims, { namespace }),
      name,
      signal,
    ),
    // Its idle timeout says when a running instance stops if unused; a template the user may not
    // read (or gone) leaves that out.
    readServiceTemplateForUser(api, identity, namespace, templateName, kind === 'ClusterServiceTemplate'),
  ]);
  if (pods === undefined) notices.push('you may not list the pods of this namespace');
  // The objects whose events are the instance's: itself, its Deployment and Service (its name), its
  // ReplicaSets, pods and claims.
  const names = new Set<string>([
    `ServiceInstance/${name}`,
    `Deployment/${name}`,
    `Service/${name}`,
    ...(replicaSets ?? []).map((r) => `ReplicaSet/${r.metadata?.name ?? ''}`),
    ...(pods ?? []).map((p) => `Pod/${p.metadata?.name ?? ''}`),
    ...(claims ?? []).map((c) => `PersistentVolumeClaim/${c.metadata?.name ?? ''}`),
  ]);
  let events: ServiceKubeEvent[] = [];
  try {
    const listed = await listEvents(api, identity, namespace, '', signal);
    if (!listed.complete) notices.push('only the first events of this busy namespace were read');
    events = listed.items
      .filter((e) => names.has(`${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`))
      .map((e) => {
        const { nodeId: _node, ...event } = kubeEvent(e, undefined);
        return event;
      })
      .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
  } catch (error) {
    if (!(error instanceof KubeError && error.status === 403)) throw error;
    notices.push('you may not list the events of this namespace');
  }
  const { managedFields: _managedFields, ...metadata } = instance.metadata as StoredInstance['metadata'] & {
    managedFields?: unknown;
  };
  const replicas = (pods ?? []).length;
  return {
    row: instanceRow(instance, {
      replicas: instance.spec.stopped === true ? 0 : Math.max(replicas, 1),
      idleTimeoutMs: parseIdleTimeout(template?.spec.idleTimeout),
    }),
    pods: (pods ?? []).map(servicePodOf).sort((a, b) => a.name.localeCompare(b.name)),
    events,
    ...(notices.length === 0 ? {} : { notice: `Not everything could be read: ${notices.join('; ')}.` }),
    object: { ...instance, metadata },
  };
}
