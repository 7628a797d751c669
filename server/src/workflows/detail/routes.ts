// One workflow and the reads around its page: its Kubernetes events, one node's inputs and outputs,
// and the node's pod. Each is made as the user; a workflow they may not read answers like a missing one.
import type { FastifyInstance } from 'fastify';
import type { NodePod, WorkflowDetail, WorkflowKubeEventList, WorkflowNodeDetail } from '@argovue/api-types';
import { answer, refusedAs } from '../../http/kube-errors.ts';
import { namespaceParam, nodeIdParam, workflowNameParam } from '../../http/params.ts';
import { abortOnClose, requireUser } from '../../http/request-guards.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { aWorkflow } from '../workflow-ref.ts';
import { readWorkflowEvents } from './kube-events.ts';
import { readNodeDetail } from './node-detail.ts';
import type { WorkflowDirectory } from '../workflow-directory.ts';
import { workflowUidForUser } from './workflow-metadata.ts';
import { listWorkflowPods, nodeIdOfPod, nodePodOf } from '../workflow-pods.ts';

export function registerWorkflowDetailRoutes(
  app: FastifyInstance,
  api: KubeApi,
  workflows: WorkflowDirectory,
): void {
  app.get('/api/v1/namespaces/:namespace/workflows/:name', async (request): Promise<WorkflowDetail> => {
    const { user } = requireUser(request);
    const namespace = namespaceParam(request);
    const name = workflowNameParam(request);
    // The same answer whether the workflow does not exist or the user may not see it.
    return workflows.getForUser(user, namespace, name);
  });

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
