// Whether the Kubernetes API can be used, known without asking it on every request: the shared watch
// caches say whether their last call succeeded (a lost apiserver ends their watches at once), and a
// probe of the apiserver's own /readyz every few seconds notices what a watch held open does not
// (etcd gone behind a running apiserver). Public endpoints answer from this state: one request per
// interval whatever the traffic, and the apiserver's error text goes to the log, never to a client.
import type { ClusterInfo } from '@argovue/api-types';
import type { KubeApi } from './kube-api.ts';

/** Something that knows whether its own last call to the apiserver succeeded (a watch cache). */
export interface HealthSource {
  readonly healthy: boolean;
}

export interface ClusterHealthOptions {
  /** How often the apiserver's /readyz is asked (default 3 s). */
  intervalMs?: number;
  /** An answer slower than this counts as none (default 2.5 s): a hung apiserver is unreachable. */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export class ClusterHealth {
  readonly #api: KubeApi;
  readonly #sources: readonly HealthSource[];
  readonly #intervalMs: number;
  readonly #timeoutMs: number;
  readonly #log: (message: string) => void;
  #probeOk = false;
  #probed = false;
  #gitVersion: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #probing = false;

  constructor(api: KubeApi, sources: readonly HealthSource[], options: ClusterHealthOptions = {}) {
    this.#api = api;
    this.#sources = sources;
    this.#intervalMs = options.intervalMs ?? 3000;
    this.#timeoutMs = options.timeoutMs ?? 2500;
    this.#log = options.log ?? (() => undefined);
  }

  start(): this {
    this.probe();
    this.#timer = setInterval(() => this.probe(), this.#intervalMs);
    this.#timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** The cluster as the public endpoints tell it: reachable only if the probe and every cache say so. */
  get state(): ClusterInfo {
    const reachable = this.#probeOk && this.#sources.every((source) => source.healthy);
    return this.#gitVersion === undefined ? { reachable } : { reachable, gitVersion: this.#gitVersion };
  }

  /** Asks the apiserver now (one at a time; never rejects). */
  probe(): void {
    if (this.#probing) return;
    this.#probing = true;
    this.#ask()
      .then(
        () => this.#set(true),
        (error: unknown) => this.#set(false, error),
      )
      .finally(() => (this.#probing = false));
  }

  async #ask(): Promise<void> {
    const signal = AbortSignal.timeout(this.#timeoutMs);
    // /readyz includes the apiserver's own check of etcd; any status >= 400 rejects.
    const res = await this.#api.stream({ path: '/readyz', accept: 'text/plain', as: 'argovue', signal });
    res.resume();
    if (this.#gitVersion === undefined) {
      const version = await this.#api.json<{ gitVersion?: unknown }>({
        path: '/version',
        as: 'argovue',
        signal,
      });
      if (typeof version.gitVersion === 'string') this.#gitVersion = version.gitVersion;
    }
  }

  /** Logs each change (and a first failure), not every probe. */
  #set(ok: boolean, error?: unknown): void {
    if (!ok && (this.#probeOk || !this.#probed))
      this.#log(
        `the Kubernetes API is unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
    if (ok && !this.#probeOk && this.#probed) this.#log('the Kubernetes API answers again');
    this.#probed = true;
    this.#probeOk = ok;
  }
}
