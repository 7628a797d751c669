// server/src/kube/watch-cache.ts against the real apiserver: whatever happens to its watch — the
// watch ends, etcd compacts the version of a list being read, the apiserver is stopped and started
// (its watch then answers 410 Gone) — the cache ends up holding exactly what the apiserver holds, without stopping, and tells
// each change once: never an event for an object that did not change (a relist compares versions).
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, describe, it } from 'node:test';
import { adminKubeConfig, core, createTestNamespace, eventually } from '../../devcluster/test/cluster.ts';
import { KubeApi, type KubeRequest } from '../../server/src/kube/kube-api.ts';
import { WatchCache, type CacheEvent, type WatchCacheOptions } from '../../server/src/kube/watch-cache.ts';
import { withComponentsDown } from '../support/cluster-faults.ts';
import { compactEtcd } from '../support/etcd.ts';

interface Held {
  name: string;
  version: string;
}

/** The apiserver's ConfigMaps of a namespace, as name → resourceVersion. */
async function apiserverHolds(namespace: string): Promise<Map<string, string>> {
  const list = await core.listNamespacedConfigMap({ namespace });
  return new Map(
    list.items
      .filter((item) => item.metadata?.name !== 'kube-root-ca.crt')
      .map((item) => [item.metadata?.name ?? '', item.metadata?.resourceVersion ?? '']),
  );
}

function cacheHolds(cache: WatchCache<Held>): Map<string, string> {
  return new Map(
    [...cache.values()].filter((h) => h.name !== 'kube-root-ca.crt').map((h) => [h.name, h.version]),
  );
}

/** A cache of one namespace's ConfigMaps and every event it emitted. */
function watchConfigMaps(
  api: KubeApi,
  namespace: string,
  options: Partial<WatchCacheOptions<Held>> = {},
): { cache: WatchCache<Held>; events: CacheEvent<Held>[]; log: string[] } {
  const events: CacheEvent<Held>[] = [];
  const log: string[] = [];
  const cache = new WatchCache<Held>(api, {
    path: `/api/v1/namespaces/${namespace}/configmaps`,
    project: ({ metadata }) => ({ name: metadata?.name ?? '', version: metadata?.resourceVersion ?? '' }),
    log: (message) => log.push(message),
    ...options,
  });
  cache.subscribe((event) => events.push(event));
  return { cache, events, log };
}

/** Each (object, version) is told once; a delete once per object's life. */
function repeated(events: CacheEvent<Held>[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const event of events) {
    const id = `${event.type} ${event.key}@${event.value.version}`;
    if (seen.has(id)) twice.push(id);
    seen.add(id);
  }
  return twice;
}

async function holdsTheSame(namespace: string, cache: WatchCache<Held>, timeoutMs = 60_000): Promise<void> {
  await eventually(
    'the cache to hold what the apiserver holds',
    async () => {
      const [expected, actual] = [await apiserverHolds(namespace), cacheHolds(cache)];
      return JSON.stringify([...expected].sort()) === JSON.stringify([...actual].sort()) ? true : undefined;
    },
    timeoutMs,
  );
}

async function createConfigMap(namespace: string, name: string, value = '1'): Promise<void> {
  await core.createNamespacedConfigMap({ namespace, body: { metadata: { name }, data: { value } } });
}

async function updateConfigMap(namespace: string, name: string, value: string): Promise<void> {
  await core.replaceNamespacedConfigMap({ namespace, name, body: { metadata: { name }, data: { value } } });
}

/** Runs `test` in a namespace of its own, removed afterwards. */
async function inNamespace(test: (namespace: string) => Promise<void>): Promise<void> {
  const namespace = await createTestNamespace('watch-cache');
  try {
    await test(namespace.name);
  } finally {
    await namespace.remove();
  }
}

