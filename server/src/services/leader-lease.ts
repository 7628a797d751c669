// Leader election on a coordination.k8s.io Lease, as client-go's leaderelection does it: the holder
// renews the lease every `renewMs`; another replica takes it only once it has not been renewed for
// `leaseSeconds`. Every write names the resourceVersion it read, so two replicas racing for the same
// lease cannot both win (the apiserver answers 409 to the second).
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { apiPath, kinds } from '../kube/api-paths.ts';

interface Lease {
  metadata: { name: string; namespace: string; resourceVersion?: string };
  spec: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
    leaseTransitions?: number;
  };
}

export interface LeaderLeaseOptions {
  api: KubeApi;
  namespace: string;
  name: string;
  /** This replica, unique among them (e.g. pod name + random). */
  identity: string;
  leaseSeconds?: number;
  renewMs?: number;
  onStartedLeading: () => void;
  onStoppedLeading: () => void;
  log: (message: string) => void;
}

/** MicroTime as the apiserver writes it (RFC 3339 with microseconds). */
function microTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export class LeaderLease {
  readonly #o: Required<LeaderLeaseOptions>;
  #leading = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: LeaderLeaseOptions) {
    this.#o = { leaseSeconds: 15, renewMs: 2000, ...options };
  }

  get leading(): boolean {
    return this.#leading;
  }

  start(): void {
    const tick = (): void => {
      this.#tryAcquireOrRenew()
        .then((held) => this.#setLeading(held))
        .catch((error: unknown) => {
          // Not knowing is not holding: a replica that cannot renew stops acting before another takes over.
          this.#o.log(
            `leader lease ${this.#o.name}: ${error instanceof Error ? error.message : String(error)}`,
          );
          this.#setLeading(false);
        })
        .finally(() => {
          if (!this.#stopped) this.#timer = setTimeout(tick, this.#o.renewMs);
        });
    };
    tick();
  }

  /** Stops renewing and gives the lease up, so another replica need not wait for it to expire. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    if (this.#leading) {
      this.#setLeading(false);
      const lease = await this.#read().catch(() => undefined);
      if (lease?.spec.holderIdentity === this.#o.identity) {
        lease.spec = { ...lease.spec, holderIdentity: '', leaseDurationSeconds: 1 };
        await this.#write(lease).catch(() => undefined);
      }
    }
  }

  #setLeading(held: boolean): void {
    if (held === this.#leading) return;
    this.#leading = held;
    if (held) this.#o.onStartedLeading();
    else this.#o.onStoppedLeading();
  }

  get #path(): string {
    return apiPath(kinds.leases, { namespace: this.#o.namespace });
  }

  get #leasePath(): string {
    return apiPath(kinds.leases, { namespace: this.#o.namespace, name: this.#o.name });
  }

  async #read(): Promise<Lease | undefined> {
    try {
      return await this.#o.api.json<Lease>({ path: this.#leasePath, as: 'argovue' });
    } catch (error) {
      if (error instanceof KubeError && error.status === 404) return undefined;
      throw error;
    }
  }

  async #write(lease: Lease): Promise<boolean> {
    try {
      await this.#o.api.json({
        method: 'PUT',
        path: this.#leasePath,
        body: lease,
        as: 'argovue',
      });
      return true;
    } catch (error) {
      if (error instanceof KubeError && error.status === 409) return false;
      throw error;
    }
  }

  async #tryAcquireOrRenew(): Promise<boolean> {
    const now = new Date();
    const { identity, leaseSeconds, namespace, name } = this.#o;
    const lease = await this.#read();
    if (lease === undefined) {
      const body: Lease = {
        metadata: { name, namespace },
        spec: {
          holderIdentity: identity,
          leaseDurationSeconds: leaseSeconds,
          acquireTime: microTime(now),
          renewTime: microTime(now),
          leaseTransitions: 0,
        },
      };
      try {
        await this.#o.api.json({ method: 'POST', path: this.#path, body, as: 'argovue' });
        return true;
      } catch (error) {
        if (error instanceof KubeError && error.status === 409) return false;
        throw error;
      }
    }
    const holder = lease.spec.holderIdentity ?? '';
    const renewed = Date.parse(lease.spec.renewTime ?? '') || 0;
    const expired = renewed + (lease.spec.leaseDurationSeconds ?? leaseSeconds) * 1000 < now.getTime();
    if (holder !== identity && holder !== '' && !expired) return false;
    const transition = holder !== identity;
    lease.spec = {
      ...lease.spec,
      holderIdentity: identity,
      leaseDurationSeconds: leaseSeconds,
      renewTime: microTime(now),
      ...(transition
        ? { acquireTime: microTime(now), leaseTransitions: (lease.spec.leaseTransitions ?? 0) + 1 }
        : {}),
    };
    return this.#write(lease);
  }
}
