// Listing the templates a user may submit from, for the submit page. Both are read as the user.
import type { FastifyInstance } from 'fastify';
import type { WorkflowTemplateList } from '@argovue/api-types';
import { requireUser } from '../../http/request-guards.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { namespaceParam } from '../../http/params.ts';
import { listClusterWorkflowTemplatesForUser, listWorkflowTemplatesForUser } from './templates.ts';

export function registerWorkflowTemplateRoutes(app: FastifyInstance, api: KubeApi): void {
  app.get(
    '/api/v1/namespaces/:namespace/workflow-templates',
    async (request): Promise<WorkflowTemplateList> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      return { items: await listWorkflowTemplatesForUser(api, user, namespace) };
    },
  );

  app.get('/api/v1/cluster-workflow-templates', async (request): Promise<WorkflowTemplateList> => {
    const { user } = requireUser(request);
    return { items: await listClusterWorkflowTemplatesForUser(api, user) };
  });
}