describe('the watch cache against the real apiserver', () => {
  const api = new KubeApi(adminKubeConfig());
  after(() => api.close());

  it('makes an ended watch again from its last version: nothing lost, nothing told twice', () =>
    inNamespace(async (ns) => {
      for (const name of ['a', 'b', 'c']) await createConfigMap(ns, name);
      // The apiserver ends each watch after a second; the cache must pick up where it was every time.
      const { cache, events } = watchConfigMaps(api, ns, { watchSeconds: 1 });
      cache.start();
      try {
        await cache.ready();
        for (let round = 0; round < 4; round++) {
          await updateConfigMap(ns, 'a', `round-${round}`);
          await createConfigMap(ns, `new-${round}`);
          await core.deleteNamespacedConfigMap({ namespace: ns, name: `new-${round}` });
          // Across a watch's end.
          await new Promise((resolve) => setTimeout(resolve, 600));
        }
        await holdsTheSame(ns, cache);
        assert.deepEqual(repeated(events), [], 'no event told twice');
        assert.equal(cache.lists, 1, 'ended watches are resumed, not listed again');
        const creates = events.filter((e) => e.type === 'upsert' && e.value.name.startsWith('new-'));
        const deletes = events.filter((e) => e.type === 'delete' && e.value.name.startsWith('new-'));
        assert.equal(creates.length, 4, 'each short-lived object seen');
        assert.equal(deletes.length, 4, 'and its deletion');
      } finally {
        cache.stop();
      }
    }));

  it('ready at its first page: reads the rest behind it and loses no change made meanwhile', () =>
    inNamespace(async (ns) => {
      const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];
      for (const name of names) await createConfigMap(ns, name);
      const { cache, events } = watchConfigMaps(api, ns, { pageSize: 2, readyAfterFirstPage: true });
      cache.start();
      try {
        await cache.ready();
        // Ready answers before the next page's request can: only the first page is held.
        assert.equal(cache.complete, false, 'the rest is still being read');
        assert.equal(cache.size, 2, 'the first page is held');
        // Changes made while the rest loads: after the list's version, so they come by the watch.
        await updateConfigMap(ns, 'a1', 'while-loading');
        await updateConfigMap(ns, 'a7', 'while-loading');
        await core.deleteNamespacedConfigMap({ namespace: ns, name: 'a4' });
        await createConfigMap(ns, 'a8');
        await holdsTheSame(ns, cache);
        assert.equal(cache.complete, true);
        assert.equal(cache.lists, 1, 'one list, read in pages');
        assert.deepEqual(repeated(events), [], 'no event told twice');
        assert.ok(events.some((e) => e.type === 'delete' && e.value.name === 'a4'));
        assert.ok(events.some((e) => e.type === 'upsert' && e.value.name === 'a8'));
      } finally {
        cache.stop();
      }
    }));

  it('reads the rest of a list after etcd compacted the first page away, telling only what changed', () =>
    inNamespace(async (ns) => {
      // Named to sort before kube-root-ca.crt: the first page of two is a1 and a2.
      const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
      for (const name of names) await createConfigMap(ns, name);
      const before = await apiserverHolds(ns);
      // Between the first page and the rest, the world moves on and etcd compacts the first page's
      // revision away: a `continue` token would now answer 410 Gone; the rest is asked of the
      // apiserver's watch cache as not older than the first page, which it can still answer.
      let compacted = false;
      class CompactingBetweenPages extends KubeApi {
        override async stream(req: KubeRequest): Promise<IncomingMessage> {
          if (!compacted && req.query?.['resourceVersionMatch'] !== undefined) {
            compacted = true;
            await updateConfigMap(ns, 'a6', 'changed-mid-list');
            await updateConfigMap(ns, 'a1', 'changed-mid-list');
            await core.deleteNamespacedConfigMap({ namespace: ns, name: 'a5' });
            await core.deleteNamespacedConfigMap({ namespace: ns, name: 'a2' });
            await createConfigMap(ns, 'a7');
            await compactEtcd();
          }
          return super.stream(req);
        }
      }
      const compactingApi = new CompactingBetweenPages(adminKubeConfig());
      const { cache, events } = watchConfigMaps(compactingApi, ns, { pageSize: 2 });
      cache.start();
      try {
        await cache.ready();
        assert.ok(compacted, 'etcd was compacted during the list');
        assert.equal(cache.lists, 1, 'one list');
        await holdsTheSame(ns, cache);
        assert.deepEqual(repeated(events), [], 'objects the first page held are not told again');
        for (const name of ['a3', 'a4'])
          assert.equal(events.filter((e) => e.value.name === name).length, 1, `${name} told once`);
        assert.equal(cacheHolds(cache).get('a3'), before.get('a3'));
        assert.notEqual(cacheHolds(cache).get('a1'), before.get('a1'), 'a change to the first page is read');
        assert.equal(
          cacheHolds(cache).has('a2'),
          false,
          'an object of the first page deleted meanwhile is gone',
        );
        assert.ok(events.some((e) => e.type === 'delete' && e.value.name === 'a2'));
        assert.equal(cacheHolds(cache).has('a5'), false, 'the object deleted meanwhile is gone');
        assert.equal(cacheHolds(cache).has('a7'), true, 'the object created meanwhile is there');
      } finally {
        cache.stop();
        compactingApi.close();
      }
    }));

  it('reads the rest in pages once the rest in one answer failed, holding exactly what the apiserver holds', () =>
    inNamespace(async (ns) => {
      for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) await createConfigMap(ns, name);
      // The one answer of the rest fails once (as a request outlasting the apiserver's timeout would).
      let failed = false;
      const paged: string[] = [];
      class RestFailsOnce extends KubeApi {
        override async stream(req: KubeRequest): Promise<IncomingMessage> {
          if (req.query?.['resourceVersionMatch'] !== undefined) {
            assert.equal(failed, false, 'the rest in one answer is not asked for again');
            failed = true;
            throw new Error('the rest timed out');
          }
          if (typeof req.query?.['continue'] === 'string') paged.push(req.query['continue']);
          return super.stream(req);
        }
      }
      const failingApi = new RestFailsOnce(adminKubeConfig());
      const { cache, events, log } = watchConfigMaps(failingApi, ns, { pageSize: 2 });
      cache.start();
      try {
        // Bounded: a cache that asks for the failing answer again and again never completes.
        await eventually('the cache to complete its list', () =>
          Promise.resolve(cache.complete ? true : undefined),
        );
        assert.ok(failed, 'the rest in one answer was asked for and failed');
        assert.ok(
          log.some((line) => /reading it in pages/.test(line)),
          log.join('; '),
        );
        assert.ok(paged.length >= 2, `the rest was read in pages: ${paged.length}`);
        assert.equal(cache.lists, 1);
        await holdsTheSame(ns, cache);
        assert.deepEqual(repeated(events), [], 'the first page is not told again');
      } finally {
        cache.stop();
        failingApi.close();
      }
    }));

  it('survives the apiserver stopped and started: unhealthy meanwhile, then relists and catches up', () =>
    inNamespace(async (ns) => {
      await createConfigMap(ns, 'r-kept');
      await createConfigMap(ns, 'r-changed');
      await createConfigMap(ns, 'r-deleted');
      const { cache, events, log } = watchConfigMaps(api, ns);
      cache.start();
      try {
        await cache.ready();
        await holdsTheSame(ns, cache);
        const toldBefore = events.length;
        const { usableAt } = await withComponentsDown(['kube-apiserver'], async () => {
          await eventually(
            'the cache to notice',
            () => Promise.resolve(cache.healthy ? undefined : true),
            30_000,
          );
          // Every version the cache holds is compacted away before the apiserver is back.
          await compactEtcd();
          // It goes on serving what it held.
          assert.equal(cacheHolds(cache).has('r-kept'), true);
        });
        // Changes the cache's watch was not there to see: made at once, while it backs off.
        await updateConfigMap(ns, 'r-changed', 'after');
        await core.deleteNamespacedConfigMap({ namespace: ns, name: 'r-deleted' });
        await createConfigMap(ns, 'r-created');
        await holdsTheSame(ns, cache);
        console.log(
          `watch cache: back ${Date.now() - usableAt} ms after the apiserver was usable; lists ${cache.lists}; ` +
            `log: ${log.join(' | ')}`,
        );
        assert.ok(cache.healthy);
        const after = events.slice(toldBefore);
        assert.deepEqual(repeated(events), [], 'no event told twice');
        assert.equal(
          after.filter((e) => e.value.name === 'r-kept').length,
          0,
          'the unchanged object is not told again',
        );
        assert.ok(after.some((e) => e.type === 'delete' && e.value.name === 'r-deleted'));
        assert.ok(after.some((e) => e.type === 'upsert' && e.value.name === 'r-created'));
      } finally {
        cache.stop();
      }
    }));
});
