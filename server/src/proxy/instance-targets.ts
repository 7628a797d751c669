// What the proxy knows about instances, from shared watch caches kept by ArgoVue itself (one watch
// per kind for every user): the ServiceInstances, and the EndpointSlices and pods of instances
// (selected by the argovue.io/instance label, which the EndpointSlice controller copies from the
// instance's Service). Answers are Map lookups; nothing is asked of the apiserver per request.
import { apiPath, kinds } from '../kube/api-paths.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import { idleStoppedAnnotation, parseKubeTime } from '../services/idle.ts';
import { creatorAnnotation } from '../services/instance-rows.ts';
import { WatchCache, type ObjectMeta } from '../kube/watch-cache.ts';
import {
  dialableEndpoints,
  instanceLabel,
  type CachedPod,
  type CachedSlice,
  type Endpoint,
} from './endpoints.ts';

interface Meta extends ObjectMeta {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  deletionTimestamp?: string;
}

export interface CachedInstance {
  namespace: string;
  name: string;
  stopped: boolean;
  phase: string | undefined;
  /** The controller's words for how it is doing ("0 of 1 ready", "stopped after 30 minutes without use"). */
  message: string | undefined;
  /** Set when it was stopped for being idle: a visit may start it again (wake.ts). */
  idleStopped: boolean;
  /** Who created it (argovue.io/created-by), named on the page of one who may not start it. */
  creator: string | undefined;
  /** status.lastActivityTime in Unix ms: the last use a replica recorded (activity-recorder.ts). */
  lastActivityAt: number | undefined;
}

export type InstanceTarget =
  /** The caches have not listed everything yet (ArgoVue just started): nothing can be said. */
  | { state: 'unknown' }
  | { state: 'missing' }
  | { state: 'stopped' | 'starting'; instance: CachedInstance }
  | { state: 'ready'; instance: CachedInstance; endpoint: Endpoint };

const selector = `labelSelector=${encodeURIComponent(instanceLabel)}`;

export class InstanceTargets {
  readonly #instances: WatchCache<CachedInstance>;
  readonly #slices: WatchCache<CachedSlice>;
  readonly #pods: WatchCache<CachedPod>;
  readonly #denied: ReadonlySet<string>;
  #turn = 0;
  #synced = false;

