import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WorkflowList } from '@argovue/api-types';
import { requireUser } from '../auth/routes.ts';
import { HttpError } from '../http/errors.ts';
import { namespaceNotFound, namespaceParam } from '../namespaces/routes.ts';
import { WorkflowQuerySchema, type WorkflowDirectory, type WorkflowQuery } from './list.ts';

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
    const list = await workflows.listForUser(user, parseQuery(request));
    return list ?? { items: [], total: 0 };
  });

  app.get('/api/v1/namespaces/:namespace/workflows', async (request): Promise<WorkflowList> => {
    const { user } = requireUser(request);
    const namespace = namespaceParam(request);
    const list = await workflows.listForUser(user, parseQuery(request), namespace);
    if (list === undefined) throw namespaceNotFound(namespace);
    return list;
  });
}
