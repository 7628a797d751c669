import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ClusterInfo } from '@argovue/api-types';
import { instanceOrigin } from '@argovue/api-types/service-origin';
import { registerArchivedWorkflowRoutes } from './archive/archived-routes.ts';
import { mergedListJson, mergedListTotal } from './archive/merged-list.ts';
import { WorkflowArchive } from './archive/workflow-archive.ts';
import { Authenticator } from './auth/authenticator.ts';
import { OidcClient } from './auth/oidc.ts';
import { RevocationStore } from './auth/revocation-store.ts';
import { registerAuth } from './auth/routes.ts';
import { proxyBaseUrl, publicOrigin, type Config } from './config.ts';
import { registerCompression } from './http/compression.ts';
import { registerHealthRoutes } from './health/routes.ts';
import { apiNotFound, isApiPath, registerErrorHandling } from './http/errors.ts';
import { registerIdentityHeaderStripping } from './http/identity-headers.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { AccessReviewer } from './kube/access.ts';
import type { ClusterAccess } from './kube/cluster.ts';
import { ClusterHealth } from './kube/cluster-health.ts';
import { KubeApi } from './kube/kube-api.ts';
import {
  clusterCachesReady,
  clusterCachesSize,
  startClusterCaches,
  stopClusterCaches,
} from './kube/cluster-caches.ts';
import { registerNamespaceRoutes } from './namespaces/routes.ts';
import { registerOpenRoute } from './proxy/open-route.ts';
import { InstanceActivity } from './proxy/activity.ts';
import { ProxySessions } from './proxy/proxy-session.ts';
import { ServiceInstanceController } from './services/controller.ts';
import { ServiceDirectory } from './services/directory.ts';
import { registerServiceRoutes } from './services/routes.ts';
import { OpenStreams } from './streams/open-streams.ts';
import { NamespaceDirectory, quotaOf } from './namespaces/summaries.ts';
import { workflowRow, workflowRowFields } from './workflows/list/rows.ts';
import { WorkflowDirectory } from './workflows/workflow-directory.ts';
import { registerWorkflowRoutes } from './workflows/routes.ts';

export interface Services {
  authenticator: Authenticator;
  oidc: OidcClient;
  namespaces: NamespaceDirectory;
  workflows: WorkflowDirectory;
  /** Service templates and instances, as users see and start them. */
  services: ServiceDirectory;
  /** Kubernetes, for reads made as the user that need no cache (a workflow's events, a node's pod). */
  kube: KubeApi;
  /** Users' open streams: capped, and ended when their session or access ends. */
  streams: OpenStreams;
  /**
   * What this thread keeps of the authenticating proxy, which runs in a thread of its own
   * (proxy/proxy-thread.ts, started by serve.ts).
   */
  proxy: ProxyPortal;
  /** Argo's workflow archive, when ArgoVue is configured to read one. */
  archive?: WorkflowArchive | undefined;
  /**
   * Whether the shared caches hold a first full list (before that, answers would be incomplete); the
   * workflows' cache is ready with its first page and says `loading` until the rest is in.
   */
  cachesReady: () => boolean;
  /** How many objects the shared caches hold: start-up progress while they sync. */
  cachedObjects: () => number;
  /** Whether the Kubernetes API answers, as last seen (never asked per request). */
  clusterState: () => ClusterInfo;
  /** Stops watches and closes connections. */
  stop: () => void;
}

export interface ProxyPortal {
  /** Mints the handshake's codes (open-route.ts): sealed with the keys the proxy reads them with. */
  sessions: ProxySessions;
  /** The last use of each instance through the proxy, as its thread reports it: the culler reads it. */
  activity: InstanceActivity;
  base: URL;
  /** The portal's logouts, which the proxy's thread hears of as they are made. */
  logouts: Pick<RevocationStore, 'onRevoke'>;
}

export interface AppDeps extends Services {
  version: string;
}

/** Where ArgoVue keeps its own state: configured, else the kubeconfig context's or pod's namespace. */
export function ownNamespace(config: Config, kc: ClusterAccess): string {
  if (config.namespace !== undefined) return config.namespace;
  const fromContext = kc.getContextObject(kc.getCurrentContext())?.namespace;
  if (fromContext !== undefined && fromContext !== '') return fromContext;
  const inCluster = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';
  return existsSync(inCluster) ? readFileSync(inCluster, 'utf8').trim() : 'argovue-system';
}

