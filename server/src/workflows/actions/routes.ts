// Submitting, retrying, resubmitting, stopping, terminating, suspending, resuming and deleting
// workflows, each made as the user; the bodies take only what a user may choose.
import type { FastifyInstance } from 'fastify';
import type { WorkflowActionResult } from '@argovue/api-types';
import { z } from 'zod';
import { HttpError } from '../../http/errors.ts';
import { idempotent, IdempotencyKeys } from '../../http/idempotency.ts';
import { parseInput, namespaceParam, workflowNameParam } from '../../http/params.ts';
import { requireUser } from '../../http/request-guards.ts';
import type { WorkflowDirectory } from '../workflow-directory.ts';

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

export function registerWorkflowActionRoutes(app: FastifyInstance, workflows: WorkflowDirectory): void {
  // Submit, retry and resubmit create or rerun workflows: a repeated Idempotency-Key does it once.
  const idempotencyKeys = new IdempotencyKeys();

  app.post(
    '/api/v1/namespaces/:namespace/workflows',
    async (request, reply): Promise<WorkflowActionResult> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const body = parseInput(
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
      const body = parseInput(
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
      const body = parseInput(
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
}
