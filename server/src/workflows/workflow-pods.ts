// The pods of a workflow, read as the user. A pod is tied to its node by the node id Argo writes on it
// (annotation workflows.argoproj.io/node-id), as the log route finds it, rather than by re-deriving
// Argo's pod names (formats v1 and v2, with truncation and a hash of the node name).
import type { NodePod, PodContainer } from '@argovue/api-types';
import type { KubeIdentity } from '../auth/identity.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import { apiPath, kinds } from '../kube/api-paths.ts';

const nodeIdAnnotation = 'workflows.argoproj.io/node-id';

interface RawContainer {
  name?: string;
  image?: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

interface RawContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: Partial<Record<'waiting' | 'running' | 'terminated', RawState>>;
}

interface RawState {
  reason?: string;
  message?: string;
  exitCode?: number;
  startedAt?: string;
  finishedAt?: string;
}

export interface RawPod {
  metadata?: { name?: string; annotations?: Record<string, string> };
  spec?: { nodeName?: string; containers?: RawContainer[]; initContainers?: RawContainer[] };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    qosClass?: string;
    startTime?: string;
    containerStatuses?: RawContainerStatus[];
    initContainerStatuses?: RawContainerStatus[];
  };
}

/** Every pod of the workflow (label `workflows.argoproj.io/workflow`), as the user may list them. */
export async function listWorkflowPods(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  workflow: string,
  signal?: AbortSignal,
): Promise<RawPod[]> {
  const list = await api.json<{ items?: RawPod[] }>({
    path: apiPath(kinds.pods, { namespace }),
    query: { labelSelector: `workflows.argoproj.io/workflow=${workflow}` },
    as: identity,
    ...(signal === undefined ? {} : { signal }),
  });
  return list.items ?? [];
}

export function nodeIdOfPod(pod: RawPod): string | undefined {
  return pod.metadata?.annotations?.[nodeIdAnnotation];
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Quantities stay the strings Kubernetes wrote (`500m`, `1Gi`): they are shown, not computed with. */
function quantities(values: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

export function podContainer(
  spec: RawContainer,
  status: RawContainerStatus | undefined,
  init: boolean,
): PodContainer {
  const states = status?.state ?? {};
  const which = (['terminated', 'running', 'waiting'] as const).find((s) => states[s] !== undefined);
  const state: RawState = which === undefined ? {} : (states[which] ?? {});
  const optional = {
    image: text(spec.image),
    reason: text(state.reason),
    message: text(state.message),
    exitCode: typeof state.exitCode === 'number' ? state.exitCode : undefined,
    startedAt: text(state.startedAt),
    finishedAt: text(state.finishedAt),
  };
  return {
    name: spec.name ?? '',
    init,
    state: which ?? 'unknown',
    restartCount: typeof status?.restartCount === 'number' ? status.restartCount : 0,
    ready: status?.ready === true,
    requests: quantities(spec.resources?.requests),
    limits: quantities(spec.resources?.limits),
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

/** A pod as the node panel shows it: phase, where it runs, and each container's state and resources. */
export function nodePodOf(pod: RawPod): NodePod {
  const statusOf = (list: RawContainerStatus[] | undefined, name: string | undefined) =>
    list?.find((s) => s.name === name);
  const containers = [
    ...(pod.spec?.initContainers ?? []).map((c) =>
      podContainer(c, statusOf(pod.status?.initContainerStatuses, c.name), true),
    ),
    ...(pod.spec?.containers ?? []).map((c) =>
      podContainer(c, statusOf(pod.status?.containerStatuses, c.name), false),
    ),
  ];
  const optional = {
    reason: text(pod.status?.reason),
    message: text(pod.status?.message),
    nodeName: text(pod.spec?.nodeName),
    qosClass: text(pod.status?.qosClass),
    startedAt: text(pod.status?.startTime),
  };
  return {
    name: pod.metadata?.name ?? '',
    phase: text(pod.status?.phase) ?? 'Unknown',
    containers,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}
