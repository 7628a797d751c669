// The ServiceInstance controller: while this replica holds the leader lease, every instance is turned
// into its Deployment, Service and claims (render.ts) by server-side apply as ArgoVue itself, in the
// instance's own namespace and of those kinds only, and its status says how it is doing. Deleting an
// instance deletes its objects through their owner references (the cluster's garbage collector).
// Instances come from a shared watch; every instance is also looked at again every `resyncMs`, as the
// Deployment's readiness changes without an instance event (a watch of Deployments is the next step).
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { WatchCache } from '../kube/watch-cache.ts';
import { LeaderLease } from './leader-lease.ts';
import { renderInstance, type RenderedObjects } from './render.ts';
import type {
  InstanceCondition,
  InstanceStatus,
  ServiceInstance,
  ServiceTemplateSpec,
} from './template-types.ts';

const group = '/apis/argovue.io/v1alpha1';
const fieldManager = 'argovue-services';

export interface ServiceControllerOptions {
  api: KubeApi;
  /** Where the leader lease lives (ArgoVue's own namespace). */
  leaseNamespace: string;
  identity: string;
  log: (message: string) => void;
  /** The URL an instance is opened at, once the proxy exists. */
  urlOf?: (namespace: string, name: string) => string;
  resyncMs?: number;
}

interface DeploymentStatus {
  spec?: { replicas?: number };
  status?: { readyReplicas?: number };
}

