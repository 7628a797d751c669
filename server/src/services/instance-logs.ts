// A pod log of an instance, streamed from the apiserver as the user (pods/log), through the same
// line limit as workflow logs: nothing held whole, a line past 64 KiB cut as it passes and marked.
import type { Readable } from 'node:stream';
import type { KubeIdentity } from '../auth/identity.ts';
import { HttpError } from '../http/errors.ts';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { withLineLimit } from '../workflows/logs/log-lines.ts';
import type { RawPod } from '../workflows/workflow-pods.ts';
import { instanceNotFound, readInstanceForUser } from './instances.ts';
import { instanceLabel } from './render.ts';
import { apiPath, kinds } from '../kube/api-paths.ts';

export interface InstanceLogRequest {
  namespace: string;
  instance: string;
  /** The pod; the instance's first (by name) when absent. */
  pod?: string | undefined;
  /** The container; the pod's first when absent. */
  container?: string | undefined;
  follow: boolean;
  timestamps: boolean;
  tailLines?: number | undefined;
}

export type InstanceLogResult = { ok: true; stream: Readable; pod: string } | { ok: false; error: HttpError };

export async function openInstanceLog(
  api: KubeApi,
  identity: KubeIdentity,
  req: InstanceLogRequest,
  signal: AbortSignal,
): Promise<InstanceLogResult> {
  const notFound = (message: string, hint: string): InstanceLogResult => ({
    ok: false,
    error: new HttpError(404, 'NOT_FOUND', message, hint),
  });
  if ((await readInstanceForUser(api, identity, req.namespace, req.instance)) === undefined)
    return { ok: false, error: instanceNotFound(req.namespace, req.instance) };
  let pods: RawPod[];
  try {
    const list = await api.json<{ items?: RawPod[] }>({
      path: apiPath(kinds.pods, { namespace: req.namespace }),
      query: { labelSelector: `${instanceLabel}=${req.instance}` },
      as: identity,
      signal,
    });
    pods = (list.items ?? []).sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
  } catch (error) {
    if (error instanceof KubeError && error.status === 403)
      return notFound(
        `You may not read the pods of ${req.namespace}.`,
        'Ask for a role that may list pods there.',
      );
    throw error;
  }
  const pod = req.pod === undefined ? pods[0] : pods.find((p) => p.metadata?.name === req.pod);
  const podName = pod?.metadata?.name;
  if (pod === undefined || podName === undefined)
    return notFound(
      req.pod === undefined
        ? `Service instance ${req.instance} has no pod now.`
        : `Service instance ${req.instance} has no pod ${req.pod}.`,
      'A stopped instance has no pods; start it to see its logs.',
    );
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map(
    (c) => c.name,
  );
  const container = req.container ?? containers[0] ?? '';
  if (!containers.includes(container))
    return notFound(
      `Pod ${podName} has no container ${container}.`,
      `Its containers: ${containers.join(', ')}.`,
    );
  try {
    const stream = await api.stream({
      path: apiPath(kinds.pods, { namespace: req.namespace, name: podName, subresource: 'log' }),
      query: {
        container,
        follow: req.follow,
        timestamps: req.timestamps,
        ...(req.tailLines === undefined ? {} : { tailLines: req.tailLines }),
      },
      accept: '*/*',
      as: identity,
      traffic: 'stream',
      signal,
    });
    return { ok: true, stream: withLineLimit(stream), pod: podName };
  } catch (error) {
    if (error instanceof KubeError && (error.status === 403 || error.status === 404))
      return notFound(
        `The log of pod ${podName} is not available: ${error.status === 403 ? 'you may not read pod logs here' : 'the pod is gone'}.`,
        'Ask for access to pods/log, or open the instance again.',
      );
    if (error instanceof KubeError && error.status === 400)
      return notFound(
        `The log of pod ${podName} is not available yet: ${error.message}`,
        'The container has not started; try again in a moment.',
      );
    throw error;
  }
}
