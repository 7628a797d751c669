// Logged-out sessions, shared by every replica through ConfigMaps in ArgoVue's own namespace. A sealed
// cookie stays valid until it expires, so a copy kept from before a logout must be refused by every
// replica, not just the one that saw the logout. Each replica watches the ConfigMaps; the one that
// logs a user out adds the session id, as ArgoVue itself.
//
// One ConfigMap cannot hold them all: an object stops at what etcd takes (~1.5 MiB, some 35,000
// logouts), and past that every patch fails and replicas silently stop sharing logouts. (The
// apiserver's own 1 MiB limit on a ConfigMap counts only the values, not the keys, so it is not what
// stops it.) So revocations are filed by when the session expires, in buckets of `bucketSeconds`:
// `argovue-revoked-sessions-<bucket end>-<shard>` (session id → expiry in Unix seconds). A session's
// bucket follows from its own expiry, so a check is one or two map lookups; a shard holding
// `maxEntriesPerShard` spills into the next; a bucket whose end has passed names only expired
// sessions and is deleted whole. What is kept is bounded by the logouts of one session lifetime, in
// objects of at most ~800 KB each.
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { WatchCache } from '../kube/watch-cache.ts';
import { apiPath, kinds } from '../kube/api-paths.ts';

export const revokedSessionsLabel = 'argovue.dev/revoked-sessions';
const namePrefix = 'argovue-revoked-sessions-';
export const bucketSeconds = 15 * 60;
// ~40 bytes each as JSON: about 800 KB, well under etcd's limit even if two replicas add at once.
export const maxEntriesPerShard = 20_000;
// 64 shards of a 15-minute bucket is far past any real rate, and keeps a broken apiserver answer from
// making us create objects without end.
const maxShards = 64;
// Deleting expired buckets is done a few at a time, by whichever replica records the next logout.
const maxDeletesPerLogout = 8;

interface ConfigMap {
  metadata?: { name?: string; namespace?: string };
  data?: Record<string, string>;
}

interface Shard {
  name: string;
  /** Unix seconds: every session in it has expired by then. */
  bucketEnd: number;
  sids: ReadonlyMap<string, string>;
}

/** The end of the bucket a session expiring at `expiresAt` (Unix seconds) is filed in. */
export function bucketEndOf(expiresAt: number): number {
  return Math.ceil(expiresAt / bucketSeconds) * bucketSeconds;
}

export function shardName(bucketEnd: number, shard: number): string {
  return `${namePrefix}${bucketEnd}-${shard}`;
}

function shardOf(object: ConfigMap): Shard {
  const name = object.metadata?.name ?? '';
  const match = /^argovue-revoked-sessions-(\d+)-\d+$/.exec(name);
  return {
    name,
    // A name we did not make is treated as expired: it is swept, never trusted.
    bucketEnd: match?.[1] === undefined ? 0 : Number(match[1]),
    sids: new Map(Object.entries(object.data ?? {})),
  };
}

export class RevocationStore {
  readonly #api: KubeApi;
  readonly #namespace: string;
  readonly #local = new Map<string, number>();
  readonly #shared: WatchCache<Shard>;
  readonly #log: (message: string) => void;
  readonly #listeners: ((sid: string, expiresAt: number) => void)[] = [];

