// The reads around one workflow's page: its Kubernetes events, one node's inputs and outputs, and the
// node's pod. Each is made as the user; a workflow they may not read answers like a missing one.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { NodePod, WorkflowKubeEventList, WorkflowNodeDetail } from '@argovue/api-types';
import { requireUser } from '../auth/routes.ts';
import { HttpError } from '../http/errors.ts';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { namespaceParam } from '../namespaces/routes.ts';
import { readWorkflowEvents } from './kube-events.ts';
import { readNodeDetail } from './node-detail.ts';
import { workflowNameParam, workflowNotFound } from './routes.ts';
import { workflowUidForUser } from './workflow-metadata.ts';
import { listWorkflowPods, nodeIdOfPod, nodePodOf } from './workflow-pods.ts';

// Argo node ids: the workflow name and a hash, or the workflow name itself.
const nodeIdPattern = /^[a-z0-9][-a-z0-9.]{0,252}$/;

function nodeIdParam(request: FastifyRequest): string {
  const { nodeId } = request.params as { nodeId: string };
  if (!nodeIdPattern.test(nodeId)) {
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `"${nodeId.slice(0, 80)}" is not a node id.`,
      'Node ids are lower-case letters, digits, dots and dashes, as in the workflow’s status.',
    );
  }
  return nodeId;
}

function abortOnClose(request: FastifyRequest): AbortSignal {
  const abort = new AbortController();
  request.raw.on('close', () => abort.abort());
  return abort.signal;
}

export function registerWorkflowDetailRoutes(app: FastifyInstance, api: KubeApi): void {
  app.get(
    '/api/v1/namespaces/:namespace/workflows/:name/events',
    async (request): Promise<WorkflowKubeEventList> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = workflowNameParam(request);
      const events = await readWorkflowEvents(api, user, namespace, name, abortOnClose(request));
      if (events === undefined) throw workflowNotFound(namespace, name);
      return events;
    },
  );

  app.get(
    '/api/v1/namespaces/:namespace/workflows/:name/nodes/:nodeId',
    async (request): Promise<WorkflowNodeDetail> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = workflowNameParam(request);
      const nodeId = nodeIdParam(request);
      const result = await readNodeDetail(api, user, namespace, name, nodeId);
      if (result.ok) return result.detail;
      if (result.missing === 'workflow') throw workflowNotFound(namespace, name);
      throw new HttpError(
        404,
        'NOT_FOUND',
        result.reason === undefined
          ? `Workflow ${name} has no node ${nodeId}.`
          : `The nodes of workflow ${name} cannot be read: ${result.reason}`,
        'Open the node from the workflow’s graph; a retry can replace nodes.',
      );
    },
  );

  app.get(
    '/api/v1/namespaces/:namespace/workflows/:name/nodes/:nodeId/pod',
    async (request): Promise<NodePod> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = workflowNameParam(request);
      const nodeId = nodeIdParam(request);
      const signal = abortOnClose(request);
      if ((await workflowUidForUser(api, user, namespace, name, signal)) === undefined)
        throw workflowNotFound(namespace, name);
      const pods = await listWorkflowPods(api, user, namespace, name, signal).catch((error: unknown) => {
        if (error instanceof KubeError && error.status === 403)
          throw new HttpError(
            403,
            'FORBIDDEN',
            `You may read workflow ${name} but not the pods of ${namespace}.`,
            'Ask for a role that may get and list pods there (argovue-user has it).',
          );
        throw error;
      });
      const pod = pods.find((p) => nodeIdOfPod(p) === nodeId);
      if (pod === undefined) {
        throw new HttpError(
          404,
          'POD_NOT_FOUND',
          `Node ${nodeId} has no pod (any more).`,
          'Only pod nodes have one, and pod garbage collection deletes it after the node finished.',
        );
      }
      return nodePodOf(pod);
    },
  );
}
