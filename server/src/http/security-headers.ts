import type { FastifyInstance } from 'fastify';

// The web app is served from this origin only and never framed; scripts and styles come from our bundle.
// Forms may go to this origin and, because the login form's redirect continues there, to the OpenID
// provider (browsers apply form-action to the redirects that follow a form submission).
const contentSecurityPolicy = (formTargets: readonly string[]): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "object-src 'none'",
  ].join('; ');

export function registerSecurityHeaders(
  app: FastifyInstance,
  options: { formTargets: readonly string[] },
): void {
  const policy = contentSecurityPolicy(options.formTargets);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', policy);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  });
}