  constructor(api: KubeApi, namespace: string, log: (message: string) => void) {
    this.#api = api;
    this.#namespace = namespace;
    this.#log = log;
    this.#shared = new WatchCache<Shard>(api, {
      // The cache's list and watch take no query of their own: the selector rides on the path.
      path: `${apiPath(kinds.configMaps, { namespace })}?labelSelector=${encodeURIComponent(revokedSessionsLabel)}`,
      project: shardOf,
      log,
    }).start();
  }

  ready(): Promise<void> {
    return this.#shared.ready();
  }

  /** Whether the session `sid`, which expires at `expiresAt`, was logged out here or on any replica. */
  isRevoked(sid: string, expiresAt: number): boolean {
    if (this.#local.has(sid)) return true;
    const bucketEnd = bucketEndOf(expiresAt);
    for (let shard = 0; shard < maxShards; shard++) {
      const found = this.#shared.get(this.#namespace, shardName(bucketEnd, shard));
      if (found === undefined) return false;
      if (found.sids.has(sid)) return true;
    }
    return false;
  }

  /** Refuses the session here at once, and on every replica once it is recorded. */
  async revoke(sid: string, expiresAt: number): Promise<void> {
    const now = Date.now() / 1000;
    this.refuseHere(sid, expiresAt, now);
    for (const listener of this.#listeners) listener(sid, expiresAt);
    try {
      await this.#record(sid, expiresAt);
    } catch (error) {
      this.#log(`could not share the logout of a session with other replicas: ${String(error)}`);
    }
    await this.#deleteExpiredBuckets(now);
  }

  /**
   * Refuses the session in this store at once, without recording it: for a store of this replica's
   * that another part told of a logout (the proxy's thread, proxy-thread.ts).
   */
  refuseHere(sid: string, expiresAt: number, now = Date.now() / 1000): void {
    this.#local.set(sid, expiresAt);
    for (const [id, at] of this.#local) if (at < now) this.#local.delete(id);
  }

  /** Told of each logout made here, as it is made (before other replicas hear of it). */
  onRevoke(listener: (sid: string, expiresAt: number) => void): void {
    this.#listeners.push(listener);
  }

  async #record(sid: string, expiresAt: number): Promise<void> {
    const bucketEnd = bucketEndOf(expiresAt);
    const path = apiPath(kinds.configMaps, { namespace: this.#namespace });
    // Start at the first shard this replica does not know to be full.
    let shard = 0;
    while (
      shard + 1 < maxShards &&
      (this.#shared.get(this.#namespace, shardName(bucketEnd, shard))?.sids.size ?? 0) >= maxEntriesPerShard
    )
      shard++;
    const data = { [sid]: String(expiresAt) };
    // Bounded: each round either moves to the next shard or follows another replica's create.
    for (let round = 0; round < 2 * maxShards && shard < maxShards; round++) {
      const name = shardName(bucketEnd, shard);
      try {
        await this.#api.json({
          as: 'argovue',
          method: 'PATCH',
          path: `${path}/${name}`,
          contentType: 'application/merge-patch+json',
          body: { data },
        });
        return;
      } catch (error) {
        if (!(error instanceof KubeError)) throw error;
        // Full after all (another replica filled it meanwhile, or etcd's limit came first): 422
        // "Too long", 413, or etcd's "request is too large" as a 500.
        if (
          error.status === 422 ||
          error.status === 413 ||
          /too large|larger than max/i.test(error.message)
        ) {
          shard++;
          continue;
        }
        if (error.status !== 404) throw error;
      }
      try {
        await this.#api.json({
          as: 'argovue',
          method: 'POST',
          path,
          body: {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name, labels: { [revokedSessionsLabel]: 'true' } },
            data,
          },
        });
        return;
      } catch (error) {
        // Another replica created it a moment ago: patch it on the next round.
        if (!(error instanceof KubeError && error.status === 409)) throw error;
      }
    }
    throw new Error(`no shard of the revocations expiring by ${bucketEnd} took the session`);
  }

  async #deleteExpiredBuckets(now: number): Promise<void> {
    const expired = [...this.#shared.values()].filter((shard) => shard.bucketEnd < now);
    for (const shard of expired.slice(0, maxDeletesPerLogout)) {
      await this.#api
        .json({
          as: 'argovue',
          method: 'DELETE',
          path: apiPath(kinds.configMaps, { namespace: this.#namespace, name: shard.name }),
        })
        .catch((error: unknown) => {
          if (!(error instanceof KubeError && error.status === 404))
            this.#log(`could not delete the expired revocations ${shard.name}: ${String(error)}`);
        });
    }
  }

  stop(): void {
    this.#shared.stop();
  }
}
