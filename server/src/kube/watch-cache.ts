// A shared cache of one kind of object, kept current by list + watch as ArgoVue itself: one apiserver
// watch per kind, however many users look. Resumable: it keeps the last resourceVersion, resumes the
// watch from it, lists again on 410 Gone, backs off on errors, and never silently stops.
// Objects are stored as `project(object)`, so the cache holds only the fields ArgoVue shows.
// A relist (after 410 Gone, or an outage) emits only what changed: an object whose resourceVersion is
// the one already held is not sent again, so live streams neither repeat nor lose an event.
import { createInterface } from 'node:readline';
import { KubeError, type KubeApi, type KubeRequest } from './kube-api.ts';
import { readList, type FieldPick, type ListMetadata } from './list-stream.ts';

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  resourceVersion?: string;
  uid?: string;
}

interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: { metadata?: ObjectMeta; code?: number; message?: string };
}

export type CacheEvent<T> =
  { type: 'upsert'; key: string; value: T } | { type: 'delete'; key: string; value: T };

export interface WatchCacheOptions<T> {
  /** Collection path, e.g. /api/v1/namespaces or /apis/argoproj.io/v1alpha1/workflows */
  path: string;
  project: (object: { metadata?: ObjectMeta }) => T;
  log?: (message: string) => void;
  /**
   * Only the objects this field selector matches (`metadata.name=x`: one object, watched alone), in
   * the list and the watch alike.
   */
  fieldSelector?: string;
  /** Ask for metadata only (PartialObjectMetadata): far less data when no other field is needed. */
  metadataOnly?: boolean;
  /**
   * The fields of each listed object the projection reads (with metadata's name, namespace and
   * resourceVersion): only these are parsed, never the whole object. Default: all of it.
   */
  fields?: FieldPick;
  /** Objects in the first page of a list (default 500); the rest comes in one answer. */
  pageSize?: number;
  /** How long one watch request lasts before it is made again from the last version (default 300). */
  watchSeconds?: number;
  /**
   * `ready()` resolves once the first page of the first list is in, not the whole list: the rest is
   * read behind it (`complete` says when), each object told as an upsert as it comes. For a kind with
   * tens of thousands of objects, whose full list takes the apiserver seconds to serialise.
   */
  readyAfterFirstPage?: boolean;
}

// Retries after a failure start at the first and double up to the last: an outage is noticed at once,
// and the cache is back within a few seconds of the apiserver, without hammering it meanwhile.
const firstBackoffMs = 250;
const maxBackoffMs = 4000;

export class WatchCache<T> {
  readonly #api: KubeApi;
  readonly #options: WatchCacheOptions<T>;
  readonly #items = new Map<string, T>();
  readonly #byNamespace = new Map<string, Map<string, T>>();
  readonly #listeners = new Set<(event: CacheEvent<T>) => void>();
  /** The resourceVersion of each object held: what a relist compares with. */
  readonly #versions = new Map<string, string>();
  #resourceVersion: string | undefined;
  #healthy = false;
  #failed = false;
  /** The rest of a list in one answer failed once (a timeout, say): read it in pages from then on. */
  #restInPages = false;
  #lists = 0;
  #stopped = false;
  #abort = new AbortController();
  #ready: Promise<void>;
  #markReady: () => void = () => undefined;

  constructor(api: KubeApi, options: WatchCacheOptions<T>) {
    this.#api = api;
    this.#options = options;
    this.#ready = new Promise((resolve) => (this.#markReady = resolve));
  }

  start(): this {
    // #run handles every failure of the apiserver itself; this catches a bug (a throwing logger).
    this.#run().catch((error: unknown) => console.error(`watch ${this.#options.path} stopped:`, error));
    return this;
  }

  /** Resolves once the first full list is in (with `readyAfterFirstPage`, its first page). */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** Whether a first full list is in: until then (`readyAfterFirstPage`) the cache holds only part. */
  get complete(): boolean {
    return this.#lists > 0;
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.#items.get(keyOf(namespace, name));
  }

  values(): IterableIterator<T> {
    return this.#items.values();
  }

  /** The objects of one namespace, without looking at the others. */
  inNamespace(namespace: string): Iterable<T> {
    return this.#byNamespace.get(namespace)?.values() ?? [];
  }

