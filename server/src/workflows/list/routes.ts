// GET /api/v1/workflows and /api/v1/namespaces/:namespace/workflows: a page of rows from the shared
// cache, only from namespaces the user may list. The body is built from each row's JSON made once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { preferredEncoding } from '../../http/compression.ts';
import { requireUser } from '../../http/request-guards.ts';
import { HttpError } from '../../http/errors.ts';
import { notFound } from '../../http/kube-errors.ts';
import { namespaceParam } from '../../http/params.ts';
import type { WorkflowDirectory } from '../workflow-directory.ts';
import type { ListBody } from './list-body.ts';
import { WorkflowQuerySchema, type WorkflowQuery } from './query.ts';

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

const json = 'application/json; charset=utf-8';

/**
 * A WorkflowList's JSON for the namespaces the user may list: the live rows (a ListBody, kept
 * compressed with its snapshot), or live and archived (JSON, compressed by the plugin).
 */
export type ListJson = (
  namespaces: readonly string[],
  query: WorkflowQuery,
) => Promise<string | ListBody> | string | ListBody;

function sendList(request: FastifyRequest, reply: FastifyReply, body: string | ListBody): FastifyReply {
  reply.type(json);
  if (typeof body === 'string') return reply.send(body);
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (encoding === undefined) return reply.send(body.json());
  const encoded = body.encoded(encoding);
  reply.header('vary', 'accept-encoding');
  // Already compressed: the compression plugin passes a body with a Content-Encoding on.
  if ('encoding' in encoded) reply.header('content-encoding', encoded.encoding);
  return reply.send(encoded.body);
}

export function registerWorkflowListRoutes(
  app: FastifyInstance,
  workflows: WorkflowDirectory,
  listJson: ListJson = (namespaces, query) => workflows.listJson(namespaces, query),
): void {
  // Both answer a WorkflowList.
  app.get('/api/v1/workflows', async (request, reply) => {
    const { user } = requireUser(request);
    const query = parseQuery(request);
    const namespaces = (await workflows.listableNamespaces(user)) ?? [];
    return sendList(request, reply, await listJson(namespaces, query));
  });

  app.get('/api/v1/namespaces/:namespace/workflows', async (request, reply) => {
    const { user } = requireUser(request);
    const namespace = namespaceParam(request);
    const query = parseQuery(request);
    const namespaces = await workflows.listableNamespaces(user, namespace);
    if (namespaces === undefined) throw notFound({ kind: 'Namespace', name: namespace });
    return sendList(request, reply, await listJson(namespaces, query));
  });
}
