import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { NamespaceList, NamespaceSummary } from '@argovue/api-types';
import { requireUser } from '../auth/routes.ts';
import { HttpError } from '../http/errors.ts';
import { notFound } from '../http/kube-errors.ts';
import type { NamespaceDirectory } from './summaries.ts';

// Kubernetes names: what a namespace may be called. Anything else is refused before any lookup.
const namespaceName = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The `:namespace` of a route, refused with 400 unless it is a valid namespace name. */
export function namespaceParam(request: FastifyRequest): string {
  const { namespace } = request.params as { namespace: string };
  if (!namespaceName.test(namespace)) {
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `"${namespace.slice(0, 80)}" is not a namespace name.`,
      'Namespace names are lower-case letters, digits and dashes.',
    );
  }
  return namespace;
}

/** The one answer for a namespace that does not exist and for one the user may not use. */
export function namespaceNotFound(namespace: string): HttpError {
  return notFound({ kind: 'Namespace', name: namespace });
}

export function registerNamespaceRoutes(app: FastifyInstance, directory: NamespaceDirectory): void {
  app.get('/api/v1/namespaces', async (request): Promise<NamespaceList> => {
    const { user } = requireUser(request);
    return { items: await directory.listForUser(user) };
  });

  app.get('/api/v1/namespaces/:namespace', async (request): Promise<NamespaceSummary> => {
    const { user } = requireUser(request);
    const namespace = namespaceParam(request);
    const summary = await directory.getForUser(user, namespace);
    if (summary === undefined) throw namespaceNotFound(namespace);
    return summary;
  });
}
