// The proxy's own thread (why it has one, and how it starts: proxy-thread.ts). Here it is whole, as
// a replica of ArgoVue runs it: its listener, its sessions, its access reviews (a cache of its own,
// the same rules), its caches of instances and their pods, its activity recorder; it acts with
// ArgoVue's service account for those caches and as the visitor for a wake, like the API. What
// crosses to the API's thread is in the messages below.
import { parentPort, workerData } from 'node:worker_threads';
import { RevocationStore } from '../auth/revocation-store.ts';
// Only the type: config.ts loads zod, which this thread does without (session-shape.ts says why).
import type { Config } from '../config.ts';
import { AccessReviewer } from '../kube/access.ts';
import { loadKubeConfig } from '../kube/cluster.ts';
import { KubeApi } from '../kube/kube-api.ts';
import { ReportedActivity, type Use } from './activity.ts';
import { startProxyFeature } from './service-proxy.ts';

export interface ProxyThreadData {
  config: Config;
  /** The proxy's public base URL and the portal's origin (config.ts's proxyBaseUrl, publicOrigin). */
  base: string;
  portal: string;
  /** ArgoVue's own namespace, where logouts are recorded (revocation-store.ts). */
  namespace: string;
}

/** From the API's thread: a logout made there (refused here at once), or the end. */
export type ToProxy = { type: 'revoked'; sid: string; expiresAt: number } | { type: 'stop' };

/** To the API's thread. */
export type FromProxy =
  | { type: 'listening' }
  | { type: 'log'; message: string }
  /** Instances used through the proxy, each with its latest use: what the idle culler reads. */
  | { type: 'used'; uses: Use[] }
  | { type: 'stopped' };

const link = parentPort;
if (link === null) throw new Error('proxy-worker.ts runs as the proxy thread (proxy-thread.ts)');
const tell = (message: FromProxy): void => link.postMessage(message);
const log = (message: string): void => tell({ type: 'log', message });

const { config, namespace, base, portal } = workerData as ProxyThreadData;
const kc = await loadKubeConfig(config.kubeconfig);
const api = new KubeApi(kc, { reservedPrefixes: config.reservedPrefixes });
const revocations = new RevocationStore(api, namespace, log);
const feature = startProxyFeature({
  api,
  apiServer: new URL(kc.getCurrentCluster()?.server ?? 'https://kubernetes.default.svc'),
  access: new AccessReviewer(api, config.authzCacheSeconds * 1000),
  revocations,
  sessionKeys: config.sessionKeys,
  base: new URL(base),
  portal: new URL(portal),
  limits: { perUser: config.proxyMaxConnectionsPerUser, total: config.proxyMaxConnections },
  recheckMs: Math.max(config.authzCacheSeconds, 1) * 1000,
  activityRecordMs: config.activityRecordSeconds * 1000,
  activity: new ReportedActivity((uses) => tell({ type: 'used', uses })),
  log,
});

link.on('message', (message: ToProxy) => {
  if (message.type === 'revoked') {
    revocations.refuseHere(message.sid, message.expiresAt);
    return;
  }
  feature
    .stop()
    .catch((error: unknown) => log(`the proxy did not stop cleanly: ${String(error)}`))
    .finally(() => {
      revocations.stop();
      api.close();
      tell({ type: 'stopped' });
      // Ends this thread only; whatever handle is still open cannot hold it.
      process.exit(0);
    });
});

await feature.proxy.listen(config.host, config.proxyPort);
tell({ type: 'listening' });