function describe(error: unknown): string {
  return error instanceof KubeError
    ? `${error.reason}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);
}

/** Equal in what the controller writes (the apiserver may order fields differently). */
function sameStatus(a: InstanceStatus, b: InstanceStatus): boolean {
  const key = (s: InstanceStatus) => {
    const ready = s.conditions?.find((c) => c.type === 'Ready');
    return JSON.stringify([
      s.phase,
      s.readyReplicas,
      s.url,
      s.message,
      s.observedGeneration,
      ready?.status,
      ready?.reason,
      ready?.message,
    ]);
  };
  return key(a) === key(b);
}

export class ServiceInstanceController {
  readonly #o: ServiceControllerOptions;
  readonly #instances: WatchCache<ServiceInstance>;
  readonly #lease: LeaderLease;
  #timer: NodeJS.Timeout | undefined;
  #busy = false;
  #again = false;

  constructor(options: ServiceControllerOptions) {
    this.#o = options;
    this.#instances = new WatchCache<ServiceInstance>(options.api, {
      path: `${group}/serviceinstances`,
      project: (object) => object as ServiceInstance,
      log: options.log,
    });
    this.#lease = new LeaderLease({
      api: options.api,
      namespace: options.leaseNamespace,
      name: 'argovue-service-controller',
      identity: options.identity,
      log: options.log,
      onStartedLeading: () => {
        options.log(`services: ${options.identity} leads; reconciling instances`);
        this.#schedule();
      },
      onStoppedLeading: () => options.log(`services: ${options.identity} no longer leads`),
    });
  }

  get leading(): boolean {
    return this.#lease.leading;
  }

  start(): this {
    this.#instances.start();
    this.#instances.subscribe(() => this.#schedule());
    this.#lease.start();
    this.#timer = setInterval(() => this.#schedule(), this.#o.resyncMs ?? 3000);
    return this;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#instances.stop();
    await this.#lease.stop();
  }

  /** One pass at a time; an event during a pass makes one more pass after it. */
  #schedule(): void {
    if (!this.#lease.leading) return;
    if (this.#busy) {
      this.#again = true;
      return;
    }
    this.#busy = true;
    this.#reconcileAll()
      .catch((error: unknown) => this.#o.log(`services: reconcile failed: ${describe(error)}`))
      .finally(() => {
        this.#busy = false;
        if (this.#again) {
          this.#again = false;
          this.#schedule();
        }
      });
  }

  async #reconcileAll(): Promise<void> {
    for (const instance of [...this.#instances.values()]) {
      if (!this.#lease.leading) return;
      if (instance.metadata.deletionTimestamp !== undefined) continue;
      await this.#reconcile(instance).catch((error: unknown) =>
        this.#writeStatus(instance, { phase: 'Failed', message: describe(error) }, 'ApplyFailed'),
      );
    }
  }

  async #template(instance: ServiceInstance): Promise<ServiceTemplateSpec | undefined> {
    const { kind = 'ServiceTemplate', name } = instance.spec.template;
    const path =
      kind === 'ClusterServiceTemplate'
        ? `${group}/clusterservicetemplates/${name}`
        : `${group}/namespaces/${instance.metadata.namespace ?? ''}/servicetemplates/${name}`;
    try {
      return (await this.#o.api.json<{ spec: ServiceTemplateSpec }>({ path, as: 'argovue' })).spec;
    } catch (error) {
      if (error instanceof KubeError && error.status === 404) return undefined;
      throw error;
    }
  }

  async #reconcile(instance: ServiceInstance): Promise<void> {
    const template = await this.#template(instance);
    if (template === undefined) {
      const message = `the ${instance.spec.template.kind ?? 'ServiceTemplate'} ${instance.spec.template.name} does not exist`;
      await this.#writeStatus(instance, { phase: 'Failed', message }, 'TemplateNotFound');
      return;
    }
    const rendered = renderInstance(instance, template);
    if (!rendered.ok) {
      const message = rendered.problems
        .map((p) => (p.input ? `${p.input} ${p.message}` : p.message))
        .join('; ');
      await this.#writeStatus(instance, { phase: 'Failed', message }, rendered.reason);
      return;
    }
    await this.#apply(rendered.objects);
    const namespace = instance.metadata.namespace ?? '';
    const deployment = await this.#o.api.json<DeploymentStatus>({
      path: `/apis/apps/v1/namespaces/${namespace}/deployments/${instance.metadata.name}`,
      as: 'argovue',
    });
    const wanted = deployment.spec?.replicas ?? 0;
    const ready = deployment.status?.readyReplicas ?? 0;
    const phase =
      wanted === 0 ? (ready === 0 ? 'Stopped' : 'Stopping') : ready >= wanted ? 'Running' : 'Starting';
    const url = this.#o.urlOf?.(namespace, instance.metadata.name);
    await this.#writeStatus(
      instance,
      {
        phase,
        readyReplicas: ready,
        message: `${ready} of ${wanted} ready`,
        ...(url === undefined ? {} : { url }),
      },
      phase,
    );
  }

  async #apply(objects: RenderedObjects): Promise<void> {
    for (const object of [...objects.claims, objects.service, objects.deployment]) {
      const { apiVersion, kind, metadata } = object as {
        apiVersion: string;
        kind: string;
        metadata: { name: string; namespace: string };
      };
      const collection = {
        Deployment: 'deployments',
        Service: 'services',
        PersistentVolumeClaim: 'persistentvolumeclaims',
      }[kind];
      if (collection === undefined) throw new Error(`the controller creates no ${kind}`);
      const prefix = apiVersion === 'v1' ? '/api/v1' : `/apis/${apiVersion}`;
      await this.#o.api.json({
        method: 'PATCH',
        path: `${prefix}/namespaces/${metadata.namespace}/${collection}/${metadata.name}`,
        query: { fieldManager, force: true },
        contentType: 'application/apply-patch+yaml',
        body: object,
        as: 'argovue',
      });
    }
  }

  /** Writes the status when it changed (a write makes an event, which must not make another write). */
  async #writeStatus(instance: ServiceInstance, next: InstanceStatus, reason: string): Promise<void> {
    const previous = instance.status ?? {};
    const ready = next.phase === 'Running' || next.phase === 'Stopped';
    const condition: InstanceCondition = {
      type: 'Ready',
      status: ready ? 'True' : 'False',
      reason,
      message: next.message ?? '',
      lastTransitionTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(instance.metadata.generation === undefined
        ? {}
        : { observedGeneration: instance.metadata.generation }),
    };
    const old = previous.conditions?.find((c) => c.type === 'Ready');
    if (old?.status === condition.status) condition.lastTransitionTime = old.lastTransitionTime;
    const status: InstanceStatus = {
      ...next,
      ...(instance.metadata.generation === undefined
        ? {}
        : { observedGeneration: instance.metadata.generation }),
      conditions: [condition],
    };
    if (sameStatus(previous, status)) return;
    await this.#o.api.json({
      method: 'PATCH',
      path: `${group}/namespaces/${instance.metadata.namespace ?? ''}/serviceinstances/${instance.metadata.name}/status`,
      contentType: 'application/merge-patch+json',
      body: { status },
      as: 'argovue',
    });
  }
}
