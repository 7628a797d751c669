// A pod's container log, streamed from the apiserver as the user (pods/log) to the browser as it
// comes: nothing is held whole, so a log that never ends costs no memory here, and a line past
// maxLogLineBytes (a 50 MB line) is cut as it passes and marked — but for a download, which gets the
// log as written. One way for every log ArgoVue shows (a workflow node's, a service instance's); each
// caller says what the apiserver's refusals mean for its users, in words (never the apiserver's).
import type { Readable } from 'node:stream';
import type { KubeIdentity } from '../auth/identity.ts';
import { answer, refusedAs, type Answer } from '../http/kube-errors.ts';
import { apiPath, kinds } from '../kube/api-paths.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import { withLineLimit } from './log-lines.ts';

/** As much of a pod as its log needs: its containers. */
export interface LogPod {
  spec?: { containers?: { name?: string }[]; initContainers?: { name?: string }[] };
}

export interface PodLogRequest {
  namespace: string;
  follow: boolean;
  timestamps: boolean;
  /** Only the last N lines. */
  tailLines?: number | undefined;
  /** The log as written, lines uncut (for a file to save). */
  download?: boolean | undefined;
}

/** What the apiserver's refusals of pods/log mean: 403 no right to logs, 404 the pod went, 400 not started. */
export type LogRefusals = Record<400 | 403 | 404, Answer>;

/** The pod's containers, its main ones first. */
export function containersOf(pod: LogPod): string[] {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].flatMap((c) =>
    c.name === undefined ? [] : [c.name],
  );
}

/** The container's log as it comes; throws NOT_FOUND for a container the pod does not have. */
export async function openPodLog(
  api: KubeApi,
  identity: KubeIdentity,
  podName: string,
  pod: LogPod,
  container: string,
  req: PodLogRequest,
  refusals: LogRefusals,
  signal: AbortSignal,
): Promise<Readable> {
  const containers = containersOf(pod);
  if (!containers.includes(container)) {
    throw answer({
      code: 'NOT_FOUND',
      message: `Pod ${podName} has no container ${container}.`,
      hint: `Its containers: ${containers.join(', ')}.`,
    });
  }
  const stream = await api
    .stream({
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
    })
    .catch(refusedAs({ kind: 'Pod', namespace: req.namespace, name: podName }, refusals));
  return req.download === true ? stream : withLineLimit(stream);
}
