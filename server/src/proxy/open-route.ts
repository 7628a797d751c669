// The portal's half of the proxy handshake (proxy-session.ts): GET /open/<namespace>/<instance>.
// With a `state` from the instance origin it checks the portal session and sends the browser back
// with a one-time code for that origin only; without one (a link in the portal) it sends the browser
// to the instance, which starts the handshake itself. Who may open the instance is decided by the
// proxy on every request, so every refusal looks the same and comes from one place.
import type { FastifyInstance } from 'fastify';
import { instanceOrigin } from '@argovue/api-types/service-origin';
import type { Authenticator } from '../auth/authenticator.ts';
import { setSessionCookies } from '../auth/session-cookie.ts';
import { HttpError } from '../http/errors.ts';
import { callbackPath } from './proxy-server.ts';
import { landingPath, type ProxySessions } from './proxy-session.ts';

export interface OpenRouteOptions {
  authenticator: Authenticator;
  sessions: ProxySessions;
  /** The proxy's public base URL. */
  base: URL;
  /** Whether the portal is reached over https (its cookies are Secure). */
  secure: boolean;
}

const dnsLabel = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

export function registerOpenRoute(app: FastifyInstance, options: OpenRouteOptions): void {
  const { authenticator, sessions, base, secure } = options;
  app.get(
    '/open/:namespace/:name',
    {
      config: { public: true },
      schema: {
        params: {
          type: 'object',
          required: ['namespace', 'name'],
          properties: {
            namespace: { type: 'string', maxLength: 63, pattern: dnsLabel },
            name: { type: 'string', maxLength: 63, pattern: dnsLabel },
          },
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            path: { type: 'string', maxLength: 4096 },
            state: { type: 'string', maxLength: 100 },
          },
        },
      },
    },
    async (request, reply) => {
      const { namespace, name } = request.params as { namespace: string; name: string };
      const { path = '/', state } = request.query as { path?: string; state?: string };
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
    },
  );
}
