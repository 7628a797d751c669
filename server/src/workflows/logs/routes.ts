// A node's log (streamed as it comes) and the whole workflow's logs interleaved by time, each read as
// the user and counted against their live streams.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { streamed } from '../../http/compression.ts';
import {
  containerNameQuery,
  parseInput,
  namespaceParam,
  queryFlag,
  workflowNameParam,
} from '../../http/params.ts';
import { requireUser } from '../../http/request-guards.ts';
import { replyWithLog } from '../../streams/log-reply.ts';
import { endMessage, type OpenStreams } from '../../streams/open-streams.ts';
import type { WorkflowDirectory } from '../workflow-directory.ts';

const AllLogsQuerySchema = z.object({
  container: containerNameQuery.default('main'),
  follow: queryFlag.default(false),
  tailLines: z.coerce.number().int().min(1).max(100_000).default(10_000),
});

const LogQuerySchema = z
  .object({
    node: z.string().regex(/^[a-z0-9][-a-z0-9.]{0,252}$/, 'node must be a node id'),
    container: containerNameQuery.default('main'),
    follow: queryFlag.default(false),
    timestamps: queryFlag.default(false),
    download: queryFlag.default(false),
    tailLines: z.coerce.number().int().min(1).max(1_000_000).optional(),
  })
  .transform(({ node, ...rest }) => ({ nodeId: node, ...rest }));

// An interleaved log follows at most this many pods at once (and never more than a user's cap).
const maxInterleavedStreams = 16;

export function registerWorkflowLogRoutes(
  app: FastifyInstance,
  workflows: WorkflowDirectory,
  streams: OpenStreams,
): void {
  app.get('/api/v1/namespaces/:namespace/workflows/:name/logs', streamed, async (request, reply) => {
    const { user, session } = requireUser(request);
    const namespace = namespaceParam(request);
    const name = workflowNameParam(request);
    const query = parseInput(
      LogQuerySchema,
      request.query,
      'log request',
      'Name a node id, and optionally container, follow, timestamps, tailLines.',
    );
    return replyWithLog(
      reply,
      streams,
      { user: user.username, session, recheck: () => workflows.mayReadLogs(user, namespace) },
      (signal) => workflows.openNodeLog(user, { namespace, workflow: name, ...query }, signal),
      (log): Record<string, string> =>
        query.download
          ? { 'Content-Disposition': `attachment; filename="${name}-${log.pod}-${query.container}.log"` }
          : {},
    );
  });

  // The whole workflow's logs, interleaved by time, each line naming its node.
  app.get('/api/v1/namespaces/:namespace/workflows/:name/logs/all', async (request, reply) => {
    const { user, session } = requireUser(request);
    const namespace = namespaceParam(request);
    const name = workflowNameParam(request);
    const query = parseInput(
      AllLogsQuerySchema,
      request.query,
      'log request',
      'Optionally name container, follow, tailLines.',
    );
    const abort = new AbortController();
    reply.raw.on('close', () => abort.abort());
    const lines = await workflows.allLogs(
      user,
      {
        namespace,
        workflow: name,
        ...query,
        maxStreams: Math.min(maxInterleavedStreams, streams.limits.perUser),
      },
      abort.signal,
    );
    let endedBecause: string | undefined;
    // Each pod's log open at once is an upstream stream: all of them count against the caps.
    const handle = streams.open({
      user: user.username,
      session,
      slots: lines.streams,
      recheck: () => workflows.mayReadLogs(user, namespace),
      end: (reason) => {
        endedBecause = endMessage(reason);
        abort.abort();
      },
    });
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    try {
      // A client that does not keep up (4 MiB waiting) is cut off rather than buffered without bound.
      await lines.run((line) => {
        if (abort.signal.aborted) return false;
        if (res.writableLength > 4 * 1024 * 1024) {
          abort.abort();
          return false;
        }
        res.write(`${line}\n`);
        return true;
      });
    } finally {
      handle.release();
    }
    if (endedBecause !== undefined) res.write(`… [log stream ended: ${endedBecause}]\n`);
    res.end();
  });
}