/** The long-lived parts: the OIDC client, sessions, Kubernetes access and the shared watch caches. */
export function startServices(config: Config, kc: ClusterAccess, log: (message: string) => void): Services {
  const kubeApi = new KubeApi(kc, { reservedPrefixes: config.reservedPrefixes });
  const oidc = new OidcClient({
    issuer: config.oidcIssuer,
    clientId: config.oidcClientId,
    clientSecret: config.oidcClientSecret,
    scopes: config.oidcScopes,
    redirectUri: new URL('/auth/callback', publicOrigin(config)).href,
  });
  const revocations = new RevocationStore(kubeApi, ownNamespace(config, kc), log);
  const authenticator = new Authenticator({
    keys: config.sessionKeys,
    revocations,
    oidc,
    sessionSeconds: config.sessionSeconds,
    secureCookies: publicOrigin(config).protocol === 'https:',
    mapping: {
      usernameClaim: config.oidcUsernameClaim,
      groupsClaim: config.oidcGroupsClaim,
      usernamePrefix: config.usernamePrefix,
      groupPrefix: config.groupPrefix,
      groupMap: config.groupMap,
      reservedPrefixes: config.reservedPrefixes,
    },
  });
  const caches = startClusterCaches(kubeApi, log, { workflowRow, workflowRowFields });
  let cachesReady = false;
  Promise.all([clusterCachesReady(caches), revocations.ready()]).then(
    () => (cachesReady = true),
    (error: unknown) => log(`the shared caches failed to start: ${String(error)}`),
  );
  const health = new ClusterHealth(
    kubeApi,
    [caches.namespaces, caches.quotas, caches.roleBindings, caches.workflows],
    { log },
  ).start();
  const access = new AccessReviewer(kubeApi, config.authzCacheSeconds * 1000);
  const namespaces = new NamespaceDirectory(caches, access);
  // Streams are checked as often as an access decision is reused: the authorization period.
  const streams = new OpenStreams(
    { perUser: config.maxStreamsPerUser, total: config.maxStreams },
    revocations,
    Math.max(config.authzCacheSeconds, 1) * 1000,
  );
  const proxyBase = proxyBaseUrl(config);
  const proxy: ProxyPortal = {
    sessions: new ProxySessions(config.sessionKeys, proxyBase.protocol === 'https:'),
    activity: new InstanceActivity(),
    base: proxyBase,
    logouts: revocations,
  };
  // Every replica runs the controller; the one holding the Lease acts (as ArgoVue, its own account).
  const controller = new ServiceInstanceController({
    api: kubeApi,
    leaseNamespace: ownNamespace(config, kc),
    identity: `${hostname()}-${randomBytes(4).toString('hex')}`,
    log,
    urlOf: (namespace, name) => instanceOrigin(proxyBase, { namespace, name }),
    lastUsedAt: (namespace, name) => proxy.activity.lastRequestAt(namespace, name),
    quotaOf: (namespace) => quotaOf([...caches.quotas.inNamespace(namespace)]),
    onQuotaChange: (listener) => caches.quotas.subscribe((event) => listener(event.value.namespace)),
  }).start();
  const workflows = new WorkflowDirectory(caches.workflows, namespaces, kubeApi, { log });
  const archive = config.archiveHost === undefined ? undefined : new WorkflowArchive(config, log);
  archive?.startMigration();
  return {
    authenticator,
    oidc,
    namespaces,
    workflows,
    services: new ServiceDirectory(kubeApi, namespaces),
    kube: kubeApi,
    streams,
    proxy,
    archive,
    cachesReady: () => cachesReady,
    cachedObjects: () => clusterCachesSize(caches),
    clusterState: () => health.state,
    stop: () => {
      health.stop();
      stopClusterCaches(caches);
      streams.stop();
      workflows.live.stop();
      controller
        .stop()
        .catch((error: unknown) => log(`services: the controller did not stop cleanly: ${String(error)}`));
      revocations.stop();
      archive
        ?.stop()
        .catch((error: unknown) => log(`workflow archive: closing its connections failed: ${String(error)}`));
      kubeApi.close();
    },
  };
}

/** Wires the modules together; the only place that knows them all. */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
    },
    // Bound what a client can make us hold: 1 MiB bodies, and no slowloris.
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
    trustProxy: false,
  });
  registerSecurityHeaders(app, { formTargets: [new URL(config.oidcIssuer).origin] });
  registerErrorHandling(app);
  registerIdentityHeaderStripping(app);
  await registerCompression(app);
  await registerAuth(app, {
    authenticator: deps.authenticator,
    oidc: deps.oidc,
    publicOrigin: publicOrigin(config),
  });
  registerOpenRoute(app, {
    authenticator: deps.authenticator,
    sessions: deps.proxy.sessions,
    base: deps.proxy.base,
    secure: publicOrigin(config).protocol === 'https:',
  });
  registerHealthRoutes(
    app,
    deps.clusterState,
    deps.cachesReady,
    deps.cachedObjects,
    deps.version,
    () => deps.workflows.loading,
  );
  registerNamespaceRoutes(app, deps.namespaces);
  const { archive } = deps;
  registerWorkflowRoutes(app, {
    kube: deps.kube,
    workflows: deps.workflows,
    streams: deps.streams,
    liveList: { maxBufferedBytes: config.sseMaxBufferedBytes },
    ...(archive === undefined
      ? {}
      : {
          listJson: (namespaces, query) =>
            mergedListJson(deps.workflows, archive, namespaces, query, (message) => app.log.warn(message)),
          listTotal: (namespaces, query) =>
            mergedListTotal(deps.workflows, archive, namespaces, query, (message) => app.log.warn(message)),
        }),
  });
  if (archive !== undefined) registerArchivedWorkflowRoutes(app, deps.workflows, archive, deps.kube);
  registerServiceRoutes(app, {
    services: deps.services,
    namespaces: deps.namespaces,
    kube: deps.kube,
    streams: deps.streams,
  });

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
