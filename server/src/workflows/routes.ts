import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WorkflowDetail, WorkflowList } from '@argovue/api-types';
import { requireUser } from '../auth/routes.ts';
import { HttpError } from '../http/errors.ts';
import { namespaceNotFound, namespaceParam } from '../namespaces/routes.ts';
import { WorkflowQuerySchema, type WorkflowDirectory, type WorkflowQuery } from './list.ts';

// Kubernetes object names (DNS subdomains).
const workflowName = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

function parseQuery(request: FastifyRequest): WorkflowQuery {
  const parsed = WorkflowQuerySchema.safeParse(request.query);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `Invalid workflow query: ${problems}.`,
      'Fix the filters and try again.',
    );
  }
  return parsed.data;
}

export function registerWorkflowRoutes(app: FastifyInstance, workflows: WorkflowDirectory): void {
  app.get('/api/v1/workflows', async (request): Promise<WorkflowList> => {
    const { user } = requireUser(request);
    const query = parseQuery(request);
    return workflows.list((await workflows.listableNamespaces(user)) ?? [], query);
  });

  app.get('/api/v1/namespaces/:namespace/workflows', async (request): Promise<WorkflowList> => {
    const { user } = requireUser(request);
    const namespace = namespaceParam(request);
    const query = parseQuery(request);
    const namespaces = await workflows.listableNamespaces(user, namespace);
    if (namespaces === undefined) throw namespaceNotFound(namespace);
    return workflows.list(namespaces, query);
  });

  app.get('/api/v1/namespaces/:namespace/workflows/:name', async (request): Promise<WorkflowDetail> => {
    const { user } = requireUser(request);
    const namespace = namespaceParam(request);
    const { name } = request.params as { name: string };
    if (!workflowName.test(name)) {
      throw new HttpError(
        400,
        'INPUT_INVALID',
        `"${name.slice(0, 80)}" is not a workflow name.`,
        'Workflow names are lower-case letters, digits, dots and dashes.',
      );
    }
    const detail = await workflows.getForUser(user, namespace, name);
    // The same answer whether the workflow does not exist or the user may not see it.
    if (detail === undefined) {
      throw new HttpError(
        404,
        'NOT_FOUND',
        `Workflow ${name} in ${namespace} was not found, or you have no access to it.`,
        'Check the name and namespace.',
      );
    }
    return detail;
  });
}
