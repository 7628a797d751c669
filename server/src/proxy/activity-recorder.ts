// Every replica's proxy sees only its own users' requests, and only the leader culls (idle-culler.ts).
// So each replica writes the last use it saw into the instance's status.lastActivityTime, where the
// leader reads it: every `intervalMs`, for instances used more than `stepMs` after what the status
// already says (one write per instance a minute at most while it is in use, not one per request).
// The leader's own use is exact; another replica's reaches it at most stepMs + intervalMs late.
import { apiPath, kinds } from '../kube/api-paths.ts';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import type { InstanceActivity } from './activity.ts';
import type { CachedInstance } from './instance-targets.ts';

export interface ActivityRecorderOptions {
  api: KubeApi;
  activity: InstanceActivity;
  /** The instance as the proxy's cache holds it (undefined: deleted, or not listed yet). */
  instance: (namespace: string, name: string) => CachedInstance | undefined;
  /** Whether the caches have listed (before that, undefined does not mean deleted). */
  synced: () => boolean;
  log: (message: string) => void;
  intervalMs?: number;
  stepMs?: number;
}

export interface UseToRecord {
  namespace: string;
  name: string;
  at: number;
}

/** The uses worth a write: newer by at least `stepMs` than what the status (or our last write) says. */
export function usesToRecord(
  used: readonly UseToRecord[],
  recordedAt: (namespace: string, name: string) => number | undefined,
  stepMs: number,
): UseToRecord[] {
  return used.filter((u) => u.at - (recordedAt(u.namespace, u.name) ?? 0) >= stepMs);
}

export class ActivityRecorder {
  readonly #o: ActivityRecorderOptions;
  readonly #written = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #busy = false;

  constructor(options: ActivityRecorderOptions) {
    this.#o = options;
  }

  start(): this {
    this.#timer = setInterval(() => this.#tick(), this.#o.intervalMs ?? 15_000);
    this.#timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #recordedAt(namespace: string, name: string): number | undefined {
    const inStatus = this.#o.instance(namespace, name)?.lastActivityAt ?? 0;
    return Math.max(inStatus, this.#written.get(`${namespace}/${name}`) ?? 0);
  }

  #tick(): void {
    if (this.#busy || !this.#o.synced()) return;
    this.#busy = true;
    this.#recordAll()
      .catch((error: unknown) => this.#o.log(`proxy: recording activity failed: ${String(error)}`))
      .finally(() => (this.#busy = false));
  }

  async #recordAll(): Promise<void> {
    const used = this.#o.activity.usedSince(0);
    for (const { namespace, name } of used) {
      // A deleted instance's use is forgotten, so the map holds only instances that exist.
      if (this.#o.instance(namespace, name) === undefined) {
        this.#o.activity.forget(namespace, name);
        this.#written.delete(`${namespace}/${name}`);
      }
    }
    const due = usesToRecord(
      used.filter((u) => this.#o.instance(u.namespace, u.name) !== undefined),
      (namespace, name) => this.#recordedAt(namespace, name),
      this.#o.stepMs ?? 60_000,
    );
    for (const { namespace, name, at } of due) {
      try {
        await this.#o.api.json({
          method: 'PATCH',
          path: apiPath(kinds.serviceInstances, { namespace, name, subresource: 'status' }),
          contentType: 'application/merge-patch+json',
          body: { status: { lastActivityTime: new Date(at).toISOString() } },
          as: 'argovue',
        });
        this.#written.set(`${namespace}/${name}`, at);
      } catch (error) {
        if (!(error instanceof KubeError && error.status === 404)) throw error;
      }
    }
  }
}
