// Idle culling and wake on visit against the real cluster: a namespace team-a may use holding an echo
// template that stops its instances after a few seconds without use, ArgoVue (with its controller and
// proxy) started for the test, and instances started through the API as the user.
import type { ServiceInstanceActionResult, ServiceInstanceDetail } from '@argovue/api-types';
import { eventually } from '../../devcluster/test/cluster.ts';
import type { ServiceInstance } from '../../server/src/services/template-types.ts';
import type { KubeApi } from '../../server/src/kube/kube-api.ts';
import type { ApiClient } from './api-client.ts';
import type { RunningServer } from './server.ts';
import { echoTemplate, serviceProxyFixture, type ServiceBrowser } from './service-proxy.ts';
import { createObject, describeCreated, servicesGroupVersion } from './service-templates.ts';

/** Short enough for a test; a test waits for the outcome, it never times it. */
export const idleTimeout = '5s';
export const idleTemplateName = 'echo-idle';

/** The navigation a browser makes when a page is opened (what may wake an instance). */
export const navigate = { Accept: 'text/html', 'Sec-Fetch-Mode': 'navigate' } as const;

export interface IdleFixture {
  api: KubeApi;
  namespace: () => string;
  server: () => RunningServer;
  portalAs: (username: string) => Promise<ApiClient>;
  /** Starts an instance of the idle template as `username` through the API and waits until it runs. */
  startInstance: (username: string, name: string) => Promise<void>;
  read: (name: string) => Promise<ServiceInstance>;
  /** The instance's detail as `username` sees it through the API. */
  detail: (username: string, name: string) => Promise<ServiceInstanceDetail>;
  /** Waits until the controller says `phase` (and the proxy's cache will follow the same watch). */
  untilPhase: (name: string, phase: string, stopped?: boolean) => Promise<ServiceInstanceDetail>;
  /** A browser at the instance's origin, signed in as `username` through the portal. */
  browserAs: (username: string, name: string) => Promise<ServiceBrowser>;
  /**
   * Waits until `visitor` reaches the echo app of instance `name`. KWOK marks the pod ready before its
   * process listens; on a loaded machine that can outlast the idle timeout, so an instance stopped
   * meanwhile is woken by alice's visit (she may start it) and the wait goes on.
   */
  untilServed: (visitor: ServiceBrowser, name: string) => Promise<void>;
}

/**
 * Call inside a describe. `prepare` runs in the namespace before the server starts (extra RBAC);
 * `timeout` is the template's idleTimeout.
 */
export function idleFixture(
  prefix: string,
  options: {
    prepare?: (namespace: string) => Promise<void>;
    timeout?: string;
    env?: Record<string, string>;
  } = {},
): IdleFixture {
  const base = serviceProxyFixture(prefix, {
    ...(options.env === undefined ? {} : { env: options.env }),
    prepare: async (namespace) => {
      const created = await createObject(
        base.api,
        `/apis/argovue.io/v1alpha1/namespaces/${namespace}/servicetemplates`,
        {
          apiVersion: servicesGroupVersion,
          kind: 'ServiceTemplate',
          metadata: { name: idleTemplateName },
          spec: { ...echoTemplate, title: 'Echo that sleeps', idleTimeout: options.timeout ?? idleTimeout },
        },
      );
      if (!created.ok) throw new Error(`the idle template was refused: ${describeCreated(created)}`);
      await options.prepare?.(namespace);
    },
  });
  const { api, namespace, server, portalAs } = base;
  const browserAs = (username: string, name: string): Promise<ServiceBrowser> =>
    base.browserAs(username, name);

  const detail = async (username: string, name: string): Promise<ServiceInstanceDetail> => {
    const answer = await (
      await portalAs(username)
    ).json<ServiceInstanceDetail>(`/api/v1/namespaces/${namespace()}/service-instances/${name}`);
    if (answer.status !== 200) throw new Error(`the detail answered ${answer.status}`);
    return answer.body;
  };
  const read = (name: string): Promise<ServiceInstance> =>
    api.json<ServiceInstance>({
      path: `/apis/argovue.io/v1alpha1/namespaces/${namespace()}/serviceinstances/${name}`,
      as: 'argovue',
    });
  return {
    api,
    namespace,
    server,
    portalAs,
    startInstance: async (username, name) => {
      const portal = await portalAs(username);
      const created = await portal.send<ServiceInstanceActionResult>(
        'POST',
        `/api/v1/namespaces/${namespace()}/service-instances`,
        { name, template: { name: idleTemplateName }, inputs: {} },
      );
      if (created.status !== 201) throw new Error(`starting ${name} answered ${created.status}`);
    },
    read,
    detail,
    untilPhase: (name, phase, stopped) =>
      eventually(
        `${name} to be ${phase}`,
        async () => {
          const body = await detail('alice', name);
          return body.row.phase === phase && (stopped === undefined || body.row.stopped === stopped)
            ? body
            : undefined;
        },
        120_000,
      ),
    browserAs,
    untilServed: async (visitor, name) => {
      const alice = await browserAs('alice', name);
      await eventually(
        `${name} to serve its echo app`,
        async () => {
          if ((await visitor.echo()).status === 200) return true;
          const instance = await read(name);
          if (instance.spec.stopped === true) await alice.fetch('/', { headers: navigate });
          return undefined;
        },
        120_000,
      );
    },
  };
}
