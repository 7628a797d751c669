// ArgoVue's start at scale, against `argo server`'s, on the same cluster and data: for 5,000 and then
// 20,000 seeded workflows (bench/support/seed-workflows.ts, kept for the next run), the time from
// spawning ArgoVue to /readyz (ready after the first page of its workflow list), to its lists holding
// every row (no longer `loading`: what ready waited for before), its peak RSS (VmHWM) by then; and
// argo server's time from spawn to its first answer of the namespace's first page of 50. Beside each
// time, the CPU the process had used by then (user + system): on a machine shared with other work the
// wall clock mostly measures the others, the CPU time does not. Each start is made
// BENCH_STARTUP_RUNS times (default 3; ArgoVue's first start on a machine also fills Node's compile
// cache). Prints figures; asserts nothing. `BENCH_STARTUP_COUNTS=5000,20000 node bench/startup-at-scale.ts`.
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loginAs } from '../e2e/support/api-client.ts';
import { startServer } from '../e2e/support/server.ts';
import { argoListFields, startArgoServer } from './support/argo-server.ts';
import { cpuMs } from './support/measure.ts';
import { benchNamespace as namespace, grantAliceAccess, seedWorkflows } from './support/seed-workflows.ts';

const counts = (process.env['BENCH_STARTUP_COUNTS'] ?? '5000,20000').split(',').map(Number);
// Every wait is bounded: a start that takes longer than this is reported as such.
const maxWaitMs = 300_000;

/** Peak resident set size of a process so far, in MB (Linux's VmHWM). */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 'NaN') / 1024);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const runs = Number(process.env['BENCH_STARTUP_RUNS'] ?? '3');

async function argoFirstList(): Promise<{ ms: number; cpuMs: number; rssMb: number }> {
  const t0 = performance.now();
  const argo = await startArgoServer();
  try {
    const url = `${argo.url}/api/v1/workflows/${namespace}?listOptions.limit=50&fields=${argoListFields}`;
    for (;;) {
      const ok = await fetch(url).then(
        async (r) => r.ok && (await r.arrayBuffer()).byteLength > 0,
        () => false,
      );
      if (ok) break;
      if (performance.now() - t0 > maxWaitMs) throw new Error('argo server never answered its list');
      await new Promise((r) => setTimeout(r, 50));
    }
    return { ms: performance.now() - t0, cpuMs: await cpuMs(argo.pid), rssMb: await peakRssMb(argo.pid) };
  } finally {
    argo.stop();
  }
}

async function argovueStart(count: number): Promise<void> {
  const t0 = performance.now();
  const server = await startServer({ ARGOVUE_LOG_LEVEL: 'silent' }, { stallMs: maxWaitMs, readyOnly: true });
  const readyMs = performance.now() - t0;
  const cpuAtReady = await cpuMs(server.pid);
  const rssAtReady = await peakRssMb(server.pid);
  try {
    const alice = await loginAs(server.url, 'alice');
    const firstPage = async () => {
      const res = await alice.fetch(`/api/v1/namespaces/${namespace}/workflows?limit=50`);
      const page = (await res.json()) as { items: unknown[]; total: number; loading?: true };
      return { at: performance.now() - t0, page };
    };
    const first = await firstPage();
    const firstAnswer = {
      ms: first.at,
      cpuMs: await cpuMs(server.pid),
      rows: first.page.items.length,
      total: first.page.total,
    };
    let completeMs: number | undefined;
    while (completeMs === undefined) {
      const { at, page } = await firstPage();
      if (page.loading !== true && page.total === count) completeMs = at;
      else if (at > maxWaitMs) throw new Error(`ArgoVue never listed all ${count} workflows`);
      else await new Promise((r) => setTimeout(r, 100));
    }
    const cpuAtComplete = await cpuMs(server.pid);
    const peak = await peakRssMb(server.pid);
    console.log(
      `  ArgoVue: ready ${seconds(readyMs)} (CPU ${seconds(cpuAtReady)}, peak RSS by then ${rssAtReady} MB); ` +
        `first page of 50 answered at ${seconds(firstAnswer.ms)} (CPU ${seconds(firstAnswer.cpuMs)}; ` +
        `${firstAnswer.rows} rows of ${firstAnswer.total} so far); every row listed at ${seconds(completeMs)} ` +
        `(CPU ${seconds(cpuAtComplete)}); peak RSS ${peak} MB (load ${loadavg()[0]?.toFixed(1)})`,
    );
  } finally {
    await server.stop();
  }
}

// The namespace is made by the seed; alice's access to it is for this run only.
await seedWorkflows(counts[0] ?? 5000);
const revoke = await grantAliceAccess();
try {
  for (const count of counts) {
    await seedWorkflows(count);
    console.log(`\nStart with ${count} workflows in ${namespace} (load ${loadavg()[0]?.toFixed(1)})`);
    for (let run = 0; run < runs; run++) await argovueStart(count);
    for (let run = 0; run < runs; run++) {
      const argo = await argoFirstList();
      console.log(
        `  argo server: first page of 50 answered ${seconds(argo.ms)} after its start ` +
          `(CPU ${seconds(argo.cpuMs)}, peak RSS ${argo.rssMb} MB)`,
      );
    }
  }
} finally {
  await revoke();
}
process.exit(0);
