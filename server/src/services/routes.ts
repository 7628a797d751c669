// The services API: the catalogue of templates per namespace, starting instances, the instances of
// the user's namespaces, one instance with its pods, events and logs, and stop/start/restart/delete.
// Every input is checked here; every Kubernetes call is made as the user (directory.ts, instances.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type {
  ServiceInstanceActionResult,
  ServiceInstanceDetail,
  ServiceInstanceList,
  ServiceTemplateDetail,
  ServiceTemplateList,
} from '@argovue/api-types';
import { requireUser } from '../http/request-guards.ts';
import { streamed } from '../http/compression.ts';
import { HttpError } from '../http/errors.ts';
import { idempotent, IdempotencyKeys } from '../http/idempotency.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import { containerNameQuery, namespaceParam, parseInput, queryFlag } from '../http/params.ts';
import type { NamespaceDirectory } from '../namespaces/summaries.ts';
import { replyWithLog } from '../streams/log-reply.ts';
import type { OpenStreams } from '../streams/open-streams.ts';
import type { ServiceDirectory } from './directory.ts';
import { readInstanceDetail } from './instance-detail.ts';
import { openInstanceLog } from './instance-logs.ts';
import {
  actOnInstanceAsUser,
  deleteInstanceAsUser,
  instanceNotFound,
  readInstanceForUser,
} from './instances.ts';

// An instance's name is a DNS label short enough that `<instance>--<namespace>` is one too (its origin).
const instanceNamePattern = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;
const templateNamePattern = /^[a-z0-9]([-.a-z0-9]{0,251}[a-z0-9])?$/;
const kubeName = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

// Only a name, a template reference and scalar input values: no field of any object.
const CreateSchema = z
  .object({
    name: z.string().regex(instanceNamePattern, 'must be a DNS label of at most 40 characters').optional(),
    template: z
      .object({
        name: z.string().regex(templateNamePattern, 'is not a template name'),
        cluster: z.boolean().optional(),
      })
      .strict(),
    inputs: z
      .record(
        z.string().regex(/^[a-z][a-zA-Z0-9_]{0,62}$/, 'is not an input name'),
        z.union([z.string(), z.number(), z.boolean()], {
          message: 'must be a string, number or boolean',
        }),
      )
      .refine((inputs) => Object.keys(inputs).length <= 32, 'at most 32 inputs')
      .optional(),
  })
  .strict();

const ListQuerySchema = z
  .object({
    namespace: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be a namespace name')
      .optional(),
    mine: queryFlag.default(false),
  })
  .strict();

const TemplateQuerySchema = z.object({ cluster: queryFlag.default(false) }).strict();

const LogQuerySchema = z
  .object({
    pod: z.string().regex(kubeName, 'must be a pod name').optional(),
    container: containerNameQuery.optional(),
    follow: queryFlag.default(false),
    timestamps: queryFlag.default(false),
    tailLines: z.coerce.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();

const ActionSchema = z.enum(['stop', 'start', 'restart']);

function instanceNameParam(request: FastifyRequest): string {
  const { name } = request.params as { name: string };
  // Any name Kubernetes could hold is looked up (an instance made with kubectl may be longer).
  if (!kubeName.test(name))
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `"${name.slice(0, 80)}" is not a service instance name.`,
      'Instance names are lower-case letters, digits and dashes.',
    );
  return name;
}

function templateNameParam(request: FastifyRequest): string {
  const { name } = request.params as { name: string };
  if (!templateNamePattern.test(name))
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `"${name.slice(0, 80)}" is not a template name.`,
      'Template names are lower-case letters, digits, dots and dashes.',
    );
  return name;
}

function abortOnClose(request: FastifyRequest): AbortSignal {
  const abort = new AbortController();
  request.raw.on('close', () => abort.abort());
  return abort.signal;
}

