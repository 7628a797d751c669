import type { ClusterInfo, HealthStatus, ServerInfo } from '@argovue/api-types';
import type { FastifyInstance } from 'fastify';

// These routes are public: they answer from state ArgoVue already keeps (server/src/kube/cluster-health.ts),
// so they cost nothing upstream however often they are called, and they never pass on the apiserver's
// error text.
export function registerHealthRoutes(
  app: FastifyInstance,
  clusterState: () => ClusterInfo,
  cachesReady: () => boolean,
  cachedObjects: () => number,
  version: string,
  workflowsLoading: () => boolean = () => false,
): void {
  // Liveness: the process answers. It must not depend on the cluster, or a cluster outage restarts us.
  app.get('/healthz', { config: { public: true } }, (): HealthStatus => ({
    status: 'ok',
    checks: { process: 'ok' },
  }));

  // Readiness: we can reach the Kubernetes API, without which no page works, and the shared caches
  // hold a first full list, without which lists would be incomplete — except the workflows', ready at
  // its first page (tens of thousands take the apiserver seconds): `loading` until the rest is in,
  // as the lists themselves say.
  app.get('/readyz', { config: { public: true } }, (_request, reply): HealthStatus => {
    const checks = {
      kubernetes: clusterState().reachable ? 'ok' : 'unreachable',
      caches: cachesReady() ? 'ok' : 'syncing',
    };
    const ok = checks.kubernetes === 'ok' && checks.caches === 'ok';
    if (!ok) reply.status(503);
    return {
      status: ok ? 'ok' : 'unavailable',
      checks,
      cached: cachedObjects(),
      ...(workflowsLoading() ? { loading: true as const } : {}),
    };
  });

  app.get('/api/v1/info', { config: { public: true } }, (): ServerInfo => ({
    name: 'ArgoVue',
    version,
    cluster: clusterState(),
  }));
}
