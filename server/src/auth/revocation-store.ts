// Logged-out sessions, shared by every replica through one ConfigMap in ArgoVue's namespace
// (`argovue-revoked-sessions`: session id → expiry in Unix seconds). A sealed cookie stays valid
// until it expires, so a copy kept from before a logout must be refused by every replica, not just
// the one that saw the logout. Each replica watches the ConfigMap; the one that logs a user out
// adds the id (and drops expired ids) with a merge patch, as ArgoVue itself.
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { WatchCache } from '../kube/watch-cache.ts';

export const revokedSessionsConfigMap = 'argovue-revoked-sessions';

interface ConfigMap {
  metadata?: { name?: string; namespace?: string };
  data?: Record<string, string>;
}

export class RevocationStore {
  readonly #api: KubeApi;
  readonly #namespace: string;
  readonly #local = new Map<string, number>();
  readonly #shared: WatchCache<Record<string, string>>;
  readonly #log: (message: string) => void;

  constructor(api: KubeApi, namespace: string, log: (message: string) => void) {
    this.#api = api;
    this.#namespace = namespace;
    this.#log = log;
    this.#shared = new WatchCache<Record<string, string>>(api, {
      path: `/api/v1/namespaces/${namespace}/configmaps?fieldSelector=metadata.name%3D${revokedSessionsConfigMap}`,
      project: (object: ConfigMap) => object.data ?? {},
      log,
    }).start();
  }

  ready(): Promise<void> {
    return this.#shared.ready();
  }

  isRevoked(sid: string): boolean {
    if (this.#local.has(sid)) return true;
    return this.#shared.get(this.#namespace, revokedSessionsConfigMap)?.[sid] !== undefined;
  }

  /** Refuses the session here at once, and on every replica once the patch is through. */
  async revoke(sid: string, expiresAt: number): Promise<void> {
    const now = Date.now() / 1000;
    this.#local.set(sid, expiresAt);
    for (const [id, at] of this.#local) if (at < now) this.#local.delete(id);
    const data: Record<string, string | null> = { [sid]: String(expiresAt) };
    const current = this.#shared.get(this.#namespace, revokedSessionsConfigMap) ?? {};
    for (const [id, at] of Object.entries(current)) if (Number(at) < now) data[id] = null;
    const path = `/api/v1/namespaces/${this.#namespace}/configmaps`;
    try {
      await this.#api.json({
        method: 'PATCH',
        path: `${path}/${revokedSessionsConfigMap}`,
        contentType: 'application/merge-patch+json',
        body: { data },
      });
    } catch (error) {
      if (!(error instanceof KubeError && error.status === 404)) {
        this.#log(`could not share the logout of a session with other replicas: ${String(error)}`);
        return;
      }
      await this.#api
        .json({
          method: 'POST',
          path,
          body: {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: revokedSessionsConfigMap },
            data: { [sid]: String(expiresAt) },
          },
        })
        .catch((createError: unknown) => this.#log(`could not record a logout: ${String(createError)}`));
    }
  }

  stop(): void {
    this.#shared.stop();
  }
}
