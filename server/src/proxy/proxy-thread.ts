// The authenticating proxy runs in a worker thread of its own (proxy-worker.ts): a V8 isolate with a
// heap of its own. Measured (README: the proxy): a proxied download allocates a buffer per socket
// read (Node's HTTP parser copies each body chunk), and V8 answers that external memory with major
// GCs, each marking its isolate's whole heap. Beside the API, that heap held the shared caches
// (40–52 MB at 20,000 workflows): the proxy's GC threads worked twice as long per GiB as
// configurable-http-proxy's and it downloaded at 0.84× its speed. In an isolate of its own a GC
// marks the proxy's few MB; and the API's event loop never waits behind the proxy's bytes, nor the
// proxy behind a big list.
//
// Two things cross between the threads: a logout made in the portal, which the proxy then refuses at
// once as before (other replicas learn it from the shared record), and each instance's last use,
// which the idle culler reads on this side. A thread that ends unexpectedly is started again: its
// connections are lost, the API is not.
import { Worker } from 'node:worker_threads';
import type { RevocationStore } from '../auth/revocation-store.ts';
import { proxyBaseUrl, publicOrigin } from '../config.ts';
import type { InstanceActivity } from './activity.ts';
import type { FromProxy, ProxyThreadData, ToProxy } from './proxy-worker.ts';

export interface ProxyThreadOptions extends Pick<ProxyThreadData, 'config' | 'namespace'> {
  /** Where the proxy's uses of instances are noted for the idle culler. */
  activity: InstanceActivity;
  /** The portal's logouts, told to the proxy as they are made. */
  logouts: Pick<RevocationStore, 'onRevoke'>;
  log: (message: string) => void;
  /** The thread's module (tests give one of their own). */
  entry?: URL;
}

/**
 * The thread's first lines, JavaScript rather than a module file: Node's compile cache holds per
 * thread and must be on before the first TypeScript module loads, else the thread loads Node's
 * TypeScript stripper even when every module is in the cache — 4 MB more heap (5.4 against 9.5 MB
 * for an empty thread, measured) for each of its GCs to mark.
 */
function entryScript(module: URL): string {
  return `require('node:module').enableCompileCache(); import(${JSON.stringify(module.href)});`;
}

const restartMs = { first: 1000, max: 30_000 };
/** A thread that listened this long before it ended is started again after the first wait. */
const healthyMs = 60_000;
/** How long a stop waits for the proxy to close its connections (it closes them all after 2 s). */
const stopMs = 5000;

export class ProxyThread {
  readonly #o: ProxyThreadOptions;
  #worker: Worker | undefined;
  #stopping = false;
  #restartIn = restartMs.first;
  #restart: NodeJS.Timeout | undefined;
  /** Whether a thread ever listened: until then an end is the start's failure, told to its caller. */
  #started = false;

  constructor(options: ProxyThreadOptions) {
    this.#o = options;
    options.logouts.onRevoke((sid, expiresAt) => this.#tell({ type: 'revoked', sid, expiresAt }));
  }

  /** Starts the thread; settles once the proxy listens, or with why it could not (a port in use). */
  start(): Promise<void> {
    const { config, namespace } = this.#o;
    const data: ProxyThreadData = {
      config,
      namespace,
      base: proxyBaseUrl(config).href,
      portal: publicOrigin(config).href,
    };
    const entry = this.#o.entry ?? new URL('./proxy-worker.ts', import.meta.url);
    const worker = new Worker(entryScript(entry), { eval: true, workerData: data });
    this.#worker = worker;
    let listenedAt: number | undefined;
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromProxy) => {
        switch (message.type) {
          case 'listening':
            listenedAt = Date.now();
            this.#started = true;
            resolve();
            return;
          case 'log':
            this.#o.log(message.message);
            return;
          case 'used':
            for (const use of message.uses) this.#o.activity.touch(use.namespace, use.name, use.at);
            return;
          case 'stopped':
            return;
        }
      });
      worker.on('error', (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        this.#o.log(`the proxy's thread failed: ${failure.stack ?? failure.message}`);
        reject(failure);
      });
      worker.on('exit', (code) => {
        if (this.#worker === worker) this.#worker = undefined;
        reject(new Error(`the proxy's thread ended (${code}) before it listened`));
        if (this.#stopping || !this.#started) return;
        if (listenedAt !== undefined && Date.now() - listenedAt >= healthyMs)
          this.#restartIn = restartMs.first;
        this.#startLater();
      });
    });
  }

  /** Stops the proxy: it stops accepting, and its open exchanges end (all of them after 2 s). */
  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#restart);
    const worker = this.#worker;
    if (worker === undefined) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const late = setTimeout(() => {
      worker.terminate().catch(() => undefined);
    }, stopMs);
    this.#tell({ type: 'stop' });
    await exited;
    clearTimeout(late);
  }

  #tell(message: ToProxy): void {
    this.#worker?.postMessage(message);
  }

  #startLater(): void {
    const wait = this.#restartIn;
    this.#restartIn = Math.min(wait * 2, restartMs.max);
    this.#o.log(`the proxy's thread ended: starting it again in ${wait / 1000} s`);
    this.#restart = setTimeout(() => {
      // Its end, if it fails, starts it again later (the exit handler above).
      this.start().catch((error: unknown) =>
        this.#o.log(`the proxy's thread did not start again: ${String(error)}`),
      );
    }, wait);
    this.#restart.unref();
  }
}
