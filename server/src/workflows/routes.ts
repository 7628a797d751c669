import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WorkflowActionResult, WorkflowDetail } from '@argovue/api-types';
import { requireUser } from '../auth/routes.ts';
import { HttpError } from '../http/errors.ts';
import { idempotent, IdempotencyKeys } from '../http/idempotency.ts';
import { streamed } from '../http/compression.ts';
import { namespaceParam } from '../namespaces/routes.ts';
import { z } from 'zod';
import type { WorkflowDirectory } from './workflow-directory.ts';
import { registerWorkflowListRoutes, type ListJson } from './list/routes.ts';
import { endableBody } from '../streams/endable-body.ts';
import { endMessage, type OpenStreams } from '../streams/open-streams.ts';

// Kubernetes object names (DNS subdomains).
const workflowName = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const AllLogsQuerySchema = z.object({
  container: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'container must be a container name')
    .default('main'),
  follow: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  tailLines: z.coerce.number().int().min(1).max(100_000).default(10_000),
});

const LogQuerySchema = z
  .object({
    node: z.string().regex(/^[a-z0-9][-a-z0-9.]{0,252}$/, 'node must be a node id'),
    container: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'container must be a container name')
      .default('main'),
    follow: flag.default(false),
    timestamps: flag.default(false),
    download: flag.default(false),
    tailLines: z.coerce.number().int().min(1).max(1_000_000).optional(),
  })
  .transform(({ node, ...rest }) => ({ nodeId: node, ...rest }));

const ActionSchema = z.enum(['stop', 'terminate', 'suspend', 'resume']);

// Only a template reference and parameter values: no field of the workflow's or its pods' spec.
const SubmitSchema = z
  .object({
    template: z
      .object({
        name: z.string().regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'is not a template name'),
        cluster: z.boolean().optional(),
      })
      .strict(),
    parameters: z
      .record(z.string().min(1).max(253), z.string().max(256 * 1024))
      .refine((p) => Object.keys(p).length <= 200, 'at most 200 parameters')
      .optional(),
  })
  .strict();

const RetrySchema = z
  .object({
    nodeId: z
      .string()
      .regex(/^[a-z0-9][-a-z0-9.]{0,252}$/, 'must be a node id')
      .optional(),
    restartSuccessful: z.boolean().optional(),
    parameters: z.record(z.string().min(1).max(253), z.string().max(256 * 1024)).optional(),
  })
  .strict();

export const ResubmitSchema = z
  .object({
    parameters: z.record(z.string().min(1).max(253), z.string().max(256 * 1024)).optional(),
    memoized: z.boolean().optional(),
  })
  .strict();

/** The `:name` of a workflow route, refused with 400 unless it is a Kubernetes object name. */
export function workflowNameParam(request: FastifyRequest): string {
  const { name } = request.params as { name: string };
  if (!workflowName.test(name)) {
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `"${name.slice(0, 80)}" is not a workflow name.`,
      'Workflow names are lower-case letters, digits, dots and dashes.',
    );
  }
  return name;
}

