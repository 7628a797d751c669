// ArgoVue's list of archived runs against `argo server`'s archived-workflows API, on the same
// PostgreSQL (the local cluster's workflow archive) holding 100,000 archived runs of one namespace
// alice may list: the first page, a phase + name filter, a label filter. Each side as its UI asks:
// ArgoVue's list with its total; argo server with `ext.showRemainingItemCount` (its UI's count).
// ArgoVue reuses a count and a page for ARGOVUE_ARCHIVE_COUNT_CACHE_SECONDS (10 s), so most of the
// 30 requests of a query reuse them (a list asked again). A second ArgoVue with the reuse off (0)
// shows a first look at a list: nothing reused. Its pages of the newest runs come from the archive's
// window (the newest 10,000 runs in memory, kept current by PostgreSQL's notifications); a third,
// without the window (ARGOVUE_ARCHIVE_WINDOW_RUNS=0), reads every page from PostgreSQL. A first look
// answers its page without waiting for the archive's count (`totalCounting`), and the web app then
// asks for the total (GET /api/v1/workflows/total): its time to the rows on screen and its time to
// the total are both printed, beside argo server's one answer, which holds both. A fourth query asks
// each time for a label no one asked for before (another team each time): a first look at a label.
// Prints times, each server's CPU per request (its threads' time while it answered: less inflated by
// the machine's load than wall time) and bytes; asserts nothing.
//   node bench/archive-list.ts   (BENCH_ARCHIVED=100000; BENCH_CLEANUP=1 removes the seed)
import { performance } from 'node:perf_hooks';
import { decodeCompactList, type CompactWorkflowList } from '@argovue/api-types/workflow-rows-compact';
import { devclusterArchiveEnv } from '../devcluster/argovue-env.ts';
import { loginAs } from '../e2e/support/api-client.ts';
import { startServer } from '../e2e/support/server.ts';
import { startArgoServer } from './support/argo-server.ts';
import { ensureBenchNamespace } from './support/bench-namespace.ts';
import { cpuNs, getCounted, mb, percentile, type Fetched } from './support/measure.ts';
import {
  archiveBenchNamespace as namespace,
  archiveOwnerPool,
  removeArchiveSeed,
  seedArchive,
} from './support/seed-archive.ts';
import { grantAliceAccess } from './support/seed-workflows.ts';

const count = Number(process.env['BENCH_ARCHIVED'] ?? '100000');
const runs = 30;

/**
 * Each side `runs` times, taking turns (a, b, c, a, b, c, …), so a change of the shared machine's
 * load falls on all of them alike; p50 and p90 of each, its server's CPU per request (`pid`), and
 * its last answer's bytes.
 */