export function registerServiceRoutes(
  app: FastifyInstance,
  deps: { services: ServiceDirectory; namespaces: NamespaceDirectory; kube: KubeApi; streams: OpenStreams },
): void {
  const { services, namespaces, kube, streams } = deps;
  const idempotencyKeys = new IdempotencyKeys();

  app.get(
    '/api/v1/namespaces/:namespace/service-templates',
    async (request): Promise<ServiceTemplateList> => {
      const { user } = requireUser(request);
      return services.catalogue(user, namespaceParam(request));
    },
  );

  app.get(
    '/api/v1/namespaces/:namespace/service-templates/:name',
    async (request): Promise<ServiceTemplateDetail> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = templateNameParam(request);
      const { cluster } = parseInput(
        TemplateQuerySchema,
        request.query,
        'template request',
        'Only ?cluster=true|false.',
      );
      return services.template(user, namespace, name, cluster);
    },
  );

  app.get('/api/v1/service-instances', async (request): Promise<ServiceInstanceList> => {
    const { user } = requireUser(request);
    const query = parseInput(
      ListQuerySchema,
      request.query,
      'list request',
      'Optionally namespace=…, mine=true.',
    );
    return { items: await services.list(user, query) };
  });

  app.post(
    '/api/v1/namespaces/:namespace/service-instances',
    async (request, reply): Promise<ServiceInstanceActionResult> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const body = parseInput(
        CreateSchema,
        request.body,
        'service instance',
        'Send { template: { name, cluster? }, inputs: { name: value }, name? }.',
      );
      const result = await idempotent(idempotencyKeys, request, reply, user.username, () =>
        services.create(user, namespace, body),
      );
      reply.status(201);
      return result;
    },
  );

  app.get(
    '/api/v1/namespaces/:namespace/service-instances/:name',
    async (request): Promise<ServiceInstanceDetail> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = instanceNameParam(request);
      const signal = abortOnClose(request);
      const instance = await readInstanceForUser(kube, user, namespace, name);
      if (instance === undefined) throw instanceNotFound(namespace, name);
      return readInstanceDetail(kube, user, instance, signal);
    },
  );

  app.post(
    '/api/v1/namespaces/:namespace/service-instances/:name/:action',
    async (request): Promise<ServiceInstanceActionResult> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = instanceNameParam(request);
      const action = ActionSchema.safeParse((request.params as { action: string }).action);
      if (!action.success)
        throw new HttpError(
          404,
          'NOT_FOUND',
          'No such action on a service instance.',
          'Actions: stop, start, restart.',
        );
      if (!(await namespaces.mayUse(user, namespace))) throw instanceNotFound(namespace, name);
      return actOnInstanceAsUser(kube, user, namespace, name, action.data);
    },
  );

  app.delete(
    '/api/v1/namespaces/:namespace/service-instances/:name',
    async (request): Promise<ServiceInstanceActionResult> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const name = instanceNameParam(request);
      if (!(await namespaces.mayUse(user, namespace))) throw instanceNotFound(namespace, name);
      return deleteInstanceAsUser(kube, user, namespace, name);
    },
  );

  // A pod's log, streamed as the workflow logs are: counted against the stream caps, lines cut at
  // 64 KiB, ended with a line saying why when the session or access ends.
  app.get('/api/v1/namespaces/:namespace/service-instances/:name/logs', streamed, async (request, reply) => {
    const { user, session } = requireUser(request);
    const namespace = namespaceParam(request);
    const name = instanceNameParam(request);
    const query = parseInput(
      LogQuerySchema,
      request.query,
      'log request',
      'Optionally pod, container, follow, timestamps, tailLines.',
    );
    return replyWithLog(
      reply,
      streams,
      {
        user: user.username,
        session,
        recheck: () =>
          namespaces.may(user, namespace, { verb: 'get', group: '', resource: 'pods', subresource: 'log' }),
      },
      (signal) => openInstanceLog(kube, user, { namespace, instance: name, ...query }, signal),
    );
  });
}
