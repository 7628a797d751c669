// Tests of the service proxy against the real cluster: a fresh namespace whose members are team-a
// (alice, carol, dave, gina; bob and erin are not), service instances in it whose pods really serve
// (the devcluster's pod runner starts the echo app at the pod IP), ArgoVue started with its proxy,
// and a browser-like client of an instance origin that signs in through the portal handshake.
//
// The fixture creates an instance's Deployment and Service itself, rendered by the controller's own
// renderer (services/render.ts) from a template that is not in the cluster: these tests are about the
// proxy, and do not wait on the controller (whose own tests start instances from real templates).
import { request, type IncomingHttpHeaders } from 'node:http';
import { after, before } from 'node:test';
import { readyEndpoint, fetchWhenServing } from '../../devcluster/test/local-pods.ts';
import { createTestNamespace, eventually, rbac } from '../../devcluster/test/cluster.ts';
import { renderInstance } from '../../server/src/services/render.ts';
import type { ServiceInstance, ServiceTemplateSpec } from '../../server/src/services/template-types.ts';
import type { KubeApi } from '../../server/src/kube/kube-api.ts';
import { instanceOrigin } from '../../api-types/src/service-origin.ts';
import { loginAs, type ApiClient } from './api-client.ts';
import { startServer, type RunningServer } from './server.ts';
import { adminKubeApi, servicesGroupVersion } from './service-templates.ts';
import { TestWebSocket } from './websocket-client.ts';

/** The echo app as a template: a page, /echo (the request as JSON), /bytes, /upload, /ws. */
export const echoTemplate: ServiceTemplateSpec = {
  title: 'Echo',
  ports: [{ name: 'http', port: 8080 }],
  workload: {
    deployment: {
      template: {
        metadata: { labels: { 'argovue.dev/run-locally': 'echo-app' } },
        spec: {
          containers: [{ name: 'app', image: 'example.invalid/echo:1', ports: [{ containerPort: 8080 }] }],
        },
      },
    },
  },
};

export interface ProxyAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ProxyRequest {
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: Buffer | string;
}

/** A request to the proxy listener with `host` as the Host header (no resolver knows `*.localhost`). */
export function proxyRequest(
  port: number,
  host: string,
  path: string,
  init: ProxyRequest = {},
): Promise<ProxyAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      method: init.method ?? 'GET',
      headers: { Host: host, ...init.headers },
      agent: false,
    });
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.once('error', reject);
    req.end(init.body);
  });
}

/** A browser at one instance origin: its own cookie jar, signed in through the portal. */
export class ServiceBrowser {
  readonly host: string;
  readonly origin: string;
  readonly cookies = new Map<string, string>();
  readonly #server: RunningServer;

  constructor(server: RunningServer, namespace: string, name: string) {
    const origin = instanceOrigin(new URL(server.proxyUrl), { namespace, name });
    if (origin === undefined) throw new Error(`${namespace}/${name} has no origin`);
    this.#server = server;
    this.origin = origin;
    this.host = new URL(origin).host;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** A request with this origin's cookies; Set-Cookie is kept, redirects are returned. */
  async fetch(path: string, init: ProxyRequest = {}): Promise<ProxyAnswer> {
    const cookie = this.cookieHeader;
    const answer = await proxyRequest(this.#server.proxyPort, this.host, path, {
      ...init,
      headers: { ...(cookie === '' ? {} : { Cookie: cookie }), ...init.headers },
    });
    for (const header of answer.headers['set-cookie'] ?? []) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return answer;
  }

  /**
   * The handshake as a browser makes it: the instance origin sends it to the portal, the portal (with
   * `portal`'s session) back with a code, the origin redeems it. Returns the last answer of the origin.
   */
  async signIn(portal: ApiClient, path = '/'): Promise<ProxyAnswer> {
    const start = await this.fetch(path, { headers: { Accept: 'text/html', 'Sec-Fetch-Mode': 'navigate' } });
    const toPortal = start.headers.location;
    if (start.status !== 302 || toPortal === undefined)
      throw new Error(`the instance origin answered ${start.status}, not a redirect to the portal`);
    const portalAnswer = await portal.fetch(toPortal);
    const back = portalAnswer.headers.get('location');
    if (portalAnswer.status !== 302 || back === null)
      throw new Error(`the portal answered ${portalAnswer.status}: ${await portalAnswer.text()}`);
    const url = new URL(back);
    if (url.origin !== this.origin) throw new Error(`the portal sent the browser to ${url.origin}`);
    return this.fetch(`${url.pathname}${url.search}`, { headers: { Accept: 'text/html' } });
  }

