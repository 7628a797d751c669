// Authorization decisions for reads served from shared caches. Kubernetes decides: a
// SelfSubjectAccessReview made as the user (impersonated) answers "may this user do verb on
// resource in namespace?". Decisions are reused for `ttlMs`, so a cached read costs one Map lookup,
// and identical questions asked at the same time share one review.
import { createHash } from 'node:crypto';
import type { KubeIdentity } from '../auth/identity.ts';
import type { KubeApi } from './kube-api.ts';
import { apiPath, kinds } from './api-paths.ts';

export interface ResourceAttributes {
  verb: 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

interface Decision {
  allowed: boolean;
  expiresAt: number;
}

interface SelfSubjectAccessReview {
  status?: { allowed?: boolean };
}

const maxEntries = 200_000;

export class AccessReviewer {
  readonly #api: KubeApi;
  readonly #ttlMs: number;
  readonly #decisions = new Map<string, Decision>();
  readonly #pending = new Map<string, Promise<boolean>>();
  /** Reviews sent to the apiserver, for benchmarks and tests. */
  reviewsSent = 0;

  constructor(api: KubeApi, ttlMs: number) {
    this.#api = api;
    this.#ttlMs = ttlMs;
  }

  async can(identity: KubeIdentity, attributes: ResourceAttributes): Promise<boolean> {
    const key = `${identityKey(identity)}|${attributesKey(attributes)}`;
    const now = Date.now();
    const cached = this.#decisions.get(key);
    if (cached !== undefined && cached.expiresAt > now) return cached.allowed;
    const pending = this.#pending.get(key);
    if (pending !== undefined) return pending;
    const review = this.#review(identity, attributes)
      .then((allowed) => {
        if (this.#ttlMs > 0) this.#remember(key, { allowed, expiresAt: Date.now() + this.#ttlMs });
        return allowed;
      })
      .finally(() => this.#pending.delete(key));
    this.#pending.set(key, review);
    return review;
  }

  async #review(identity: KubeIdentity, attributes: ResourceAttributes): Promise<boolean> {
    this.reviewsSent++;
    const review = await this.#api.json<SelfSubjectAccessReview>({
      method: 'POST',
      path: apiPath(kinds.selfSubjectAccessReviews),
      as: identity,
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: attributes },
      },
    });
    return review.status?.allowed === true;
  }

  #remember(key: string, decision: Decision): void {
    if (this.#decisions.size >= maxEntries) {
      const now = Date.now();
      for (const [k, d] of this.#decisions) if (d.expiresAt <= now) this.#decisions.delete(k);
      // Still full of live entries: drop the oldest (Map keeps insertion order).
      if (this.#decisions.size >= maxEntries) {
        const oldest = this.#decisions.keys().next();
        if (oldest.done !== true) this.#decisions.delete(oldest.value);
      }
    }
    this.#decisions.set(key, decision);
  }
}

const identityKeys = new WeakMap<KubeIdentity, string>();

/** A short stable key of user + groups (hundreds of groups make a long string; hash it once per identity object). */
function identityKey(identity: KubeIdentity): string {
  let key = identityKeys.get(identity);
  if (key === undefined) {
    key = createHash('sha256')
      .update(identity.username)
      .update('\0')
      .update([...identity.groups].sort().join('\0'))
      .digest('base64url');
    identityKeys.set(identity, key);
  }
  return key;
}

function attributesKey(a: ResourceAttributes): string {
  return [a.verb, a.group, a.resource, a.subresource ?? '', a.namespace ?? '', a.name ?? ''].join('|');
}
