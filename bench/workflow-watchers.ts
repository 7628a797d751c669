// 50 browser tabs watching one namespace, ArgoVue against `argo server`, same cluster, same data, same
// run. Each ArgoVue tab is one Server-Sent Events stream (as alice, who shares one session across her
// tabs); each Argo UI tab is one /api/v1/workflow-events/{namespace} stream opened the way Argo's UI
// does after listing (its watch fields, from the list's resourceVersion). Measures the watches on
// workflows the apiserver serves (its own metrics), each server's memory, and the latency from a
// status change in the apiserver to the event in every watching client. Prints figures; asserts
// nothing. BENCH_TABS (50) and BENCH_WORKFLOWS (5000, kept in bench-list between runs).
import { performance } from 'node:perf_hooks';
import type { ApiClient } from '../e2e/support/api-client.ts';
import { apiserverWatches } from '../e2e/support/apiserver-metrics.ts';
import { argoWatchFields } from './support/argo-server.ts';
import { withBenchServers } from './support/bench-servers.ts';
import { percentile, rssMb } from './support/measure.ts';
import { admin, benchNamespace as namespace, benchWorkflowName } from './support/seed-workflows.ts';

const tabs = Number(process.env['BENCH_TABS'] ?? '50');
const count = Number(process.env['BENCH_WORKFLOWS'] ?? '5000');
const changes = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One open stream: when each chunk of text came in, for finding when a marker arrived. */
class Tab {
  readonly #chunks: { at: number; text: string }[] = [];
  readonly #abort = new AbortController();
  opened = false;

  constructor(open: (signal: AbortSignal) => Promise<Response>) {
    // #read reports its own failures.
    this.#read(open).catch(() => undefined);
  }