  /** What the echo app saw of a request: its headers (none when the proxy answered instead). */
  async echo(init: ProxyRequest = {}): Promise<{ status: number; seen: IncomingHttpHeaders }> {
    const answer = await this.fetch('/echo', init);
    if (answer.status !== 200) return { status: answer.status, seen: {} };
    return {
      status: 200,
      seen: (JSON.parse(answer.body.toString()) as { headers: IncomingHttpHeaders }).headers,
    };
  }

  webSocket(path = '/ws', headers: Record<string, string> = {}): Promise<TestWebSocket> {
    return TestWebSocket.open({
      port: this.#server.proxyPort,
      host: this.host,
      path,
      headers: { Cookie: this.cookieHeader, Origin: this.origin, ...headers },
    });
  }
}

/** Starts instance `name` of the echo template in `namespace` and waits until its pod serves. */
export async function startEchoInstance(
  api: KubeApi,
  namespace: string,
  name: string,
  options: { stopped?: boolean } = {},
): Promise<void> {
  const path = `/apis/argovue.io/v1alpha1/namespaces/${namespace}/serviceinstances`;
  const instance = await api.json<ServiceInstance>({
    method: 'POST',
    path,
    as: 'argovue',
    body: {
      apiVersion: servicesGroupVersion,
      kind: 'ServiceInstance',
      metadata: { name },
      spec: { template: { name: 'echo' }, ...(options.stopped === true ? { stopped: true } : {}) },
    },
  });
  const rendered = renderInstance(instance, echoTemplate);
  if (!rendered.ok) throw new Error(`the echo template did not render: ${rendered.reason}`);
  await api.json({
    method: 'POST',
    path: `/apis/apps/v1/namespaces/${namespace}/deployments`,
    body: rendered.objects.deployment,
    as: 'argovue',
  });
  await api.json({
    method: 'POST',
    path: `/api/v1/namespaces/${namespace}/services`,
    body: rendered.objects.service,
    as: 'argovue',
  });
  if (options.stopped === true) return;
  const endpoint = await readyEndpoint(namespace, name, 8080);
  await fetchWhenServing(`http://${endpoint.address}:${endpoint.port}/healthz`);
}

/** A fresh namespace whose members are team-a (argovue-user for the group oidc:team-a). */
export async function createTeamANamespace(
  prefix: string,
): Promise<{ name: string; remove: () => Promise<void> }> {
  const created = await createTestNamespace(prefix);
  await rbac.createNamespacedRoleBinding({
    namespace: created.name,
    body: {
      metadata: { name: 'team-a-members' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'argovue-user' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'oidc:team-a' }],
    },
  });
  return created;
}

export interface ProxyFixture {
  api: KubeApi;
  namespace: () => string;
  server: () => RunningServer;
  /** Starts instance `name` of the echo template (in the fixture's namespace) and waits until its pod serves. */
  startInstance: (name: string, options?: { stopped?: boolean; namespace?: string }) => Promise<void>;
  /** A signed-in portal client of a demo user (once per user). */
  portalAs: (username: string) => Promise<ApiClient>;
  /** A browser at the origin of instance `name`, for `username`, signed in. */
  browserAs: (username: string, name: string, namespace?: string) => Promise<ServiceBrowser>;
  /**
   * Waits until the proxy serves instance `name` to alice. Its EndpointSlice comes on the proxy's one
   * watch of slices after every slice written before it, so those have been seen too: a test that
   * writes a bad slice first and then waits for this one knows the proxy has read it.
   */
  untilServed: (name: string) => Promise<void>;
}

/**
 * Call inside a describe: a namespace team-a may use, ArgoVue with its proxy, both removed afterwards.
 * `prepare` runs in the namespace before the server starts (a template, extra RBAC); `env` is the
 * server's.
 */
