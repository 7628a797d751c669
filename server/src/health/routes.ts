import type { HealthStatus, ServerInfo } from '@argovue/api-types';
import type { FastifyInstance } from 'fastify';
import type { ClusterProbe } from '../app.ts';

export function registerHealthRoutes(
  app: FastifyInstance,
  probe: ClusterProbe,
  cachesReady: () => boolean,
  cachedObjects: () => number,
  version: string,
): void {
  // Liveness: the process answers. It must not depend on the cluster, or a cluster outage restarts us.
  app.get('/healthz', { config: { public: true } }, (): HealthStatus => ({
    status: 'ok',
    checks: { process: 'ok' },
  }));

  // Readiness: we can reach the Kubernetes API, without which no page works, and the shared caches
  // hold a first full list, without which lists would be incomplete.
  app.get('/readyz', { config: { public: true } }, async (_request, reply): Promise<HealthStatus> => {
    const cluster = await probe();
    const checks = {
      kubernetes: cluster.reachable ? 'ok' : (cluster.error ?? 'unreachable'),
      caches: cachesReady() ? 'ok' : 'syncing',
    };
    const ok = checks.kubernetes === 'ok' && checks.caches === 'ok';
    if (!ok) reply.status(503);
    return { status: ok ? 'ok' : 'unavailable', checks, cached: cachedObjects() };
  });

  app.get('/api/v1/info', { config: { public: true } }, async (): Promise<ServerInfo> => {
    const { reachable, gitVersion } = await probe();
    return {
      name: 'ArgoVue',
      version,
      cluster: gitVersion === undefined ? { reachable } : { reachable, gitVersion },
    };
  });
}