  /** `deniedAddresses`: never dialled even as a pod IP (the apiserver's own address). */
  constructor(api: KubeApi, log: (message: string) => void, deniedAddresses: ReadonlySet<string>) {
    this.#denied = deniedAddresses;
    this.#instances = new WatchCache<CachedInstance>(api, {
      path: apiPath(kinds.serviceInstances),
      log,
      project: (object: {
        metadata?: Meta;
        spec?: { stopped?: unknown };
        status?: { phase?: unknown; message?: unknown; lastActivityTime?: unknown };
      }) => ({
        namespace: object.metadata?.namespace ?? '',
        name: object.metadata?.name ?? '',
        stopped: object.spec?.stopped === true,
        phase: typeof object.status?.phase === 'string' ? object.status.phase : undefined,
        message: typeof object.status?.message === 'string' ? object.status.message : undefined,
        idleStopped: object.metadata?.annotations?.[idleStoppedAnnotation] !== undefined,
        creator: object.metadata?.annotations?.[creatorAnnotation],
        lastActivityAt: parseKubeTime(object.status?.lastActivityTime),
      }),
    });
    this.#slices = new WatchCache<CachedSlice>(api, {
      path: `${apiPath(kinds.endpointSlices)}?${selector}`,
      log,
      project: projectSlice,
    });
    this.#pods = new WatchCache<CachedPod>(api, {
      path: `${apiPath(kinds.pods)}?${selector}`,
      log,
      project: projectPod,
    });
  }

  start(): this {
    for (const cache of this.#caches()) cache.start();
    this.ready().then(
      () => (this.#synced = true),
      () => undefined,
    );
    return this;
  }

  async ready(): Promise<void> {
    await Promise.all(this.#caches().map((cache) => cache.ready()));
  }

  stop(): void {
    for (const cache of this.#caches()) cache.stop();
  }

  /** Whether every cache has listed once (before that, a missing instance may only be unread). */
  get synced(): boolean {
    return this.#synced;
  }

  /** The instance as cached, whatever its state (undefined until listed, or when missing). */
  instance(namespace: string, name: string): CachedInstance | undefined {
    return this.#synced ? this.#instances.get(namespace, name) : undefined;
  }

  /** The pods of an instance, for the page of one that is starting. */
  podsOf(namespace: string, name: string): CachedPod[] {
    return [...this.#pods.inNamespace(namespace)].filter((p) => p.instance === name);
  }

  /** Where `namespace/name` can be reached now; ready endpoints are taken in turn. */
  resolve(namespace: string, name: string): InstanceTarget {
    if (!this.#synced) return { state: 'unknown' };
    const instance = this.#instances.get(namespace, name);
    if (instance === undefined) return { state: 'missing' };
    if (instance.stopped) return { state: 'stopped', instance };
    const endpoints = dialableEndpoints(
      namespace,
      name,
      this.#slices.inNamespace(namespace),
      (ns, pod) => this.#pods.get(ns, pod),
      this.#denied,
    );
    const endpoint = endpoints[this.#turn++ % Math.max(endpoints.length, 1)];
    return endpoint === undefined ? { state: 'starting', instance } : { state: 'ready', instance, endpoint };
  }

  #caches(): WatchCache<unknown>[] {
    return [this.#instances, this.#slices, this.#pods] as WatchCache<unknown>[];
  }
}

function projectSlice(object: {
  metadata?: Meta;
  ports?: { name?: unknown; port?: unknown; protocol?: unknown }[] | null;
  endpoints?:
    | {
        addresses?: unknown[];
        conditions?: { ready?: unknown };
        targetRef?: { kind?: unknown; namespace?: unknown; name?: unknown };
      }[]
    | null;
}): CachedSlice {
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  return {
    namespace: object.metadata?.namespace ?? '',
    service: object.metadata?.labels?.['kubernetes.io/service-name'],
    ports: (object.ports ?? []).map((p) => ({
      ...(text(p.name) === undefined ? {} : { name: text(p.name) }),
      ...(typeof p.port === 'number' ? { port: p.port } : {}),
      ...(text(p.protocol) === undefined ? {} : { protocol: text(p.protocol) }),
    })),
    endpoints: (object.endpoints ?? []).map((e) => {
      const ref = e.targetRef;
      return {
        addresses: (e.addresses ?? []).filter((a): a is string => typeof a === 'string'),
        ready: typeof e.conditions?.ready === 'boolean' ? e.conditions.ready : undefined,
        ...(ref === undefined
          ? {}
          : {
              targetRef: {
                ...(text(ref.kind) === undefined ? {} : { kind: text(ref.kind) }),
                ...(text(ref.namespace) === undefined ? {} : { namespace: text(ref.namespace) }),
                ...(text(ref.name) === undefined ? {} : { name: text(ref.name) }),
              },
            }),
      };
    }),
  } as CachedSlice;
}

function projectPod(object: {
  metadata?: Meta;
  status?: {
    phase?: unknown;
    podIP?: unknown;
    podIPs?: { ip?: unknown }[];
    conditions?: { type?: unknown; status?: unknown }[];
  };
}): CachedPod {
  const ips = new Set<string>();
  if (typeof object.status?.podIP === 'string') ips.add(object.status.podIP);
  for (const { ip } of object.status?.podIPs ?? []) if (typeof ip === 'string') ips.add(ip);
  return {
    namespace: object.metadata?.namespace ?? '',
    name: object.metadata?.name ?? '',
    instance: object.metadata?.labels?.[instanceLabel],
    ips: [...ips],
    ready: (object.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    deleting: object.metadata?.deletionTimestamp !== undefined,
    ...(typeof object.status?.phase === 'string' ? { phase: object.status.phase } : {}),
  };
}
