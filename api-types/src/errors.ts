// The API's one error shape and its stable codes.

/**
 * Every error code the API answers with, once, with the HTTP status it goes with and when. Clients and
 * tests match on the code, never on the prose; the server's one mapping from Kubernetes failures
 * (server/src/http/kube-errors.ts) answers only with these.
 */
export const errorCodes = {
  /** A resource that does not exist, and one the user may not see: the same answer, on purpose. */
  NOT_FOUND: 404,
  /** A workflow node whose pod does not exist (any more): deleted by pod GC, or never created. */
  POD_NOT_FOUND: 404,
  /** The request's input (path, query or body) is not what the route takes; also other 4xx of the server. */
  INPUT_INVALID: 400,
  /** No session, or it ended. */
  UNAUTHENTICATED: 401,
  /** The user may see the resource but not do this to it. */
  FORBIDDEN: 403,
  /** A state-changing request without the same-origin and session-token proof. */
  CSRF_FAILED: 403,
  /** The resource is not in a state that allows this, or changed while it was made. */
  CONFLICT: 409,
  /** The user (or the server in all) holds as many live streams as allowed; close one first. */
  TOO_MANY_STREAMS: 429,
  /** The namespace's ResourceQuota cannot fit what was asked for (the message gives the numbers). */
  QUOTA_EXCEEDED: 422,
  /** A service template that cannot be used as it is written (the message says why; nothing was made). */
  TEMPLATE_INVALID: 422,
  /** At a service's origin, to a request that is not a navigation: the instance is stopped or starting; comes with Retry-After. */
  SERVICE_NOT_RUNNING: 503,
  /** The Kubernetes cluster does not answer now; comes with Retry-After. */
  CLUSTER_UNAVAILABLE: 503,
  /** A fault of the server's own; the details go to its log, never to the client. */
  INTERNAL: 500,
} as const satisfies Record<string, number>;

/** Stable error codes: clients and tests match on these, never on the prose. */
export type ErrorCode = keyof typeof errorCodes;

/** Whether a value from the wire is one of the API's error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodes, value);
}

/** The one error shape of the whole API. */
export interface ApiError {
  code: ErrorCode;
  status: number;
  message: string;
  hint?: string;
}