export function serviceProxyFixture(
  prefix: string,
  options: { env?: Record<string, string>; prepare?: (namespace: string) => Promise<void> } = {},
): ProxyFixture {
  const api = adminKubeApi();
  let ns: Awaited<ReturnType<typeof createTestNamespace>> | undefined;
  let running: RunningServer | undefined;
  const portals = new Map<string, Promise<ApiClient>>();
  const namespace = (): string => {
    if (ns === undefined) throw new Error('the namespace is made in before()');
    return ns.name;
  };
  const server = (): RunningServer => {
    if (running === undefined) throw new Error('the server is started in before()');
    return running;
  };
  before(async () => {
    ns = await createTeamANamespace(prefix);
    await options.prepare?.(ns.name);
    running = await startServer(options.env);
  });
  after(async () => {
    await running?.stop();
    await ns?.remove();
    api.close();
  });

  const portalAs = (username: string): Promise<ApiClient> => {
    let portal = portals.get(username);
    if (portal === undefined) portals.set(username, (portal = loginAs(server().url, username)));
    return portal;
  };

  return {
    api,
    namespace,
    server,
    portalAs,
    startInstance: (name, options = {}) =>
      startEchoInstance(api, options.namespace ?? namespace(), name, options),
    browserAs: async (username, name, inNamespace) => {
      const browser = new ServiceBrowser(server(), inNamespace ?? namespace(), name);
      await browser.signIn(await portalAs(username));
      return browser;
    },
    untilServed: async (name) => {
      const browser = new ServiceBrowser(server(), namespace(), name);
      await browser.signIn(await portalAs('alice'));
      await eventually(`the proxy to serve ${name}`, async () =>
        (await browser.echo()).status === 200 ? true : undefined,
      );
    },
  };
}

/**
 * An instance with a Service but no pods (the Service selects nothing, so no controller writes its
 * EndpointSlices): whatever slice a test writes for it is all the proxy could dial.
 */
export async function createDecoyInstance(api: KubeApi, namespace: string, name: string): Promise<void> {
  await api.json({
    method: 'POST',
    path: `/apis/argovue.io/v1alpha1/namespaces/${namespace}/serviceinstances`,
    as: 'argovue',
    body: {
      apiVersion: servicesGroupVersion,
      kind: 'ServiceInstance',
      metadata: { name },
      spec: { template: { name: 'echo' } },
    },
  });
  await api.json({
    method: 'POST',
    path: `/api/v1/namespaces/${namespace}/services`,
    as: 'argovue',
    body: {
      metadata: { name, labels: { 'argovue.io/instance': name } },
      spec: { ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
    },
  });
}

export interface SliceEndpoint {
  address: string;
  addressType?: 'IPv4' | 'FQDN';
  targetRef?: { kind: 'Pod'; name: string; namespace?: string };
}

/** An EndpointSlice for `service` in `namespace`, labelled as the instance's own would be. */
export async function createEndpointSlice(
  api: KubeApi,
  namespace: string,
  service: string,
  endpoint: SliceEndpoint,
  port = 8080,
): Promise<void> {
  await api.json({
    method: 'POST',
    path: `/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices`,
    as: 'argovue',
    body: {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${service}-`,
        labels: { 'kubernetes.io/service-name': service, 'argovue.io/instance': service },
      },
      addressType: endpoint.addressType ?? 'IPv4',
      ports: [{ name: 'http', port, protocol: 'TCP' }],
      endpoints: [
        {
          addresses: [endpoint.address],
          conditions: { ready: true },
          ...(endpoint.targetRef === undefined ? {} : { targetRef: endpoint.targetRef }),
        },
      ],
    },
  });
}

/** The running pod of an instance: its name and IP. */
export async function podOfInstance(
  api: KubeApi,
  namespace: string,
  name: string,
): Promise<{ name: string; ip: string }> {
  const pods = await api.json<{ items: { metadata: { name: string }; status?: { podIP?: string } }[] }>({
    path: `/api/v1/namespaces/${namespace}/pods`,
    query: { labelSelector: `argovue.io/instance=${name}` },
    as: 'argovue',
  });
  const pod = pods.items.find((p) => p.status?.podIP !== undefined);
  if (pod?.status?.podIP === undefined) throw new Error(`${namespace}/${name} has no pod with an IP`);
  return { name: pod.metadata.name, ip: pod.status.podIP };
}

/** Asserts the proxy answered "starting" (nothing it may dial), not a service's answer or a failed dial. */
export function isStartingPage(answer: ProxyAnswer): boolean {
  return answer.status === 503 && /is starting/.test(answer.body.toString());
}
