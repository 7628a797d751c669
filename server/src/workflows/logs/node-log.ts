// A workflow node's container log, streamed as every pod log is (streams/pod-log.ts). The pod is
// found by the node id Argo writes on it, not by re-deriving Argo's naming.
import type { Readable } from 'node:stream';
import type { KubeIdentity } from '../../auth/identity.ts';
import type { HttpError } from '../../http/errors.ts';
import { answer, refusedAs, type Answer } from '../../http/kube-errors.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { openPodLog, type PodLogRequest } from '../../streams/pod-log.ts';
import { aWorkflow } from '../workflow-ref.ts';
import { listWorkflowPods, nodeIdOfPod } from '../workflow-pods.ts';

export interface LogRequest extends PodLogRequest {
  workflow: string;
  nodeId: string;
  container: string;
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
  if (pod === undefined || podName === undefined) throw noPod(req.nodeId);
  const stream = await openPodLog(
    api,
    identity,
    podName,
    pod,
    req.container,
    req,
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
    signal,
  );
  return { stream, pod: podName };
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