/** A request body or query checked against its schema; every problem named, with how to send it right. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string, hint: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new HttpError(400, 'INPUT_INVALID', `Invalid ${what}: ${problems}.`, hint);
  }
  return parsed.data;
}

// An interleaved log follows at most this many pods at once (and never more than a user's cap).
const maxInterleavedStreams = 16;

export function registerWorkflowRoutes(
  app: FastifyInstance,
  workflows: WorkflowDirectory,
  streams: OpenStreams,
  // The lists' JSON when ArgoVue reads the workflow archive too (archive/merged-list.ts).
  listJson?: ListJson,
): void {
  registerWorkflowListRoutes(app, workflows, listJson);
  // Submit, retry and resubmit create or rerun workflows: a repeated Idempotency-Key does it once.
  const idempotencyKeys = new IdempotencyKeys();

  app.get('/api/v1/namespaces/:namespace/workflows/:name', async (request): Promise<WorkflowDetail> => {
    const { user } = requireUser(request);
    const namespace = namespaceParam(request);
    const name = workflowNameParam(request);
    // The same answer whether the workflow does not exist or the user may not see it.
    return workflows.getForUser(user, namespace, name);
  });

  app.get('/api/v1/namespaces/:namespace/workflows/:name/logs', streamed, async (request, reply) => {
    const { user, session } = requireUser(request);
    const namespace = namespaceParam(request);
    const name = workflowNameParam(request);
    const query = parseBody(
      LogQuerySchema,
      request.query,
      'log request',
      'Name a node id, and optionally container, follow, timestamps, tailLines.',
    );
    const abort = new AbortController();
    // Once the body streams, an end by authorization finishes it with a line saying why.
    const ending: { endWith?: (line: string) => void } = {};
    // Counted before the apiserver is asked: past a cap the answer is a plain 429.
    const handle = streams.open({
      user: user.username,
      session,
      slots: 1,
      recheck: () => workflows.mayReadLogs(user, namespace),
      end: (reason) => {
        if (ending.endWith === undefined) abort.abort();
        else ending.endWith(`… [log stream ended: ${endMessage(reason)}]`);
      },
    });
    reply.raw.on('close', () => {
      abort.abort();
      handle.release();
    });
    let result;
    try {
      result = await workflows.openNodeLog(user, { namespace, workflow: name, ...query }, abort.signal);
    } catch (error) {
      handle.release();
      throw error;
    }
    const endable = endableBody(result.stream);
    ending.endWith = (line) => {
      endable.endWith(line);
      abort.abort();
    };
    reply.header('Content-Type', 'text/plain; charset=utf-8');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-ArgoVue-Pod', result.pod);
    if (query.download)
      reply.header(
        'Content-Disposition',
        `attachment; filename="${name}-${result.pod}-${query.container}.log"`,
      );
    return reply.send(endable.body);
  });

  app.post(
    '/api/v1/namespaces/:namespace/workflows',
    async (request, reply): Promise<WorkflowActionResult> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const body = parseBody(
        SubmitSchema,
        request.body,
        'submission',
        'Send { template: { name }, parameters: { name: "value" } }.',
      );
      const result = await idempotent(idempotencyKeys, request, reply, user.username, () =>
        workflows.submit(user, namespace, body),
      );
      reply.status(201);
      return result;
    },
  );

  app.post(
    '/api/v1/namespaces/:namespace/workflows/:name/retry',
    async (request, reply): Promise<WorkflowActionResult> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = workflowNameParam(request);
      const body = parseBody(
        RetrySchema,
        request.body ?? {},
        'retry',
        'Send { nodeId?, restartSuccessful?, parameters? } or nothing.',
      );
      return idempotent(idempotencyKeys, request, reply, user.username, () =>
        workflows.retry(user, namespace, name, body),
      );
    },
  );

  app.post(
    '/api/v1/namespaces/:namespace/workflows/:name/resubmit',
    async (request, reply): Promise<WorkflowActionResult> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = workflowNameParam(request);
      const body = parseBody(
        ResubmitSchema,
        request.body ?? {},
        'resubmit',
        'Send { parameters?: { name: "value" }, memoized?: true } or nothing.',
      );
      const result = await idempotent(idempotencyKeys, request, reply, user.username, () =>
        workflows.resubmit(user, namespace, name, body),
      );
      reply.status(201);
      return result;
    },
  );

  app.post(
    '/api/v1/namespaces/:namespace/workflows/:name/:action',
    async (request): Promise<WorkflowActionResult> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = workflowNameParam(request);
      const { action } = request.params as { action: string };
      const parsed = ActionSchema.safeParse(action);
      if (!parsed.success) {
        throw new HttpError(
          404,
          'NOT_FOUND',
          `There is no workflow action "${action.slice(0, 40)}".`,
          `Actions: ${ActionSchema.options.join(', ')}.`,
        );
      }
      return workflows.act(user, namespace, name, parsed.data);
    },
  );

  app.delete(
    '/api/v1/namespaces/:namespace/workflows/:name',
    async (request): Promise<WorkflowActionResult> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = workflowNameParam(request);
      return workflows.delete(user, namespace, name);
    },
  );

  // The whole workflow's logs, interleaved by time, each line naming its node.
  app.get('/api/v1/namespaces/:namespace/workflows/:name/logs/all', async (request, reply) => {
    const { user, session } = requireUser(request);
    const namespace = namespaceParam(request);
    const name = workflowNameParam(request);
    const query = parseBody(
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
