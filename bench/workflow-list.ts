// Workflow lists, ArgoVue against `argo server` (built from the same Argo module), same cluster, same
// data, same run. Seeds N finished workflows (8 pod nodes each; kept for the next run), then measures:
// every row of the list (fetched and decoded to row objects, as a browser does), the first page of 50, the bytes (on the wire with the Accept-Encoding a
// browser sends, and decoded), each server's memory after listing, and the latency from a status
// change in the apiserver to the event in a watching client. Prints figures and ratios; asserts
// nothing. `BENCH_WORKFLOWS=20000 node bench/workflow-list.ts`; BENCH_CLEANUP=1 deletes the seed.
import { performance } from 'node:perf_hooks';
import type { WorkflowList } from '@argovue/api-types';
import { decodeCompactList, type CompactWorkflowList } from '@argovue/api-types/workflow-rows-compact';
import type { ApiClient } from '../e2e/support/api-client.ts';
import type { RunningServer } from '../e2e/support/server.ts';
import { SseReader } from '../e2e/support/sse.ts';
import { argoListFields, argoWatchFields, type ArgoServer } from './support/argo-server.ts';
import { withBenchServers } from './support/bench-servers.ts';
import { cpuMs, getCounted, percentile, rssMb, timed, type Fetched, type Timed } from './support/measure.ts';
import { admin, benchNamespace as namespace, benchWorkflowName } from './support/seed-workflows.ts';

const count = Number(process.env['BENCH_WORKFLOWS'] ?? '5000');
const runs = { all: count > 10_000 ? 7 : 11, first: 31 };
const workflowPath = (name: string) => `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflows/${name}`;

/** A change in the apiserver (as admin): ArgoVue's cached list order is remade after it. */
async function touch(i: number, message: string): Promise<void> {
  await admin.json({
    as: 'argovue',
    method: 'PATCH',
    path: workflowPath(benchWorkflowName(i)),
    contentType: 'application/merge-patch+json',
    body: { status: { message } },
  });
}

