// Idle culling: while this replica leads, an instance whose template sets an idleTimeout and that has
// gone unused through the proxy for that long is stopped — the user's Stop (spec.stopped, scale to
// zero), made as ArgoVue, marked with idleStoppedAnnotation so the status says why and the next visit
// may start it again (proxy/wake.ts). Only the leader culls, so replicas never fight over an instance.
//
// "Last used" is the newest of: what this replica's proxy saw (exact for one replica), what any replica
// recorded in status.lastActivityTime (proxy/activity-recorder.ts: at most a minute or so behind), the
// time it became ready (an instance never used counts from there), and the time this replica began to
// lead (use a former leader saw and had not recorded is unknown: a new leader never culls at once).
// With several replicas, use seen only by another replica may be up to that recording lag late here,
// so a timeout shorter than about two minutes can stop an instance in use on another replica.
import { apiPath, kinds } from '../kube/api-paths.ts';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { idleStoppedAnnotation, isIdle, parseKubeTime } from './idle.ts';
import type { ServiceInstance } from './template-types.ts';

export interface IdleCullerOptions {
  api: KubeApi;
  /** The instances as the controller's cache holds them. */
  instances: () => Iterable<ServiceInstance>;
  /** The idle timeout of the instance's template in ms, or undefined for none. */
  timeoutOf: (instance: ServiceInstance) => number | undefined;
  /** The last use this replica's proxy saw (Unix ms). */
  lastUsedAt: (namespace: string, name: string) => number | undefined;
  log: (message: string) => void;
  /** How often instances are looked at while leading. */
  checkMs?: number;
}

/** Since when a Running instance has been ready: its Ready condition's last transition. */
export function readySinceOf(instance: ServiceInstance): number | undefined {
  if (instance.status?.phase !== 'Running') return undefined;
  const ready = instance.status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  return parseKubeTime(ready?.lastTransitionTime);
}

export class IdleCuller {
  readonly #o: IdleCullerOptions;
  #timer: NodeJS.Timeout | undefined;
  #leadingSince = 0;
  #busy = false;

  constructor(options: IdleCullerOptions) {
    this.#o = options;
  }

  startLeading(now = Date.now()): void {
    this.stopLeading();
    this.#leadingSince = now;
    // A look a second costs a pass over the cached instances; a timeout is seconds at the least.
    this.#timer = setInterval(() => this.#tick(), this.#o.checkMs ?? 1000);
    this.#timer.unref();
  }

  stopLeading(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** The instances due to be stopped now. */
  due(now = Date.now()): { instance: ServiceInstance; timeoutMs: number }[] {
    const due: { instance: ServiceInstance; timeoutMs: number }[] = [];
    for (const instance of this.#o.instances()) {
      if (instance.spec.stopped === true || instance.metadata.deletionTimestamp !== undefined) continue;
      if (instance.status?.phase !== 'Running') continue;
      const timeoutMs = this.#o.timeoutOf(instance);
      if (timeoutMs === undefined) continue;
      const namespace = instance.metadata.namespace ?? '';
      const idle = isIdle({
        timeoutMs,
        lastUsedHere: this.#o.lastUsedAt(namespace, instance.metadata.name),
        lastUsedRecorded: parseKubeTime(instance.status.lastActivityTime),
        readySince: readySinceOf(instance),
        leadingSince: this.#leadingSince,
        now,
      });
      if (idle) due.push({ instance, timeoutMs });
    }
    return due;
  }

  #tick(): void {
    if (this.#busy || this.#timer === undefined) return;
    this.#busy = true;
    this.#cullDue()
      .catch((error: unknown) => this.#o.log(`services: idle culling failed: ${String(error)}`))
      .finally(() => (this.#busy = false));
  }

  async #cullDue(): Promise<void> {
    for (const { instance, timeoutMs } of this.due()) {
      if (this.#timer === undefined) return;
      await this.#stop(instance, timeoutMs);
    }
  }

  /** The user's Stop, as ArgoVue; only if nobody changed the instance since the cache read it. */
  async #stop(instance: ServiceInstance, timeoutMs: number): Promise<void> {
    const { namespace = '', name, resourceVersion } = instance.metadata;
    try {
      await this.#o.api.json({
        method: 'PATCH',
        path: apiPath(kinds.serviceInstances, { namespace, name }),
        contentType: 'application/merge-patch+json',
        body: {
          // The version makes it a precondition: a Start or Stop made meanwhile wins (409, next look).
          metadata: {
            ...(resourceVersion === undefined ? {} : { resourceVersion }),
            annotations: { [idleStoppedAnnotation]: new Date().toISOString() },
          },
          spec: { stopped: true },
        },
        as: 'argovue',
      });
      this.#o.log(`services: stopped ${namespace}/${name}: unused for ${timeoutMs / 1000} s`);
    } catch (error) {
      if (error instanceof KubeError && (error.status === 409 || error.status === 404)) return;
      throw error;
    }
  }
}
