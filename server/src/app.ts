import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ClusterInfo } from '@argovue/api-types';
import type { Config } from './config.ts';
import { registerHealthRoutes } from './health/routes.ts';
import { apiNotFound, isApiPath, registerErrorHandling } from './http/errors.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';

export type ClusterProbe = () => Promise<ClusterInfo & { error?: string }>;

export interface AppDeps {
  probeCluster: ClusterProbe;
  version: string;
}

/** Wires the modules together; the only place that knows them all. */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    // Bound what a client can make us hold: 1 MiB bodies, and no slowloris.
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
    trustProxy: false,
  });
  registerSecurityHeaders(app);
  registerErrorHandling(app);
  registerHealthRoutes(app, deps.probeCluster, deps.version);

  const indexHtml = join(config.webDir, 'index.html');
  const hasWebApp = existsSync(indexHtml);
  if (hasWebApp) {
    await app.register(fastifyStatic, { root: config.webDir, index: false, wildcard: false });
  } else {
    app.log.warn({ webDir: config.webDir }, 'web app not built: run `make build`; serving the API only');
  }

  app.setNotFoundHandler((request, reply) => {
    if (isApiPath(request.url) || request.method !== 'GET') {
      const error = apiNotFound(request.method, request.url);
      return reply.status(error.status).send(error.toBody());
    }
    // Any other GET is a page of the single-page app: its router decides what to show.
    if (!hasWebApp) {
      return reply
        .status(503)
        .type('text/plain')
        .send('The ArgoVue web app is not built. Run `make build`, then reload.');
    }
    return reply.type('text/html').header('Cache-Control', 'no-cache').sendFile('index.html');
  });
  return app;
}
