// The CSRF defences of every state-changing request: the same Origin as ArgoVue's own, and the
// session's X-CSRF-Token (bound to the session id, so a token of another session does not pass).
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser, Authenticator } from '../auth/authenticator.ts';
import { HttpError } from './errors.ts';

export function checkCsrf(
  request: FastifyRequest,
  auth: AuthenticatedUser,
  authenticator: Authenticator,
  origin: URL,
): void {
  const requestOrigin = request.headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== origin.origin) {
    throw new HttpError(
      403,
      'CSRF_FAILED',
      'This request came from another site.',
      'Use ArgoVue itself to make changes.',
    );
  }
  const token = request.headers['x-csrf-token'];
  if (!authenticator.isValidCsrfToken(auth.session.sid, typeof token === 'string' ? token : undefined)) {
    throw new HttpError(
      403,
      'CSRF_FAILED',
      'This request lacks the session’s CSRF token.',
      'Reload the page and try again; send X-CSRF-Token from /api/v1/me with every change.',
    );
  }
}
