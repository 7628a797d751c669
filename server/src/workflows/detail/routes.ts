// The reads around one workflow's page: its Kubernetes events, one node's inputs and outputs, and the
// node's pod. Each is made as the user; a workflow they may not read answers like a missing one.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { NodePod, WorkflowKubeEventList, WorkflowNodeDetail } from '@argovue/api-types';
import { requireUser } from '../../auth/routes.ts';
import { HttpError } from '../../http/errors.ts';
import { answer, refusedAs } from '../../http/kube-errors.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { aWorkflow } from '../actions/actions.ts';
import { namespaceParam } from '../../namespaces/routes.ts';
import { readWorkflowEvents } from './kube-events.ts';
import { readNodeDetail } from './node-detail.ts';
import { workflowNameParam } from '../routes.ts';
import { workflowUidForUser } from './workflow-metadata.ts';
import { listWorkflowPods, nodeIdOfPod, nodePodOf } from '../workflow-pods.ts';

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
      return readWorkflowEvents(api, user, namespace, name, abortOnClose(request));
    },
  );

  app.get(
    '/api/v1/namespaces/:namespace/workflows/:name/nodes/:nodeId',
    async (request): Promise<WorkflowNodeDetail> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = workflowNameParam(request);
      const nodeId = nodeIdParam(request);
      return readNodeDetail(api, user, namespace, name, nodeId);
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
      await workflowUidForUser(api, user, namespace, name, signal);
      const pods = await listWorkflowPods(api, user, namespace, name, signal).catch(
        refusedAs(aWorkflow(namespace, name), {
          403: {
            code: 'FORBIDDEN',
            message: `You may read workflow ${name} but not the pods of ${namespace}.`,
            hint: 'Ask for a role that may get and list pods there (argovue-user has it).',
          },
        }),
      );
      const pod = pods.find((p) => nodeIdOfPod(p) === nodeId);
      if (pod === undefined) {
        throw answer({
          code: 'POD_NOT_FOUND',
          message: `Node ${nodeId} has no pod (any more).`,
          hint: 'Only pod nodes have one, and pod garbage collection deletes it after the node finished.',
        });
      }
      return nodePodOf(pod);
    },
  );
}
