// A workflow node's container log, streamed from the apiserver (pods/log, read as the user) to the
// browser as it comes: nothing is buffered whole, so a log that never ends costs no memory here, and
// a line past maxLogLineBytes (a 50 MB line) is cut as it passes and marked — but for a download,
// which gets the log as written. The pod is found by the node id Argo writes on it, not by
// re-deriving Argo's naming.
import type { Readable } from 'node:stream';
import type { KubeIdentity } from '../auth/identity.ts';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { missing } from './actions.ts';
import { withLineLimit } from './log-lines.ts';
import { listWorkflowPods, nodeIdOfPod, type RawPod } from './workflow-pods.ts';

export interface LogRequest {
  namespace: string;
  workflow: string;
  nodeId: string;
  container: string;
  follow: boolean;
  timestamps: boolean;
  /** Only the last N lines. */
  tailLines?: number | undefined;
  /** The log as written, lines uncut (for a file to save). */
  download?: boolean | undefined;
}

export type LogResult =
  | { ok: true; stream: Readable; pod: string }
  | { ok: false; status: 404; code: 'NOT_FOUND'; message: string; hint: string };

export async function openNodeLog(
  api: KubeApi,
  identity: KubeIdentity,
  req: LogRequest,
  signal: AbortSignal,
): Promise<LogResult> {
  const notFound = (message: string, hint: string): LogResult => ({
    ok: false,
    status: 404,
    code: 'NOT_FOUND',
    message,
    hint,
  });
  let pods: RawPod[];
  try {
    pods = await listWorkflowPods(api, identity, req.namespace, req.workflow, signal);
  } catch (error) {
    if (error instanceof KubeError && (error.status === 403 || error.status === 404)) {
      const refused = missing(req.namespace, req.workflow);
      return notFound(refused.message, refused.hint);
    }
    throw error;
  }
  const pod = pods.find((p) => nodeIdOfPod(p) === req.nodeId);
  const podName = pod?.metadata?.name;
  if (podName === undefined) {
    return notFound(
      `Node ${req.nodeId} has no pod (any more).`,
      'Only pod nodes have logs, and a pod deleted after its workflow finished takes its logs with it.',
    );
  }
  const containers = [...(pod?.spec?.containers ?? []), ...(pod?.spec?.initContainers ?? [])].map(
    (c) => c.name,
  );
  if (!containers.includes(req.container)) {
    return notFound(
      `The pod of this node has no container ${req.container}.`,
      `Its containers: ${containers.join(', ')}.`,
    );
  }
  try {
    const stream = await api.stream({
      path: `/api/v1/namespaces/${req.namespace}/pods/${podName}/log`,
      query: {
        container: req.container,
        follow: req.follow,
        timestamps: req.timestamps,
        ...(req.tailLines === undefined ? {} : { tailLines: req.tailLines }),
      },
      accept: '*/*',
      as: identity,
      traffic: 'stream',
      signal,
    });
    return { ok: true, stream: req.download === true ? stream : withLineLimit(stream), pod: podName };
  } catch (error) {
    if (error instanceof KubeError && (error.status === 403 || error.status === 404)) {
      return notFound(
        `The log of node ${req.nodeId} is not available: ${error.status === 403 ? 'you may not read pod logs here' : 'the pod is gone'}.`,
        'Ask for access to pods/log, or re-run the node.',
      );
    }
    if (error instanceof KubeError && error.status === 400) {
      return notFound(
        `The log of node ${req.nodeId} is not available yet: ${error.message}`,
        'The container has not started; try again in a moment.',
      );
    }
    throw error;
  }
}
