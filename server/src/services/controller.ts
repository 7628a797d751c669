// The ServiceInstance controller: while this replica holds the leader lease, every instance is turned
// into its Deployment, Service and claims (render.ts) by server-side apply as ArgoVue itself, in the
// instance's own namespace and of those kinds only, and its status says how it is doing. Deleting an
// instance deletes its objects through their owner references (the cluster's garbage collector).
// Instances, templates, the instances' Deployments and their pods come from shared watches; any change
// makes one more pass (no periodic resync); a ResourceQuota change makes a pass over the Pending
// instances of its namespace, whose words carry the quota's numbers. A Deployment that cannot get its
// pods says why (quota, scheduling) in the instance's status, in words. Objects are dry-run first, all of them, so a
// workload the apiserver refuses leaves nothing half-made.
import { apiPath, apiVersionOf, kinds } from '../kube/api-paths.ts';
import type { QuotaResource } from '@argovue/api-types';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { WatchCache } from '../kube/watch-cache.ts';
import { idleStopMessage, idleStoppedAnnotation, parseIdleTimeout } from './idle.ts';
import { IdleCuller } from './idle-culler.ts';
import { LeaderLease } from './leader-lease.ts';
import {
  projectDeployment,
  projectPod,
  type CachedDeployment,
  type CachedPod,
} from './controller-projections.ts';
import { pendingReason } from './pending-reason.ts';
import { restartedAtAnnotation } from './instances.ts';
import { instanceLabel, renderInstance, type RenderedObjects } from './render.ts';
import type {
  InstanceCondition,
  InstanceStatus,
  ServiceInstance,
  ServiceTemplateSpec,
} from './template-types.ts';

const fieldManager = 'argovue-services';

export interface ServiceControllerOptions {
  api: KubeApi;
  /** Where the leader lease lives (ArgoVue's own namespace). */
  leaseNamespace: string;
  identity: string;
  log: (message: string) => void;
  /** The URL an instance is opened at (the proxy's origin for it), when it has one. */
  urlOf?: (namespace: string, name: string) => string | undefined;
  /** When the proxy of this replica last saw the instance used (Unix ms): what idle culling reads. */
  lastUsedAt?: (namespace: string, name: string) => number | undefined;
  /** The namespace's ResourceQuota as the shared cache holds it: the numbers of a Pending reason. */
  quotaOf?: (namespace: string) => readonly QuotaResource[];
  /** Subscribes to changes of the namespaces' ResourceQuotas (the shared cache), returning the unsubscribe. */
  onQuotaChange?: (listener: (namespace: string) => void) => () => void;
  /** How often the leader looks for idle instances (ms). */
  idleCheckMs?: number;
}

interface CachedTemplate {
  spec: ServiceTemplateSpec | undefined;
}

