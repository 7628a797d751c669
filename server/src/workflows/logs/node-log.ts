// A workflow node's container log, streamed from the apiserver (pods/log, read as the user) to the
// browser as it comes: nothing is buffered whole, so a log that never ends costs no memory here, and
// a line past maxLogLineBytes (a 50 MB line) is cut as it passes and marked — but for a download,
// which gets the log as written. The pod is found by the node id Argo writes on it, not by
// re-deriving Argo's naming.
import type { Readable } from 'node:stream';
import type { KubeIdentity } from '../../auth/identity.ts';
import type { HttpError } from '../../http/errors.ts';
import { answer, refusedAs, type Answer } from '../../http/kube-errors.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { aWorkflow } from '../workflow-ref.ts';
import { withLineLimit } from './log-lines.ts';
import { listWorkflowPods, nodeIdOfPod } from '../workflow-pods.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';

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

export interface NodeLog {
  stream: Readable;
  pod: string;
}

/** The node's log as it comes; throws the API's answer when there is none to read. */
export async function openNodeLog(
  api: KubeApi,
  identity: KubeIdentity,
  req: LogRequest,
  signal: AbortSignal,
): Promise<NodeLog> {
  const pods = await listWorkflowPods(api, identity, req.namespace, req.workflow, signal).catch(
    refusedAs(aWorkflow(req.namespace, req.workflow)),
  );
  const pod = pods.find((p) => nodeIdOfPod(p) === req.nodeId);
  const podName = pod?.metadata?.name;
  if (podName === undefined) throw noPod(req.nodeId);
  const containers = [...(pod?.spec?.containers ?? []), ...(pod?.spec?.initContainers ?? [])].map(
    (c) => c.name,
  );
  if (!containers.includes(req.container)) {
    throw answer({
      code: 'NOT_FOUND',
      message: `The pod of this node has no container ${req.container}.`,
      hint: `Its containers: ${containers.join(', ')}.`,
    });
  }
  const stream = await api
    .stream({
      path: apiPath(kinds.pods, { namespace: req.namespace, name: podName, subresource: 'log' }),
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
    })
    .catch(
      refusedAs(
        { kind: 'Pod', namespace: req.namespace, name: podName },
        {
          // They may read the workflow and list its pods, but not pods/log.
          403: {
            code: 'FORBIDDEN',
            message: `You may not read the logs of the pods in ${req.namespace}.`,
            hint: 'Ask for a role that may get pods/log there (argovue-user has it).',
          },
          404: noPodAnswer(req.nodeId),
          // The apiserver's 400 here: the container is waiting to start (its words name the pod's state).
          400: {
            code: 'NOT_FOUND',
            message: `The log of node ${req.nodeId} is not available yet: its container has not started.`,
            hint: 'Try again in a moment.',
          },
        },
      ),
    );
  return { stream: req.download === true ? stream : withLineLimit(stream), pod: podName };
}

function noPodAnswer(nodeId: string): Answer {
  return {
    code: 'POD_NOT_FOUND',
    message: `Node ${nodeId} has no pod (any more).`,
    hint: 'Only pod nodes have logs, and a pod deleted after its workflow finished takes its logs with it.',
  };
}

export function noPod(nodeId: string): HttpError {
  return answer(noPodAnswer(nodeId));
}
