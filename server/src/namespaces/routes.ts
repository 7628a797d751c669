import type { FastifyInstance } from 'fastify';
import type { NamespaceList, NamespaceSummary } from '@argovue/api-types';
import { notFound } from '../http/kube-errors.ts';
import { namespaceParam } from '../http/params.ts';
import { requireUser } from '../http/request-guards.ts';
import type { NamespaceDirectory } from './summaries.ts';

export function registerNamespaceRoutes(app: FastifyInstance, directory: NamespaceDirectory): void {
  app.get('/api/v1/namespaces', async (request): Promise<NamespaceList> => {
    const { user } = requireUser(request);
    return { items: await directory.listForUser(user) };
  });

  app.get('/api/v1/namespaces/:namespace', async (request): Promise<NamespaceSummary> => {
    const { user } = requireUser(request);
    const namespace = namespaceParam(request);
    const summary = await directory.getForUser(user, namespace);
    if (summary === undefined) throw notFound({ kind: 'Namespace', name: namespace });
    return summary;
  });
}
