// Path parameters, query strings and bodies, checked before any lookup: a value that is not a valid
// Kubernetes name never reaches the apiserver, and every problem is named with how to send it right.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from './errors.ts';

// Kubernetes names: a namespace is a DNS label, an object (a workflow) a DNS subdomain.
export const namespaceName = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const objectName = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
// Argo node ids: the workflow name and a hash, or the workflow name itself.
const nodeIdPattern = /^[a-z0-9][-a-z0-9.]{0,252}$/;

/** A query flag: `true` or `false`, nothing else. */
export const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A container's name (a DNS label), as the log routes take it in their query. */
export const containerNameQuery = z.string().regex(namespaceName, 'must be a container name');

function param(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string>)[name] ?? '';
}

/** The `:namespace` of a route, refused with 400 unless it is a valid namespace name. */
export function namespaceParam(request: FastifyRequest): string {
  const namespace = param(request, 'namespace');
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

/** The `:name` of a workflow route, refused with 400 unless it is a Kubernetes object name. */
export function workflowNameParam(request: FastifyRequest): string {
  const name = param(request, 'name');
  if (!objectName.test(name)) {
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `"${name.slice(0, 80)}" is not a workflow name.`,
      'Workflow names are lower-case letters, digits, dots and dashes.',
    );
  }
  return name;
}

/** The `:nodeId` of a route, refused with 400 unless it is an Argo node id. */
export function nodeIdParam(request: FastifyRequest): string {
  const nodeId = param(request, 'nodeId');
  if (!nodeIdPattern.test(nodeId)) {
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `"${nodeId.slice(0, 80)}" is not a node id.`,
      'Node ids are lower-case letters, digits, dots and dashes, as in the workflow’s status.',
    );
  }
  return nodeId;
}

/** A request body or query checked against its schema; every problem named, with how to send it right. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string, hint: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new HttpError(400, 'INPUT_INVALID', `Invalid ${what}: ${problems}.`, hint);
  }
  return parsed.data;
}
