// The portal's half of the proxy handshake (proxy-session.ts): GET /open/<namespace>/<instance>.
// With a `state` from the instance origin it checks the portal session and sends the browser back
// with a one-time code for that origin only; without one (a link in the portal) it sends the browser
// to the instance, which starts the handshake itself. Who may open the instance is decided by the
// proxy on every request, so every refusal looks the same and comes from one place.
import type { FastifyInstance } from 'fastify';
import { instanceOrigin } from '@argovue/api-types/service-origin';
import type { Authenticator } from '../auth/authenticator.ts';
import { setSessionCookies } from '../auth/session-cookie.ts';
import { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import { parseInput } from '../http/params.ts';
import { callbackPath } from './handshake.ts';
import { landingPath, type ProxySessions } from './proxy-session.ts';

export interface OpenRouteOptions {
  authenticator: Authenticator;
  sessions: ProxySessions;
  /** The proxy's public base URL. */
  base: URL;
  /** Whether the portal is reached over https (its cookies are Secure). */
  secure: boolean;
}

// Checked here with zod like every other input, not with a Fastify route schema: a schema makes
// Fastify load and compile Ajv while the server starts (~0.1 s of CPU), for this one route.
const dnsLabel = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
const OpenParams = z.object({ namespace: dnsLabel, name: dnsLabel });
const OpenQuery = z.strictObject({
  path: z.string().max(4096).optional(),
  state: z.string().max(100).optional(),
});

export function registerOpenRoute(app: FastifyInstance, options: OpenRouteOptions): void {
  const { authenticator, sessions, base, secure } = options;
  app.get('/open/:namespace/:name', { config: { public: true } }, async (request, reply) => {
    const hint = 'Open a service from its page in ArgoVue.';
    const { namespace, name } = parseInput(OpenParams, request.params, 'service address', hint);
    const { path = '/', state } = parseInput(OpenQuery, request.query, 'query', hint);
    const origin = instanceOrigin(base, { namespace, name });
    if (origin === undefined)
      throw new HttpError(404, 'NOT_FOUND', 'This service has no address: its name is too long to be one.');
    reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
    const result = await authenticator.authenticate(request.cookies);
    setSessionCookies(reply, result.setCookies, secure);
    if (!result.ok) return reply.redirect(`/login?returnTo=${encodeURIComponent(request.url)}`);
    if (state === undefined) return reply.redirect(`${origin}${landingPath(path, origin)}`);
    const code = await sessions.mintCode(origin, state, path, result.auth.session, result.auth.user);
    if (code === undefined)
      throw new HttpError(
        400,
        'INPUT_INVALID',
        'This link to a service is malformed.',
        'Open the service from ArgoVue.',
      );
    return reply.redirect(`${origin}${callbackPath}?code=${encodeURIComponent(code)}`);
  });
}