  get size(): number {
    return this.#items.size;
  }

  /** Whether the last call to the apiserver (list, or opening the watch) succeeded. */
  get healthy(): boolean {
    return this.#healthy;
  }

  /** How many full lists were made: one at start, then one per 410 Gone. */
  get lists(): number {
    return this.#lists;
  }

  subscribe(listener: (event: CacheEvent<T>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stop(): void {
    this.#stopped = true;
    this.#abort.abort();
  }

  async #run(): Promise<void> {
    let backoffMs = firstBackoffMs;
    while (!this.#stopped) {
      try {
        if (this.#resourceVersion === undefined) await this.#list();
        await this.#watch();
        backoffMs = firstBackoffMs;
      } catch (error) {
        if (this.#abort.signal.aborted) return;
        if (error instanceof KubeError && error.status === 410) {
          // Our version is older than the apiserver keeps (etcd compacted, or a restarted apiserver's
          // watch cache starts later): list again, and keep serving what we hold meanwhile.
          this.#options.log?.(`watch ${this.#options.path}: ${error.message}; listing again`);
          this.#resourceVersion = undefined;
          continue;
        }
        if (this.#healthy || this.#lists === 0)
          this.#options.log?.(`watch ${this.#options.path} failed: ${String(error)}; retrying`);
        this.#healthy = false;
        this.#failed = true;
        await new Promise((resolve) => setTimeout(resolve, backoffMs));
        backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
      }
    }
  }

  #accept(): string {
    return this.#options.metadataOnly === true
      ? 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json'
      : 'application/json';
  }

  async #list(): Promise<void> {
    // The first page is a consistent read of a few hundred objects (the apiserver answers it in tens
    // of ms): with `readyAfterFirstPage` the cache is ready with it.
    let seen = new Set<string>();
    const first = await this.#listOnce({ limit: this.#options.pageSize ?? 500 }, seen);
    let resourceVersion = first.resourceVersion;
    if (first.continue) {
      if (this.#options.readyAfterFirstPage === true) {
        this.#succeeded();
        this.#markReady();
      }
      // The rest in one answer served from the apiserver's watch cache, not older than the first page
      // (NotOlderThan): no etcd reads, and the apiserver streams the items as it encodes them. Paging
      // with `continue` instead reads every page from etcd at the first page's version (Kubernetes
      // 1.33; 1.34's snapshots serve them from the cache): 20,000 workflows took 10 s in pages of 500
      // and 25 s in pages of 5,000 where this took 5–7 s, on the same loaded machine. The first page's
      // objects come again, unchanged (no event: same resourceVersion); the watch resumes from this
      // answer's version, so nothing between the list and the watch is lost. Only what this answer
      // holds is kept: an object of the first page deleted since is dropped below.
      if (this.#restInPages) {
        // Pages of the first page's snapshot: the first page's objects count as seen.
        resourceVersion = await this.#restByPages(first.continue, seen);
      } else {
        seen = new Set<string>();
        let rest: ListMetadata;
        try {
          rest = await this.#listOnce(
            {
              resourceVersion,
              resourceVersionMatch: resourceVersion === undefined ? undefined : 'NotOlderThan',
            },
            seen,
          );
        } catch (error) {
          // One answer of everything can outlast the apiserver's request timeout (60 s by default) on a
          // big, slow cluster: asking the same again would fail the same way for ever. The next list
          // reads the rest in pages, each a request of its own.
          if (!this.#abort.signal.aborted) {
            this.#restInPages = true;
            this.#options.log?.(
              `list ${this.#options.path}: the rest in one answer failed; reading it in pages`,
            );
          }
          throw error;
        }
        resourceVersion = rest.resourceVersion;
        // Not expected without a limit, but a server may page anyway: follow it to the end.
        if (rest.continue) await this.#restByPages(rest.continue, seen);
      }
    }
    // Objects deleted while we were not watching.
    for (const key of [...this.#items.keys()]) if (!seen.has(key)) this.#remove(key);
    this.#resourceVersion = resourceVersion;
    this.#lists++;
    this.#succeeded();
    this.#markReady();
  }

  /** Follows `continue` tokens to the end of a list; returns the list's resourceVersion. */
  async #restByPages(token: string, seen: Set<string>): Promise<string | undefined> {
    let next: string | undefined = token;
    let resourceVersion: string | undefined;
    while (next !== undefined) {
      const page = await this.#listOnce({ limit: this.#options.pageSize ?? 500, continue: next }, seen);
      resourceVersion = page.resourceVersion;
      next = page.continue || undefined;
    }
    return resourceVersion;
  }

  /** One list request, read item by item as it arrives (only the picked fields: list-stream.ts). */
  async #listOnce(query: NonNullable<KubeRequest['query']>, seen: Set<string>): Promise<ListMetadata> {
    const res = await this.#api.stream({
      as: 'argovue',
      path: this.#options.path,
      query: { ...query, fieldSelector: this.#options.fieldSelector },
      accept: this.#accept(),
      signal: this.#abort.signal,
    });
    return readList(res, this.#options.fields ?? true, (item) => {
      const object = item as { metadata?: ObjectMeta };
      const key = keyOf(object.metadata?.namespace, object.metadata?.name ?? '');
      seen.add(key);
      this.#upsert(key, object);
    });
  }

  async #watch(): Promise<void> {
    const res = await this.#api.stream({
      as: 'argovue',
      path: this.#options.path,
      query: {
        watch: true,
        fieldSelector: this.#options.fieldSelector,
        resourceVersion: this.#resourceVersion,
        allowWatchBookmarks: true,
        timeoutSeconds: this.#options.watchSeconds ?? 300,
      },
      accept:
        this.#options.metadataOnly === true
          ? 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json'
          : 'application/json',
      signal: this.#abort.signal,
    });
    this.#succeeded();
    const lines = createInterface({ input: res, crlfDelay: Infinity });
    for await (const line of lines) {
      if (line === '') continue;
      const event = JSON.parse(line) as WatchEvent;
      if (event.type === 'ERROR') {
        throw new KubeError(event.object.code ?? 500, 'WatchError', event.object.message ?? 'watch error');
      }
      const rv = event.object.metadata?.resourceVersion;
      if (rv !== undefined) this.#resourceVersion = rv;
      if (event.type === 'BOOKMARK') continue;
      const key = keyOf(event.object.metadata?.namespace, event.object.metadata?.name ?? '');
      if (event.type === 'DELETED') {
        this.#remove(key);
      } else {
        this.#upsert(key, event.object);
      }
    }
  }

  #succeeded(): void {
    if (this.#failed) this.#options.log?.(`watch ${this.#options.path} is back`);
    this.#failed = false;
    this.#healthy = true;
  }

  #upsert(key: string, object: { metadata?: ObjectMeta }): void {
    const version = object.metadata?.resourceVersion;
    // Unchanged (a relist, or a watch that starts over): nothing to tell anyone.
    if (version !== undefined && this.#versions.get(key) === version && this.#items.has(key)) return;
    if (version === undefined) this.#versions.delete(key);
    else this.#versions.set(key, version);
    const value = this.#options.project(object);
    this.#items.set(key, value);
    const namespace = object.metadata?.namespace;
    if (namespace !== undefined && namespace !== '') {
      let index = this.#byNamespace.get(namespace);
      if (index === undefined) this.#byNamespace.set(namespace, (index = new Map<string, T>()));
      index.set(key, value);
    }
    this.#emit({ type: 'upsert', key, value });
  }

  #remove(key: string): void {
    const value = this.#items.get(key);
    if (value === undefined) return;
    this.#items.delete(key);
    this.#versions.delete(key);
    const namespace = key.includes('/') ? key.slice(0, key.indexOf('/')) : undefined;
    if (namespace !== undefined) {
      const index = this.#byNamespace.get(namespace);
      index?.delete(key);
      if (index?.size === 0) this.#byNamespace.delete(namespace);
    }
    this.#emit({ type: 'delete', key, value });
  }

  #emit(event: CacheEvent<T>): void {
    for (const listener of this.#listeners) listener(event);
  }
}

function keyOf(namespace: string | undefined, name: string): string {
  return namespace === undefined || namespace === '' ? name : `${namespace}/${name}`;
}