async function interleaved(
  sides: [string, () => Promise<Fetched & { rowsMs?: number }>, number][],
): Promise<{ p50: number; p90: number; cpuMs: number; decoded: number; rowsP50: number }[]> {
  const times = sides.map((): number[] => []);
  const rowTimes = sides.map((): number[] => []);
  const cpu = sides.map(() => 0);
  const last = sides.map((): (Fetched & { rowsMs?: number }) | undefined => undefined);
  for (const [, once] of sides) await once(); // warm: connections, caches, plans
  for (let i = 0; i < runs; i++) {
    for (const [k, [, once, pid]] of sides.entries()) {
      const c0 = cpuNs(pid);
      const t0 = performance.now();
      const answer = await once();
      last[k] = answer;
      times[k]?.push(performance.now() - t0);
      if (answer.rowsMs !== undefined) rowTimes[k]?.push(answer.rowsMs);
      cpu[k] = (cpu[k] ?? 0) + cpuNs(pid) - c0;
    }
  }
  return sides.map(([label], k) => {
    const samples = times[k] ?? [];
    const rowSamples = rowTimes[k] ?? [];
    // A first look's time to its rows (its page alone); its whole time is then the time to the total.
    const result = {
      p50: percentile(samples, 0.5),
      p90: percentile(samples, 0.9),
      cpuMs: (cpu[k] ?? 0) / runs / 1e6,
      decoded: last[k]?.decoded ?? 0,
      rowsP50: rowSamples.length === 0 ? percentile(samples, 0.5) : percentile(rowSamples, 0.5),
    };
    const rows =
      rowSamples.length === 0
        ? ''
        : `  rows p50 ${result.rowsP50.toFixed(1)} p90 ${percentile(rowSamples, 0.9).toFixed(1)} ms, then the total:`;
    console.log(
      `  ${label.padEnd(30)}${rows} p50 ${result.p50.toFixed(1).padStart(7)} ms  p90 ${result.p90.toFixed(1).padStart(7)} ms` +
        `  CPU ${result.cpuMs.toFixed(2).padStart(6)} ms` +
        `  wire ${mb(last[k]?.wire ?? 0)} (${last[k]?.encoding ?? ''})  decoded ${mb(result.decoded)}`,
    );
    return result;
  });
}
const pool = archiveOwnerPool();
await ensureBenchNamespace(namespace);
await seedArchive(pool, namespace, count);
const revoke = await grantAliceAccess(namespace);
const argo = await startArgoServer();
const server = await startServer({ ...devclusterArchiveEnv(), ARGOVUE_LOG_LEVEL: 'silent' });
const counting = await startServer({
  ...devclusterArchiveEnv(),
  ARGOVUE_LOG_LEVEL: 'warn',
  ARGOVUE_ARCHIVE_COUNT_CACHE_SECONDS: '0',
});
// The same first look with no window: every page read from PostgreSQL.
const direct = await startServer({
  ...devclusterArchiveEnv(),
  ARGOVUE_LOG_LEVEL: 'silent',
  ARGOVUE_ARCHIVE_COUNT_CACHE_SECONDS: '0',
  ARGOVUE_ARCHIVE_WINDOW_RUNS: '0',
});
// Its window is read after the start (archive-window.ts); until then it reads PostgreSQL.
for (let i = 0; !counting.output().includes('its window holds'); i++) {
  if (i > 600) throw new Error(`the window was not loaded in 60 s:\n${counting.output()}`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
try {
  const cookieOf = async (url: string): Promise<string> =>
    [...(await loginAs(url, 'alice')).cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const cookies = new Map([
    [server.url, await cookieOf(server.url)],
    [counting.url, await cookieOf(counting.url)],
    [direct.url, await cookieOf(direct.url)],
  ]);
  const argovue =
    (query: string, url = server.url) =>
    () =>
      // In the compact encoding the web app reads (api-types/src/workflow-rows-compact.ts).
      getCounted(`${url}/api/v1/namespaces/${namespace}/workflows?limit=50&format=compact${query}`, {
        cookie: cookies.get(url) ?? '',
      });
  // A first look as the web app makes it: the page, then its total when the page says it is counting.
  const firstLook =
    (query: string, url = counting.url) =>
    async (): Promise<Fetched & { rowsMs: number }> => {
      const t0 = performance.now();
      const page = await argovue(query, url)();
      const rowsMs = performance.now() - t0;
      if ((JSON.parse(page.body.toString()) as { totalCounting?: true }).totalCounting === true)
        await getCounted(`${url}/api/v1/workflows/total?namespace=${namespace}${query}`, {
          cookie: cookies.get(url) ?? '',
        });
      return { ...page, rowsMs };
    };
  const argoApi =
    (query: string, fields = '') =>
    () =>
      getCounted(
        `${argo.url}/api/v1/archived-workflows?namespace=${namespace}&listOptions.limit=50` +
          `&listOptions.fieldSelector=${encodeURIComponent(['ext.showRemainingItemCount=true', fields].filter(Boolean).join(','))}${query}`,
      );
  // Both must answer the same rows: checked once before timing.
  const first = decodeCompactList(JSON.parse((await argovue('')()).body.toString()) as CompactWorkflowList);
  const theirs = JSON.parse((await argoApi('')()).body.toString()) as {
    items: { metadata: { name: string } }[];
  };
  console.log(
    `first page: ArgoVue ${first.items.length} rows of ${first.total}, argo server ${theirs.items.length};` +
      ` same names: ${first.items.map((r) => r.name).join() === theirs.items.map((r) => r.metadata.name).join()}`,
  );
  // [what, ArgoVue's query, argo server's query, argo server's field selector]; a query made anew for
  // each request (`n`: how many this side has asked) is a first look on every side.
  const team = (n: number): string => `t${10 + (n % 40)}`;
  const scenarios: [string, (n: number) => string, (n: number) => string, string][] = [
    ['first page of 50', () => '', () => '', ''],
    [
      'phase Failed + name contains "99"',
      () => '&phase=Failed&q=99',
      () => '&listOptions.labelSelector=workflows.argoproj.io/phase%3DFailed&nameFilter=Contains',
      'metadata.name=99',
    ],
    ['label team=t7', () => '&label=team%3Dt7', () => '&listOptions.labelSelector=team%3Dt7', ''],
    [
      'label team=tN, another team each time',
      (n) => `&label=team%3D${team(n)}`,
      (n) => `&listOptions.labelSelector=team%3D${team(n)}`,
      '',
    ],
  ];
  /** `make(n)` for the side's n-th request. */
  const each = <T>(make: (n: number) => () => Promise<T>): (() => Promise<T>) => {
    let n = 0;
    return () => make(n++)();
  };
  const rows: string[] = [];
  const floors: number[] = [];
  for (const [label, ours, theirsQuery, theirsFields] of scenarios) {
    console.log(label);
    const [a, c, d, b, floor] = await interleaved([
      ['ArgoVue', each((n) => argovue(ours(n))), server.pid],
      ['ArgoVue, a first look', each((n) => firstLook(ours(n))), counting.pid],
      ['  the same, no window', each((n) => firstLook(ours(n), direct.url)), direct.pid],
      ['argo server', each((n) => argoApi(theirsQuery(n), theirsFields)), argo.pid],
      // A request that does nothing (no session, no query), taking the same turns: this machine's floor.
      ['ArgoVue /readyz (the floor)', () => getCounted(`${server.url}/readyz`), server.pid],
    ]);
    floors.push(floor?.p50 ?? NaN);
    if (a === undefined || b === undefined || c === undefined || d === undefined)
      throw new Error('a side was not measured');
    rows.push(
      `| ${label} | ${a.p50.toFixed(1)} / ${b.p50.toFixed(1)} ms (${(b.p50 / a.p50).toFixed(1)}×) | ` +
        `${a.cpuMs.toFixed(2)} / ${b.cpuMs.toFixed(2)} ms (${(b.cpuMs / a.cpuMs).toFixed(1)}×) | ` +
        `${c.rowsP50.toFixed(1)} ms (${(b.p50 / c.rowsP50).toFixed(1)}×) | ` +
        `${d.rowsP50.toFixed(1)} ms (${(b.p50 / d.rowsP50).toFixed(1)}×) | ` +
        `${c.p50.toFixed(1)} ms (${(b.p50 / c.p50).toFixed(1)}×), CPU ${c.cpuMs.toFixed(2)} ms | ` +
        `${mb(a.decoded)} / ${mb(b.decoded)} (${(a.decoded / b.decoded).toFixed(2)}) |`,
    );
  }
  console.log(
    `\n${count.toLocaleString('en')} archived runs; p50 of ${runs} taking turns, ArgoVue / argo server ` +
      "(argo server's one answer holds its rows and its count)",
  );
  console.log(
    '| query | as lists run | server CPU per request | a first look: rows on screen | ' +
      'the same without the window (PostgreSQL) | ' +
      'a first look: its total (page, then total) | bytes decoded |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(
    `ArgoVue /readyz, a request that does nothing, p50: ${floors.map((f) => f.toFixed(1)).join(' / ')} ms`,
  );
} finally {
  argo.stop();
  await server.stop();
  await counting.stop();
  await direct.stop();
  await revoke();
  if (process.env['BENCH_CLEANUP'] === '1') await removeArchiveSeed(pool, namespace);
  await pool.end();
}
