// A pod log of an instance, streamed as every pod log is (streams/pod-log.ts): read as the user,
// nothing held whole, a line past 64 KiB cut as it passes and marked.
import type { Readable } from 'node:stream';
import type { KubeIdentity } from '../auth/identity.ts';
import { answer, refusedAs } from '../http/kube-errors.ts';
import { apiPath, kinds } from '../kube/api-paths.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import { containersOf, openPodLog, type PodLogRequest } from '../streams/pod-log.ts';
import type { RawPod } from '../workflows/workflow-pods.ts';
import { instanceNotFound, readInstanceForUser } from './instances.ts';
import { instanceLabel } from './render.ts';

export interface InstanceLogRequest extends PodLogRequest {
  instance: string;
  /** The pod; the instance's first (by name) when absent. */
  pod?: string | undefined;
  /** The container; the pod's first when absent. */
  container?: string | undefined;
}

/** The instance's pod's log as it comes; throws the API's answer when there is none to read. */
export async function openInstanceLog(
  api: KubeApi,
  identity: KubeIdentity,
  req: InstanceLogRequest,
  signal: AbortSignal,
): Promise<{ stream: Readable; pod: string }> {
  if ((await readInstanceForUser(api, identity, req.namespace, req.instance)) === undefined)
    throw instanceNotFound(req.namespace, req.instance);
  const list = await api
    .json<{ items?: RawPod[] }>({
      path: apiPath(kinds.pods, { namespace: req.namespace }),
      query: { labelSelector: `${instanceLabel}=${req.instance}` },
      as: identity,
      signal,
    })
    .catch(
      refusedAs(
        { kind: 'Pod', namespace: req.namespace, name: req.instance },
        {
          403: {
            code: 'NOT_FOUND',
            message: `You may not read the pods of ${req.namespace}.`,
            hint: 'Ask for a role that may list pods there.',
          },
        },
      ),
    );
  const pods = (list.items ?? []).sort((a, b) =>
    (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  );
  const pod = req.pod === undefined ? pods[0] : pods.find((p) => p.metadata?.name === req.pod);
  const podName = pod?.metadata?.name;
  if (pod === undefined || podName === undefined)
    throw answer({
      code: 'NOT_FOUND',
      message:
        req.pod === undefined
          ? `Service instance ${req.instance} has no pod now.`
          : `Service instance ${req.instance} has no pod ${req.pod}.`,
      hint: 'A stopped instance has no pods; start it to see its logs.',
    });
  const gone = {
    code: 'NOT_FOUND',
    message: `The log of pod ${podName} is not available: the pod is gone.`,
    hint: 'Open the instance again.',
  } as const;
  const stream = await openPodLog(
    api,
    identity,
    podName,
    pod,
    req.container ?? containersOf(pod)[0] ?? '',
    req,
    {
      403: {
        code: 'NOT_FOUND',
        message: `The log of pod ${podName} is not available: you may not read pod logs here.`,
        hint: 'Ask for access to pods/log.',
      },
      404: gone,
      400: {
        code: 'NOT_FOUND',
        message: `The log of pod ${podName} is not available yet: its container has not started.`,
        hint: 'Try again in a moment.',
      },
    },
    signal,
  );
  return { stream, pod: podName };
}
