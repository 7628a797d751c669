import type { ApiError, ErrorCode } from '@argovue/api-types';
import type { FastifyError, FastifyInstance } from 'fastify';
import { isClusterUnavailable } from '../kube/unavailable.ts';

/** An error a route throws on purpose: it reaches the client as the API's one error shape. */
export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly hint: string | undefined;

  /**
   * `cause`: what upstream said (a KubeError with the apiserver's text): written to the log with the
   * answer, never sent to the client.
   */
  constructor(status: number, code: ErrorCode, message: string, hint?: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.status = status;
    this.code = code;
    this.hint = hint;
  }

  toBody(): ApiError {
    return {
      code: this.code,
      status: this.status,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
    };
  }
}

/** Seconds a client is asked to wait before trying again while the cluster does not answer. */
const clusterRetrySeconds = 5;

/** The answer to any request that needed the cluster while it could not answer (never its error text). */
export function clusterUnavailable(): HttpError {
  return new HttpError(
    503,
    'CLUSTER_UNAVAILABLE',
    'The Kubernetes cluster is not answering right now.',
    'ArgoVue reconnects by itself: try again in a moment. If it lasts, tell the ArgoVue operators.',
  );
}

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/** Every error leaves the server as `{ code, status, message, hint? }`; internals are logged, not sent. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.cause !== undefined)
        request.log.info({ err: error.cause, code: error.code }, 'answered with an upstream refusal');
      return reply.status(error.status).send(error.toBody());
    }
    if (error.validation) {
      const body: ApiError = {
        code: 'INPUT_INVALID',
        status: 400,
        message: `Invalid request: ${error.message}`,
        hint: 'Check the request against the API documentation and send it again.',
      };
      return reply.status(400).send(body);
    }
    if (isClusterUnavailable(error)) {
      request.log.warn({ err: error }, 'the cluster did not answer');
      return reply
        .status(503)
        .header('Retry-After', String(clusterRetrySeconds))
        .send(clusterUnavailable().toBody());
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const body: ApiError = { code: 'INPUT_INVALID', status, message: error.message };
      return reply.status(status).send(body);
    }
    request.log.error({ err: error }, 'unhandled error');
    const body: ApiError = {
      code: 'INTERNAL',
      status: 500,
      message: 'The server failed to handle this request.',
      hint: 'Try again; if it keeps failing, tell the ArgoVue operators the time it happened.',
    };
    return reply.status(500).send(body);
  });
}

export function apiNotFound(method: string, url: string): HttpError {
  const path = url.split('?')[0] ?? url;
  return new HttpError(
    404,
    'NOT_FOUND',
    `No API endpoint ${method} ${path}.`,
    'Check the path and method; the API lives under /api/v1/.',
  );
}