  async #read(open: (signal: AbortSignal) => Promise<Response>): Promise<void> {
    try {
      const res = await open(this.#abort.signal);
      if (!res.ok || res.body === null) throw new Error(`the stream answered ${res.status}`);
      this.opened = true;
      const decoder = new TextDecoder();
      for await (const chunk of res.body)
        this.#chunks.push({ at: performance.now(), text: decoder.decode(chunk) });
    } catch (error) {
      if (!this.#abort.signal.aborted) console.error(`a tab's stream failed: ${String(error)}`);
    }
  }

  /** When `marker` arrived (a chunk may split it: each chunk is read with the end of the one before). */
  arrival(marker: string): number | undefined {
    for (let i = 0; i < this.#chunks.length; i++) {
      const chunk = this.#chunks[i];
      const before = this.#chunks[i - 1]?.text.slice(-marker.length) ?? '';
      if (chunk !== undefined && (before + chunk.text).includes(marker)) return chunk.at;
    }
    return undefined;
  }

  /** Forgets what came so far (the initial events), so later searches are short. */
  clear(): void {
    this.#chunks.length = 0;
  }

  close(): void {
    this.#abort.abort();
  }
}

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Status change → event, in every tab of both servers: per tab and for the last tab of each change. */
async function measureLatency(vueTabs: Tab[], argoTabs: Tab[]): Promise<void> {
  const perTab = { vue: [] as number[], argo: [] as number[] };
  const allTabs = { vue: [] as number[], argo: [] as number[] };
  let missed = 0;
  for (const tab of [...vueTabs, ...argoTabs]) tab.clear();
  for (let i = 0; i < changes; i++) {
    const marker = `tabs-${i}-${Date.now()}`;
    const start = performance.now();
    await admin.json({
      as: 'argovue',
      method: 'PATCH',
      path: `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflows/${benchWorkflowName(i)}`,
      contentType: 'application/merge-patch+json',
      body: { status: { message: marker } },
    });
    await until(
      'the change in every tab',
      () => [...vueTabs, ...argoTabs].every((t) => t.arrival(marker)),
      10_000,
    ).catch(() => undefined);
    for (const [tabsOf, into, last] of [
      [vueTabs, perTab.vue, allTabs.vue],
      [argoTabs, perTab.argo, allTabs.argo],
    ] as const) {
      const arrivals = tabsOf.map((t) => t.arrival(marker));
      missed += arrivals.filter((a) => a === undefined).length;
      const latencies = arrivals.filter((a) => a !== undefined).map((a) => a - start);
      into.push(...latencies);
      last.push(Math.max(...latencies));
    }
    for (const tab of [...vueTabs, ...argoTabs]) tab.clear();
  }
  const line = (label: string, xs: number[]) =>
    console.log(
      `  ${label.padEnd(42)} p50 ${percentile(xs, 0.5).toFixed(1).padStart(7)} ms  p99 ${percentile(xs, 0.99).toFixed(1).padStart(7)} ms  (n=${xs.length})`,
    );
  console.log(`\nStatus change → event, ${changes} changes, in each of ${tabs} tabs per server`);
  line('ArgoVue, each tab:', perTab.vue);
  line('argo server, each tab:', perTab.argo);
  line('ArgoVue, the last tab of each change:', allTabs.vue);
  line('argo server, the last tab of each change:', allTabs.argo);
  if (missed > 0) console.log(`  ${missed} tab events did not arrive within 10 s`);
}

function openVueTab(alice: ApiClient): Tab {
  return new Tab((signal) =>
    alice.fetch(`/api/v1/workflows/events?namespace=${namespace}`, {
      headers: { accept: 'text/event-stream' },
      signal,
    }),
  );
}

const open: Tab[] = [];
await withBenchServers(count, async ({ argo, server, alice }) => {
  try {
    await sleep(2000);
    const before = {
      watches: await apiserverWatches('workflows'),
      vue: await rssMb(server.pid),
      argo: await rssMb(argo.pid),
    };
    console.log(
      `Before: ${before.watches} apiserver watches on workflows (ArgoVue's own cache watch, the controller's, ` +
        `and whatever else runs on this cluster); ArgoVue ${before.vue} MB RSS, argo server ${before.argo} MB RSS`,
    );

    const vueTabs = Array.from({ length: tabs }, () => openVueTab(alice));
    open.push(...vueTabs);
    await until('every ArgoVue tab to open', () => vueTabs.every((t) => t.opened), 30_000);
    await sleep(2000);
    const withVue = { watches: await apiserverWatches('workflows'), vue: await rssMb(server.pid) };

    // The Argo UI lists first, then watches from the list's resourceVersion.
    const listed = (await (
      await fetch(`${argo.url}/api/v1/workflows/${namespace}?listOptions.limit=1&fields=metadata`)
    ).json()) as { metadata: { resourceVersion: string } };
    const rv = listed.metadata.resourceVersion;
    const argoTabs = Array.from(
      { length: tabs },
      () =>
        new Tab((signal) =>
          fetch(
            `${argo.url}/api/v1/workflow-events/${namespace}?listOptions.resourceVersion=${rv}&fields=${argoWatchFields}`,
            { signal },
          ),
        ),
    );
    open.push(...argoTabs);
    await until(
      'argo server’s watches',
      async () => (await apiserverWatches('workflows')) >= withVue.watches + tabs,
      60_000,
    ).catch(() => console.log('  (argo server’s watches did not all show up in the metrics within 60 s)'));
    await sleep(2000);
    const withArgo = { watches: await apiserverWatches('workflows'), argo: await rssMb(argo.pid) };

    console.log(`\n${tabs} tabs watching ${namespace} (${count} workflows)`);
    console.log(
      `  ArgoVue:     apiserver watches on workflows ${before.watches} → ${withVue.watches} ` +
        `(+${withVue.watches - before.watches}); RSS ${before.vue} → ${withVue.vue} MB`,
    );
    console.log(
      `  argo server: apiserver watches on workflows ${withVue.watches} → ${withArgo.watches} ` +
        `(+${withArgo.watches - withVue.watches}); RSS ${before.argo} → ${withArgo.argo} MB`,
    );
    await measureLatency(vueTabs, argoTabs);
    const after = { vue: await rssMb(server.pid), argo: await rssMb(argo.pid) };
    console.log(`\nRSS after the changes: ArgoVue ${after.vue} MB, argo server ${after.argo} MB`);
  } finally {
    for (const tab of open) tab.close();
  }
});
process.exit(0);
