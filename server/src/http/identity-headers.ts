import type { FastifyInstance } from 'fastify';

// Headers that name an identity to Kubernetes or to auth proxies. ArgoVue never forwards client
// headers to Kubernetes, and drops these on arrival so no later code (or proxy) can pick them up.
const identityHeader =
  /^(impersonate-|x-remote-(user|group|extra-)|x-forwarded-(user|groups|email)|x-auth-request-)/i;

export function registerIdentityHeaderStripping(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    for (const name of Object.keys(request.headers)) {
      if (identityHeader.test(name)) Reflect.deleteProperty(request.headers, name);
    }
    done();
  });
}
