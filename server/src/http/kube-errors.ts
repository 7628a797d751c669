// From a failed Kubernetes call to the API's answer, in one place, so every route words a refusal
// alike: a 403 and a 404 are the same "not found, or no access" (a user cannot probe for what they may
// not see), a 409 is "changed meanwhile", a 400/422 names the fields Kubernetes refused, an outage is
// left to the error handler (503 CLUSTER_UNAVAILABLE). The apiserver's own text goes to the log as the
// answer's cause, never to the client as it is: it names service accounts, webhooks and internals.
import type { ErrorCode } from '@argovue/api-types';
import { errorCodes } from '@argovue/api-types';
import { KubeError } from '../kube/kube-api.ts';
import { isClusterUnavailable } from '../kube/unavailable.ts';
import { HttpError } from './errors.ts';

/** What a call was about, as the user knows it. */
export interface KubeResource {
  /** 'Workflow', 'Namespace', 'Template', 'Pod', … */
  kind: string;
  name: string;
  namespace?: string | undefined;
}

/** An answer of the API's: the status comes from the code's row in the table (api-types). */
export interface Answer {
  code: ErrorCode;
  message: string;
  hint: string;
}

/** Answers of a route's own for some Kubernetes statuses, where the default says less than it can. */
export type OwnAnswers = Partial<Record<400 | 403 | 404 | 409 | 422, Answer>>;

const notFoundHints: Readonly<Record<string, string>> = {
  Workflow: 'Check the name and namespace.',
  Namespace: 'Check the name; access comes from your groups.',
  Template: 'Pick a template from the list.',
};

export function answer({ code, message, hint }: Answer, cause?: unknown): HttpError {
  return new HttpError(errorCodes[code], code, message, hint, cause);
}

/** The one answer for a resource that does not exist and for one the user may not see. */
export function notFound(resource: KubeResource, hint?: string, cause?: unknown): HttpError {
  const where = resource.namespace === undefined ? '' : ` in ${resource.namespace}`;
  return answer(
    {
      code: 'NOT_FOUND',
      message: `${resource.kind} ${resource.name}${where} was not found, or you have no access to it.`,
      hint: hint ?? notFoundHints[resource.kind] ?? 'Check the name.',
    },
    cause,
  );
}

/**
 * The API's answer to `error`, a failed call about `resource`; an error that is no refusal of
 * Kubernetes about it (an outage, a bug) comes back as it is, for the error handler.
 */
export function kubeRefusal(error: unknown, resource: KubeResource, own: OwnAnswers = {}): unknown {
  if (!(error instanceof KubeError) || isClusterUnavailable(error)) return error;
  const status = error.status;
  if (status === 400 || status === 403 || status === 404 || status === 409 || status === 422) {
    const mine = own[status];
    if (mine !== undefined) return answer(mine, error);
  }
  switch (status) {
    case 403:
    case 404:
      return notFound(resource, undefined, error);
    case 409:
      return answer(
        {
          code: 'CONFLICT',
          message: `${resource.kind} ${resource.name} changed while this action was made.`,
          hint: 'Reload and try again.',
        },
        error,
      );
    case 400:
    case 422:
      return answer(
        {
          code: 'INPUT_INVALID',
          message: `Kubernetes refused the ${resource.kind.toLowerCase()}${refusedFields(error)}.`,
          hint: 'Fix the values and send them again.',
        },
        error,
      );
    default:
      return error;
  }
}

/** For `.catch(refusedAs(…))`: throws kubeRefusal's answer. */
export function refusedAs(resource: KubeResource, own?: OwnAnswers): (error: unknown) => never {
  return (error: unknown) => {
    throw kubeRefusal(error, resource, own);
  };
}

/** Whether a call failed because the resource is not there for this user: absent, or hidden (403). */
export function isAbsentForUser(error: unknown): boolean {
  return error instanceof KubeError && (error.status === 403 || error.status === 404);
}

// The fields an invalid object was refused for, as Kubernetes named them (the user's own values);
// the message around them (webhook and policy names) stays in the log.
function refusedFields(error: KubeError): string {
  const fields = error.causes
    .filter((cause) => cause.field !== undefined && cause.field !== '')
    .map((cause) => `${cause.field}: ${(cause.message ?? 'invalid').slice(0, 300)}`);
  return fields.length === 0 ? '' : `: ${fields.join('; ')}`;
}