const instanceSelector = `labelSelector=${encodeURIComponent(instanceLabel)}`;

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
  readonly #templates: WatchCache<CachedTemplate>;
  readonly #clusterTemplates: WatchCache<CachedTemplate>;
  readonly #deployments: WatchCache<CachedDeployment>;
  readonly #pods: WatchCache<CachedPod>;
  readonly #lease: LeaderLease;
  readonly #culler: IdleCuller;
  #busy = false;
  /** What the next pass looks at: every instance, or the Pending ones of namespaces whose quota changed. */
  #next: 'all' | Set<string> | undefined;
  #unsubscribeQuotas: (() => void) | undefined;

  constructor(options: ServiceControllerOptions) {
    this.#o = options;
    this.#instances = new WatchCache<ServiceInstance>(options.api, {
      path: apiPath(kinds.serviceInstances),
      project: (object) => object as ServiceInstance,
      log: options.log,
    });
    const template = (object: object): CachedTemplate => ({
      spec: (object as { spec?: ServiceTemplateSpec }).spec,
    });
    this.#templates = new WatchCache(options.api, {
      path: apiPath(kinds.serviceTemplates),
      project: template,
      log: options.log,
    });
    this.#clusterTemplates = new WatchCache(options.api, {
      path: apiPath(kinds.clusterServiceTemplates),
      project: template,
      log: options.log,
    });
    // Only what the controller made (the instance label), and only the fields its status needs.
    this.#deployments = new WatchCache(options.api, {
      path: `${apiPath(kinds.deployments)}?${instanceSelector}`,
      project: projectDeployment,
      log: options.log,
    });
    this.#pods = new WatchCache(options.api, {
      path: `${apiPath(kinds.pods)}?${instanceSelector}`,
      project: projectPod,
      log: options.log,
    });
    this.#culler = new IdleCuller({
      api: options.api,
      instances: () => this.#instances.values(),
      timeoutOf: (instance) => parseIdleTimeout(this.#template(instance)?.idleTimeout),
      lastUsedAt: options.lastUsedAt ?? (() => undefined),
      log: options.log,
      ...(options.idleCheckMs === undefined ? {} : { checkMs: options.idleCheckMs }),
    });
    this.#lease = new LeaderLease({
      api: options.api,
      namespace: options.leaseNamespace,
      name: 'argovue-service-controller',
      identity: options.identity,
      log: options.log,
      onStartedLeading: () => {
        options.log(`services: ${options.identity} leads; reconciling instances`);
        this.#culler.startLeading();
        this.#schedule();
      },
      onStoppedLeading: () => {
        this.#culler.stopLeading();
        options.log(`services: ${options.identity} no longer leads`);
      },
    });
  }

  get leading(): boolean {
    return this.#lease.leading;
  }

  #caches(): WatchCache<unknown>[] {
    return [
      this.#instances,
      this.#templates,
      this.#clusterTemplates,
      this.#deployments,
      this.#pods,
    ] as WatchCache<unknown>[];
  }

  start(): this {
    for (const cache of this.#caches()) {
      cache.start();
      cache.subscribe(() => this.#schedule());
    }
    // The quota's status changes with every pod of its namespace (workflows' too): only the instances
    // that say what the quota leaves are looked at again, not applied all over.
    this.#unsubscribeQuotas = this.#o.onQuotaChange?.((namespace) => this.#schedule(namespace));
    this.#lease.start();
    return this;
  }

  async stop(): Promise<void> {
    this.#culler.stopLeading();
    this.#unsubscribeQuotas?.();
    for (const cache of this.#caches()) cache.stop();
    await this.#lease.stop();
  }

  /**
   * One pass at a time; events during a pass make one more pass after it, over every instance, or
   * over the Pending instances of the namespaces named (`namespace`: one whose quota changed).
   */
  #schedule(namespace?: string): void {
    if (!this.#lease.leading) return;
    if (namespace === undefined) this.#next = 'all';
    else if (this.#next === undefined) this.#next = new Set([namespace]);
    else if (this.#next !== 'all') this.#next.add(namespace);
    if (!this.#busy) this.#pass();
  }

  #pass(): void {
    const scope = this.#next;
    if (scope === undefined) return;
    this.#next = undefined;
    this.#busy = true;
    this.#reconcileAll(scope)
      .catch((error: unknown) => this.#o.log(`services: reconcile failed: ${describe(error)}`))
      .finally(() => {
        this.#busy = false;
        this.#pass();
      });
  }

  async #reconcileAll(scope: 'all' | Set<string>): Promise<void> {
    // A pass before every cache has listed would take a missing template for a deleted one.
    await Promise.all(this.#caches().map((cache) => cache.ready()));
    for (const instance of [...this.#instances.values()]) {
      if (!this.#lease.leading) return;
      if (instance.metadata.deletionTimestamp !== undefined) continue;
      if (
        scope !== 'all' &&
        !(scope.has(instance.metadata.namespace ?? '') && instance.status?.phase === 'Pending')
      )
        continue;
      await this.#reconcile(instance).catch((error: unknown) =>
        this.#writeStatus(instance, { phase: 'Failed', message: describe(error) }, 'ApplyFailed'),
      );
    }
  }

  #template(instance: ServiceInstance): ServiceTemplateSpec | undefined {
    const { kind = 'ServiceTemplate', name } = instance.spec.template;
    return kind === 'ClusterServiceTemplate'
      ? this.#clusterTemplates.get(undefined, name)?.spec
      : this.#templates.get(instance.metadata.namespace, name)?.spec;
  }

  async #reconcile(instance: ServiceInstance): Promise<void> {
    const template = this.#template(instance);
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
    const restartedAt = instance.metadata.annotations?.[restartedAtAnnotation];
    if (restartedAt !== undefined) {
      // As `kubectl rollout restart` does it: a changed pod template annotation rolls the pods.
      const podTemplate = (
        rendered.objects.deployment['spec'] as { template: { metadata: Record<string, unknown> } }
      ).template;
      const annotations = (podTemplate.metadata['annotations'] ?? {}) as Record<string, string>;
      podTemplate.metadata['annotations'] = { ...annotations, [restartedAtAnnotation]: restartedAt };
    }
    // All objects dry-run first: one the apiserver refuses (an invalid workload) leaves none made.
    await this.#apply(rendered.objects, true);
    await this.#apply(rendered.objects, false);
    const namespace = instance.metadata.namespace ?? '';
    const name = instance.metadata.name;
    const deployment = this.#deployments.get(namespace, name);
    const wanted = instance.spec.stopped === true ? 0 : (deployment?.replicas ?? 1);
    const ready = deployment?.readyReplicas ?? 0;
    const phase =
      wanted === 0 ? (ready === 0 ? 'Stopped' : 'Stopping') : ready >= wanted ? 'Running' : 'Starting';
    const waiting =
      phase === 'Starting' && deployment !== undefined
        ? this.#waitingReason(namespace, name, deployment)
        : undefined;
    const url = this.#o.urlOf?.(namespace, name);
    const idle = await this.#idleStop(instance, template);
    await this.#writeStatus(
      instance,
      {
        phase: waiting === undefined ? phase : 'Pending',
        readyReplicas: ready,
        message: waiting ?? (wanted === 0 ? (idle ?? 'stopped') : `${ready} of ${wanted} ready`),
        ...(url === undefined ? {} : { url }),
      },
      waiting === undefined ? (idle === undefined ? phase : 'Idle') : 'Waiting',
    );
  }

  /** Why a starting instance's pods do not run, in words (pending-reason.ts), or undefined. */
  #waitingReason(namespace: string, name: string, deployment: CachedDeployment): string | undefined {
    const unschedulable = [...this.#pods.inNamespace(namespace)].find(
      (p) => p.instance === name && p.unschedulable !== undefined,
    );
    return pendingReason({
      namespace,
      replicaFailure: deployment.replicaFailure,
      unschedulable:
        unschedulable?.unschedulable === undefined
          ? undefined
          : { message: unschedulable.unschedulable, asks: unschedulable.asks },
      quota: this.#o.quotaOf?.(namespace) ?? [],
    });
  }

  /**
   * Why a stopped instance is stopped when it was for being idle ("stopped after 30 minutes without
   * use"). A mark left on a running instance (started with kubectl, which does not remove it) is
   * removed, so a later Stop is never taken for an idle stop that a visit may undo.
   */
  async #idleStop(instance: ServiceInstance, template: ServiceTemplateSpec): Promise<string | undefined> {
    const mark = instance.metadata.annotations?.[idleStoppedAnnotation];
    if (mark === undefined) return undefined;
    if (instance.spec.stopped !== true) {
      await this.#o.api.json({
        method: 'PATCH',
        path: apiPath(kinds.serviceInstances, {
          namespace: instance.metadata.namespace ?? '',
          name: instance.metadata.name,
        }),
        contentType: 'application/merge-patch+json',
        body: { metadata: { annotations: { [idleStoppedAnnotation]: null } } },
        as: 'argovue',
      });
      return undefined;
    }
    const timeoutMs = parseIdleTimeout(template.idleTimeout);
    return timeoutMs === undefined ? 'stopped for being idle' : idleStopMessage(timeoutMs);
  }

  async #apply(objects: RenderedObjects, dryRun: boolean): Promise<void> {
    for (const object of [...objects.claims, objects.service, objects.deployment]) {
      const { apiVersion, kind, metadata } = object as {
        apiVersion: string;
        kind: string;
        metadata: { name: string; namespace: string };
      };
      const type = {
        Deployment: kinds.deployments,
        Service: kinds.services,
        PersistentVolumeClaim: kinds.persistentVolumeClaims,
      }[kind];
      if (type === undefined || apiVersionOf(type) !== apiVersion)
        throw new Error(`the controller creates no ${kind} of ${apiVersion}`);
      await this.#o.api.json({
        method: 'PATCH',
        path: apiPath(type, { namespace: metadata.namespace, name: metadata.name }),
        query: { fieldManager, force: true, ...(dryRun ? { dryRun: 'All' } : {}) },
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
      path: apiPath(kinds.serviceInstances, {
        namespace: instance.metadata.namespace ?? '',
        name: instance.metadata.name,
        subresource: 'status',
      }),
      contentType: 'application/merge-patch+json',
      body: { status },
      as: 'argovue',
    });
  }
}
