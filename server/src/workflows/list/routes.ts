// GET /api/v1/workflows and /api/v1/namespaces/:namespace/workflows: a page of rows from the shared
// cache, only from namespaces the user may list. The body is built from each row's JSON made once.
// GET /api/v1/workflows/total: how many rows the same filters match (a list whose archive was not
// counted yet asks for it after its page: `totalCounting`).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WorkflowListTotal } from '@argovue/api-types';
import { z } from 'zod';
import { preferredEncoding } from '../../http/compression.ts';
import { requireUser } from '../../http/request-guards.ts';
import { HttpError } from '../../http/errors.ts';
import { notFound } from '../../http/kube-errors.ts';
import { namespaceName, namespaceParam } from '../../http/params.ts';
import type { WorkflowDirectory } from '../workflow-directory.ts';
import type { ListBody } from './list-body.ts';
import { WorkflowQuerySchema, type WorkflowQuery } from './query.ts';

// The list's filters, and the one namespace of a namespace's list.
const TotalQuerySchema = WorkflowQuerySchema.extend({
  namespace: z.string().regex(namespaceName, 'namespace must be a namespace name').optional(),
});

function parseQuery<S extends z.ZodType>(request: FastifyRequest, schema: S): z.infer<S> {
  const parsed = schema.safeParse(request.query);
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

/** How many rows the list of `query` in `namespaces` holds. */
export type ListTotal = (
  namespaces: readonly string[],
  query: WorkflowQuery,
) => Promise<WorkflowListTotal> | WorkflowListTotal;

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
  // Live rows only: a live list's page always has its total, so this is asked for only by hand.
  listTotal: ListTotal = (namespaces, query) => ({
    total: workflows.liveMatches(namespaces, query).rows.length,
    ...(workflows.loading ? { totalAtLeast: true } : {}),
  }),
): void {
  // Both answer a WorkflowList.
  app.get('/api/v1/workflows', async (request, reply) => {
    const { user } = requireUser(request);
    const query = parseQuery(request, WorkflowQuerySchema);
    const namespaces = (await workflows.listableNamespaces(user)) ?? [];
    return sendList(request, reply, await listJson(namespaces, query));
  });

  app.get('/api/v1/namespaces/:namespace/workflows', async (request, reply) => {
    const { user } = requireUser(request);
    const namespace = namespaceParam(request);
    const query = parseQuery(request, WorkflowQuerySchema);
    const namespaces = await workflows.listableNamespaces(user, namespace);
    if (namespaces === undefined) throw notFound({ kind: 'Namespace', name: namespace });
    return sendList(request, reply, await listJson(namespaces, query));
  });

  app.get('/api/v1/workflows/total', async (request): Promise<WorkflowListTotal> => {
    const { user } = requireUser(request);
    const { namespace, ...query } = parseQuery(request, TotalQuerySchema);
    // As the two lists decide: one namespace if named and allowed (else not found), or all of theirs.
    const namespaces = await workflows.listableNamespaces(user, namespace);
    if (namespaces === undefined) throw notFound({ kind: 'Namespace', name: namespace ?? '' });
    return listTotal(namespaces, query);
  });
}