async function measureLists(argo: ArgoServer, server: RunningServer, alice: ApiClient): Promise<void> {
  const cookie = [...alice.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const vue = (path: string) => getCounted(`${server.url}${path}`, { cookie });
  // Each "all rows" is what a browser does with the list: fetch, then decode to row objects.
  const argoAllRows = async (): Promise<Fetched & { rows: number }> => {
    const fetched = await getCounted(`${argo.url}/api/v1/workflows/${namespace}?fields=${argoListFields}`);
    // `items` is null while argo server has none to show (seen just after its start on a busy machine).
    const rows = (JSON.parse(fetched.body.toString()) as { items: unknown[] | null }).items?.length ?? 0;
    return { ...fetched, rows };
  };
  // Every page, as the web app pages (web/src/lib/workflow-query.ts: a first page of 1,000 rows, then
  // pages of 5,000, each asked when the one before is in): as row objects, or compact (the web app's
  // encoding, api-types/src/workflow-rows-compact.ts) decoded to the same row objects.
  // `pagesOf1000`: every page of 1,000 rows, as the web app paged before 2026-12-05 (for the ratio).
  const vueAllRows = async (
    format: 'objects' | 'compact',
    pagesOf1000 = false,
  ): Promise<Fetched & { rows: number }> => {
    const total = { wire: 0, decoded: 0, encoding: '', rows: 0 };
    let token: string | undefined;
    let last: Fetched | undefined;
    do {
      const paging =
        token === undefined ? 'limit=1000' : `limit=${pagesOf1000 ? 1000 : 5000}&continue=${token}`;
      last = await vue(`/api/v1/namespaces/${namespace}/workflows?${paging}&format=${format}`);
      total.wire += last.wire;
      total.decoded += last.decoded;
      total.encoding = last.encoding;
      const body = JSON.parse(last.body.toString()) as WorkflowList | CompactWorkflowList;
      const page =
        format === 'compact' ? decodeCompactList(body as CompactWorkflowList) : (body as WorkflowList);
      total.rows += page.items.length;
      token = page.continue;
    } while (token !== undefined);
    return { ...total, status: last.status, body: last.body };
  };

  // Both must list every row; checked once, outside the timing (argo server given up to a minute to
  // see them all: seen answering no rows for a while after its start at load 10).
  for (let i = 0; i < 60 && (await argoAllRows()).rows !== count; i++)
    await new Promise((r) => setTimeout(r, 1000));
  const listed = [
    (await argoAllRows()).rows,
    (await vueAllRows('objects')).rows,
    (await vueAllRows('compact')).rows,
  ];
  if (listed.some((rows) => rows !== count))
    throw new Error(
      `expected ${count} rows: argo server, ArgoVue (objects, compact) listed ${listed.join(', ')}`,
    );

  console.log(
    `\nList of ${count} workflows in ${namespace} (all rows: ${runs.all} runs, ArgoVue in pages of 1,000 then ` +
      `5,000; first page: ${runs.first}; ` +
      'both asked with Accept-Encoding: gzip, deflate, br)',
  );
  // CPU time per listing, of the server and of this client (fetch, decompress, decode): unlike the
  // times, not inflated by other work on the machine.
  const withCpu = async (pid: number, measure: () => Promise<Timed>): Promise<Timed> => {
    const [server0, client0] = [await cpuMs(pid), process.cpuUsage()];
    const result = await measure();
    const client = process.cpuUsage(client0);
    const listings = runs.all + 1; // timed() warms up once
    const perListing = (ms: number) => (ms / listings).toFixed(1);
    console.log(
      `  ${''.padEnd(40)} CPU per listing: server ${perListing((await cpuMs(pid)) - server0)} ms, ` +
        `client ${perListing((client.user + client.system) / 1000)} ms`,
    );
    return result;
  };
  const argoAll = await withCpu(argo.pid, () =>
    timed('argo server: all rows (UI fields)', runs.all, argoAllRows),
  );
  const vueObjects = await withCpu(server.pid, () =>
    timed('ArgoVue: all rows as objects', runs.all, () => vueAllRows('objects')),
  );
  const vueThousands = await withCpu(server.pid, () =>
    timed('ArgoVue: … compact, pages of 1,000 (before)', runs.all, () => vueAllRows('compact', true)),
  );
  const vueAll = await withCpu(server.pid, () =>
    timed('ArgoVue: all rows, compact (the web app)', runs.all, () => vueAllRows('compact')),
  );
  let touches = 0;
  const vueAllCold = await timed(
    'ArgoVue: all rows, compact, after a change',
    runs.all,
    () => vueAllRows('compact'),
    async () => {
      // A change reaches ArgoVue's cache within milliseconds; 300 ms leaves it time on a busy machine.
      await touch(count - 1, `cold-${touches++}`);
      await new Promise((r) => setTimeout(r, 300));
    },
  );
  const argoFirst = await timed('argo server: first page of 50', runs.first, () =>
    getCounted(`${argo.url}/api/v1/workflows/${namespace}?listOptions.limit=50&fields=${argoListFields}`),
  );
  const vueFirst = await timed('ArgoVue: first page of 50', runs.first, () =>
    vue(`/api/v1/namespaces/${namespace}/workflows?limit=50`),
  );
  const ratio = (a: number, b: number) => (a / b).toFixed(3);
  const perRow = (bytes: number) => `${(bytes / count).toFixed(0)} B`;
  console.log(
    `  all rows, ArgoVue compact / argo: time ${ratio(vueAll.p50, argoAll.p50)} (after a change ` +
      `${ratio(vueAllCold.p50, argoAll.p50)}), wire bytes ${ratio(vueAll.wire, argoAll.wire)}, decoded bytes ` +
      `${ratio(vueAll.decoded, argoAll.decoded)} (per row decoded: ArgoVue ${perRow(vueAll.decoded)}, ` +
      `as objects ${perRow(vueObjects.decoded)}, argo ${perRow(argoAll.decoded)})`,
  );
  console.log(
    `  all rows, ArgoVue compact, pages of 1,000 then 5,000 / all of 1,000: time ${ratio(vueAll.p50, vueThousands.p50)}`,
  );
  console.log(
    `  all rows, ArgoVue compact / objects: time ${ratio(vueAll.p50, vueObjects.p50)}, ` +
      `decoded bytes ${ratio(vueAll.decoded, vueObjects.decoded)}`,
  );
  console.log(`  first page, ArgoVue / argo: time ${ratio(vueFirst.p50, argoFirst.p50)}`);
}

async function measureLatency(argo: ArgoServer, alice: ApiClient): Promise<void> {
  const changes = 30;
  console.log(`\nStatus change → event in a watching client (${changes} changes, one client each)`);
  const stream = new SseReader(
    await alice.fetch(`/api/v1/workflows/events?namespace=${namespace}`, {
      headers: { accept: 'text/event-stream' },
    }),
  );
  await stream.waitFor('ready', (e) => e.event === 'ready');
  // Opened as Argo's UI does after listing: its watch fields, from the list's resourceVersion (without
  // one, the apiserver first replays every workflow as ADDED: 20,000 whole objects ahead of the change).
  const listed = (await (
    await fetch(`${argo.url}/api/v1/workflows/${namespace}?listOptions.limit=1&fields=metadata`)
  ).json()) as { metadata: { resourceVersion: string } };
  const argoSeen: { at: number; text: string }[] = [];
  const argoAbort = new AbortController();
  // Not awaited: argo server sends its response headers only with the first event.
  void (async () => {
    const res = await fetch(
      `${argo.url}/api/v1/workflow-events/${namespace}?listOptions.resourceVersion=${listed.metadata.resourceVersion}&fields=${argoWatchFields}`,
      { signal: argoAbort.signal },
    );
    const decoder = new TextDecoder();
    for await (const chunk of res.body ?? [])
      argoSeen.push({ at: performance.now(), text: decoder.decode(chunk) });
  })().catch(() => undefined);
  // Give the watch time to be open at the apiserver before the first change.
  await new Promise((r) => setTimeout(r, 1000));
  const vueLatency: number[] = [];
  const argoLatency: number[] = [];
  for (let i = 0; i < changes; i++) {
    const marker = `m${i}-${Date.now()}`;
    const start = performance.now();
    await touch(i, marker);
    await stream.waitFor(
      `the change of ${benchWorkflowName(i)}`,
      (e) => e.event === 'upsert' && (e.data as { message?: string }).message === marker,
    );
    vueLatency.push(performance.now() - start);
    // Arrival times are taken as chunks come in; this only waits for argo's to have come.
    for (let w = 0; w < 400 && !argoSeen.some((s) => s.text.includes(marker)); w++)
      await new Promise((r) => setTimeout(r, 5));
    const seen = argoSeen.find((s) => s.text.includes(marker));
    if (seen) argoLatency.push(seen.at - start);
  }
  const line = (label: string, xs: number[]) =>
    console.log(
      `  ${label.padEnd(20)} p50 ${percentile(xs, 0.5).toFixed(1)} ms  p99 ${percentile(xs, 0.99).toFixed(1)} ms  (n=${xs.length})`,
    );
  line('ArgoVue SSE:', vueLatency);
  line('argo server watch:', argoLatency);
  await stream.close();
  argoAbort.abort();
}

await withBenchServers(count, async ({ argo, server, alice }) => {
  await measureLists(argo, server, alice);
  const [argoRss, vueRss] = await Promise.all([rssMb(argo.pid), rssMb(server.pid)]);
  console.log(`\nMemory after listing: argo server ${argoRss} MB RSS, ArgoVue ${vueRss} MB RSS`);
  await measureLatency(argo, alice);
});
process.exit(0);
