// What a route asks of its request before it does anything: a signed-in user (set by the auth gate,
// auth/routes.ts), and an abort signal that fires when the client goes away, for upstream calls.
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import { HttpError } from './errors.ts';

export function requireUser(request: FastifyRequest): AuthenticatedUser {
  if (request.user === undefined)
    throw new HttpError(401, 'UNAUTHENTICATED', 'You are not signed in.', 'Sign in again.');
  return request.user;
}

/** Aborts when the client closes the connection: its upstream calls stop with it. */
export function abortOnClose(request: FastifyRequest): AbortSignal {
  const abort = new AbortController();
  request.raw.on('close', () => abort.abort());
  return abort.signal;
}
