// A big running workflow's page by deltas: a fan-out of BENCH_NODES (20,000) nodes whose items change
// phase, BENCH_CHANGES (100) of them a second for BENCH_SECONDS (30) seconds, written as admin into
// status.compressedNodes (as Argo stores a status that big; labelled completed so Argo's controller
// leaves the seeded object alone and only these writes change it). Prints, per update: the bytes of
// the delta the live stream sends against the whole status and the whole workflow the page read before
// (GET …/workflows/:name, decoded and on the wire), the latency from the status write to the delta on
// the stream (p50/p99), and in Chromium the time from a delta's arrival to the end of the frame that
// shows it, and its main-thread part (performance marks of web/src/api/use-live-workflow.ts).
// Then, with ArgoVue's page and streams closed, the stream the Argo UI's workflow page reads from
// `argo server` (v4.0.5, same cluster): /api/v1/workflow-events/{namespace} with the workflow's name as
// field selector, which sends the whole workflow on every change, for BENCH_ARGO_SECONDS (10) more
// updates (BENCH_ARGO=0 leaves it out; one after the other, so neither slows the other's figures).
// Then, with that stream closed, the Argo UI's page itself (the real UI, bench/argo-ui/build.sh; the
// same `argo server`) opened in Chromium on the same workflow for BENCH_ARGO_UI_SECONDS (30) more
// updates (BENCH_ARGO_UI=0 leaves it out). Both pages carry the same probe (bench/support/
// update-probe.ts, whose header says what "shown" is for each): status write → arrival in the page →
// end of the first frame after the page handled and committed it; per update the longest frame
// (requestAnimationFrame intervals) and the main thread's long tasks between arrival and that frame.
// Printed side by side with the ratio. The Argo UI is given BENCH_ARGO_UI_TIMEOUT_S (180) to draw the
// graph and BENCH_ARGO_UI_WAIT_S (30) after the last write to show it; what it does not do by then
// is said, not waited for.
// ArgoVue's page's main-thread cost per update comes from Chromium's counters (task, script and the
// main thread's CPU time, which load inflates less than wall time; bench/support/page-cpu.ts), over
// the updates and, before them, over BENCH_QUIET_S (10) seconds of the same page without updates (its
// clock, the probe's frame loop): the difference is what the updates cost;
// BENCH_PROFILE=file.cpuprofile also profiles the page during the updates and prints its functions by
// self time. Asserts nothing. BENCH_TABS (1) more streams on the same workflow share its one watch.
//   node bench/workflow-running-deltas.ts   BENCH_CLEANUP=1 deletes the namespace after.
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { ApiException } from '@kubernetes/client-node';
import type { Page } from 'playwright-core';
import { custom } from '../devcluster/test/cluster.ts';
import { loginAs } from '../e2e/support/api-client.ts';
import { apiserverWatches } from '../e2e/support/apiserver-metrics.ts';
import { bigWorkflowNodes, fanOutWorkflow, type BigNode } from '../e2e/support/big-workflow.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { signInThroughProvider } from '../e2e/support/login.ts';
import { openLiveWorkflow, type LiveWorkflowReader } from '../e2e/support/live-workflow.ts';
import { startServer } from '../e2e/support/server.ts';
import { ensureBenchNamespace, removeBenchNamespace } from './support/bench-namespace.ts';
import { startArgoServer, type ArgoServer } from './support/argo-server.ts';
import { argoWithUi } from './support/argo-ui.ts';
import { argoUiPage, printSideBySide } from './support/argo-ui-page.ts';
import { installUpdateProbe, updateFigures, type UpdateProbe } from './support/update-probe.ts';
import { getCounted, percentile } from './support/measure.ts';
import { measurePageCpu } from './support/page-cpu.ts';
import { admin, grantAliceAccess } from './support/seed-workflows.ts';

const namespace = 'bench-deltas';
const nodeCount = Number(process.env['BENCH_NODES'] ?? '20000');
const changesPerUpdate = Number(process.env['BENCH_CHANGES'] ?? '100');
const seconds = Math.min(Number(process.env['BENCH_SECONDS'] ?? '30'), 600);
const tabs = Math.min(Number(process.env['BENCH_TABS'] ?? '1'), 50);
const argoSeconds = Math.min(Number(process.env['BENCH_ARGO_SECONDS'] ?? '10'), 120);
const withArgoUi = process.env['BENCH_ARGO_UI'] !== '0';
const argoUiSeconds = Math.min(Number(process.env['BENCH_ARGO_UI_SECONDS'] ?? '30'), 120);
const argoUiDrawMs = Math.min(Number(process.env['BENCH_ARGO_UI_TIMEOUT_S'] ?? '180'), 900) * 1000;
const argoUiWaitMs = Math.min(Number(process.env['BENCH_ARGO_UI_WAIT_S'] ?? '30'), 600) * 1000;
const profilePath = process.env['BENCH_PROFILE'] || undefined;
const quietSeconds = Math.min(Number(process.env['BENCH_QUIET_S'] ?? '10'), 120);
const name = `running-${nodeCount}`;
const path = `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflows/${name}`;

type Nodes = Record<string, Omit<BigNode, 'phase' | 'finishedAt'> & { phase: string; finishedAt?: string }>;

/** The fan-out, running: every item Running, none finished. Created again each run. */
async function seedRunning(): Promise<Nodes> {
  const workflow = fanOutWorkflow(name, nodeCount, {
    namespace,
    compress: 'always',
    labels: { 'argovue.dev/bench': 'true' },
  });
  const nodes = bigWorkflowNodes(workflow) as Nodes;
  for (const node of Object.values(nodes)) {
    if (/^fan\(/.test(node.displayName)) {
      node.phase = 'Running';
      delete node.finishedAt;
    }
  }
  const status = workflow.status as unknown as Record<string, unknown>;
  status['phase'] = 'Running';
  delete status['finishedAt'];
  status['compressedNodes'] = gzipSync(JSON.stringify(nodes)).toString('base64');
  await custom
    .deleteNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'workflows',
      namespace,
      name,
    })
    .catch((error: unknown) => {
      if (!(error instanceof ApiException && error.code === 404)) throw error;
    });
  await custom.createNamespacedCustomObject({
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'workflows',
    namespace,
    body: workflow,
  });
  return nodes;
}

/** One message of argo server's event stream: its bytes, arrival, and the workflow's resourceVersion. */
interface ArgoEvent {
  bytes: number;
  at: number;
  version: string | undefined;
}

/** Reads argo server's watch of one workflow as the Argo UI's page opens it, without parsing it whole. */
async function followWithArgo(argo: ArgoServer, events: ArgoEvent[], signal: AbortSignal): Promise<void> {
  const res = await fetch(
    `${argo.url}/api/v1/workflow-events/${namespace}?listOptions.fieldSelector=metadata.name=${name}`,
    { headers: { accept: 'text/event-stream' }, signal },
  );
  if (!res.ok || res.body === null) throw new Error(`argo server answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        // The first resourceVersion in the object is its metadata's.
        const version = /"resourceVersion":"([^"]+)"/.exec(message)?.[1];
        events.push({ bytes: Buffer.byteLength(message), at: performance.now(), version });
      }
    }
  })().catch(() => undefined);
}

/** In the page: for each delta, its arrival → end of the frame showing it, and arrival → applied. */
function installDeltaProbe(): void {
  const probe = { frames: [] as number[], applied: [] as number[], received: [] as number[] };
  (globalThis as unknown as { deltaProbe: typeof probe }).deltaProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'argovue:delta-received') probe.received.push(entry.startTime);
      else if (entry.name === 'argovue:delta-applied') {
        const since = probe.received.shift();
        if (since === undefined) continue;
        probe.received.length = 0;
        probe.applied.push(entry.startTime - since);
        // The frame that shows it: its rAF callbacks run before it is painted, a task after them ends it.
        requestAnimationFrame(() => setTimeout(() => probe.frames.push(performance.now() - since), 0));
      }
    }
  }).observe({ type: 'mark', buffered: false });
}

const f = (x: number, digits = 1) => x.toFixed(digits);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  await ensureBenchNamespace(namespace);
  const nodes = await seedRunning();
  const revoke = await grantAliceAccess(namespace);
  const server = await startServer({ ARGOVUE_LOG_LEVEL: 'silent' });
  const browser = await launchBrowser();
  const streams: LiveWorkflowReader[] = [];
  let argo: ArgoServer | undefined;
  const stopArgo = new AbortController();
  try {
    const alice = await loginAs(server.url, 'alice');
    // What the page read on every change before: the whole workflow, compressed as a browser asks.
    const whole = await getCounted(`${server.url}/api/v1/namespaces/${namespace}/workflows/${name}`, {
      cookie: [...alice.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    });
    const statusJson = Buffer.byteLength(JSON.stringify(nodes));
    const watchesBefore = await apiserverWatches('workflows', 'resource');

    for (let i = 0; i < tabs; i++) {
      const opened = await openLiveWorkflow(alice, namespace, name);
      if (opened.live === undefined) throw new Error(`the live stream answered ${opened.status}`);
      streams.push(opened.live);
    }
    const first = (streams[0] as LiveWorkflowReader).events;
    const waitFor = async (check: () => boolean, what: string, ms = 120_000) => {
      const deadline = Date.now() + ms;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await waitFor(() => first.some((a) => a.event === 'snapshot'), 'the first state');
    const snapshotBytes = first.find((a) => a.event === 'snapshot')?.bytes ?? 0;

    // The page in Chromium, drawn, with the probe in place.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page: Page = await context.newPage();
    await page.goto(`${server.url}/workflows`);
    await signInThroughProvider(page, 'alice');
    await page.addInitScript(installDeltaProbe);
    await page.addInitScript(installUpdateProbe, 'argovue');
    await page.goto(`${server.url}/workflows/${namespace}/${name}`);
    await page
      .locator('[data-testid="workflow-graph-canvas"][data-graph-state="drawn"]')
      .waitFor({ timeout: 180_000 });
    await page.locator('[data-live="live"]').waitFor({ timeout: 60_000 });
    const layoutsBefore = await page.getByTestId('workflow-graph-canvas').getAttribute('data-graph-layouts');
    const watches = await apiserverWatches('workflows', 'resource');

    // The updates, made before the clock starts (compressing 20,000 nodes takes this process long
    // enough to delay its own reading of the stream): each the next `changesPerUpdate` items done.
    const running = Object.values(nodes).filter((n) => n.phase === 'Running');
    const makePayloads = (count: number): string[] => {
      const payloads: string[] = [];
      for (let s = 0; s < count && running.length > 0; s++) {
        const finishedAt = new Date(Date.now() + s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
        for (const node of running.splice(0, changesPerUpdate)) {
          node.phase = 'Succeeded';
          node.finishedAt = finishedAt;
        }
        payloads.push(gzipSync(JSON.stringify(nodes)).toString('base64'));
      }
      return payloads;
    };
    // Every second one status write, as admin.
    const writeEverySecond = async (payloads: string[]) => {
      const done: { id: string; at: number; epoch: number; writeMs: number }[] = [];
      for (const compressed of payloads) {
        const at = performance.now();
        const written = await admin.json<{ metadata: { resourceVersion: string } }>({
          as: 'argovue',
          method: 'PATCH',
          path,
          contentType: 'application/merge-patch+json',
          body: { status: { compressedNodes: compressed } },
        });
        done.push({
          id: written.metadata.resourceVersion,
          at,
          epoch: performance.timeOrigin + at,
          writeMs: performance.now() - at,
        });
        const left = 1000 - (performance.now() - at);
        if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
      }
      return done;
    };
    const payloads = makePayloads(seconds);
    const quietCpu = await measurePageCpu(page);
    const quietFrom = performance.now();
    await page.waitForTimeout(quietSeconds * 1000);
    const quiet = await quietCpu();
    const quietSpanS = (performance.now() - quietFrom) / 1000;
    const pageCpu = await measurePageCpu(page, profilePath);
    const spanFrom = performance.now();
    const writes = await writeEverySecond(payloads);
    const last = writes.at(-1)?.id;
    await waitFor(
      () => streams.every((stream) => stream.events.some((a) => a.id === last)),
      'the last delta',
    );
    await page.waitForTimeout(1500);
    const cpu = await pageCpu();
    const spanS = (performance.now() - spanFrom) / 1000;
    const probe = await page.evaluate(
      () => (globalThis as unknown as { deltaProbe: { frames: number[]; applied: number[] } }).deltaProbe,
    );
    const layoutsAfter = await page.getByTestId('workflow-graph-canvas').getAttribute('data-graph-layouts');
    const vuePage = updateFigures(
      await page.evaluate(() => (globalThis as unknown as { updateProbe: UpdateProbe }).updateProbe),
      writes,
    );

    const latencies = writes.flatMap((w) => {
      const arrival = first.find((a) => a.id === w.id);
      return arrival?.at === undefined ? [] : [arrival.at - w.at];
    });
    const deltaBytes = first.filter((a) => a.event === 'delta').map((a) => a.bytes ?? 0);
    const p = (xs: number[], q: number) => percentile(xs, q);
    console.log(
      `\nA running ${nodeCount.toLocaleString('en-US')}-node fan-out, ${changesPerUpdate} nodes changing ` +
        `a second for ${writes.length} s (status.compressedNodes written as admin)`,
    );
    console.log(
      `  whole status: ${kb(statusJson)} of node JSON; the page's whole read (GET …/workflows/:name): ` +
        `${kb(whole.decoded)} decoded, ${kb(whole.wire)} on the wire (${whole.encoding}); ` +
        `first state on the stream ${kb(snapshotBytes)}`,
    );
    console.log(
      `  bytes per update (delta): p50 ${kb(p(deltaBytes, 0.5))}, max ${kb(Math.max(...deltaBytes))} ` +
        `(n=${deltaBytes.length}) = ${f((100 * p(deltaBytes, 0.5)) / statusJson, 2)}% of the whole status, ` +
        `${f((100 * p(deltaBytes, 0.5)) / whole.wire, 1)}% of the whole read's wire bytes`,
    );
    console.log(
      `  status write → delta on the stream: p50 ${f(p(latencies, 0.5))} ms, p99 ${f(p(latencies, 0.99))} ms ` +
        `(n=${latencies.length}; the admin's write itself p50 ${f(
          p(
            writes.map((w) => w.writeMs),
            0.5,
          ),
        )} ms)`,
    );
    console.log(
      `  in Chromium, delta arrived → end of the frame showing it: p50 ${f(p(probe.frames, 0.5))} ms, ` +
        `p99 ${f(p(probe.frames, 0.99))} ms; applying it (arrival → committed) p50 ` +
        `${f(p(probe.applied, 0.5))} ms, p99 ${f(p(probe.applied, 0.99))} ms (n=${probe.frames.length}); ` +
        `graph layouts ${layoutsBefore} → ${layoutsAfter}`,
    );
    const perUpdate = (ms: number) => f(ms / Math.max(probe.applied.length, 1));
    console.log(
      `  ArgoVue's page per update (its main thread over the updates, the clock's render each second ` +
        `included): in tasks ${perUpdate(cpu.taskMs)} ms, of it script ${perUpdate(cpu.scriptMs)} ms; ` +
        `main thread CPU ${perUpdate(cpu.threadMs)} ms; renderer process CPU ${perUpdate(cpu.processMs)} ms ` +
        `(n=${probe.applied.length}); longest frame p50 ${f(p(vuePage.frameMs, 0.5), 0)} ms, p99 ` +
        `${f(p(vuePage.frameMs, 0.99), 0)} ms; long tasks per second ${f(vuePage.busyMsPerSecond, 0)} ms`,
    );
    // The same page's seconds without updates, taken out: what the updates cost alone.
    const net = (ms: number, quietMs: number) => perUpdate(ms - (quietMs * spanS) / quietSpanS);
    console.log(
      `  … a second of it without updates (${f(quietSpanS, 0)} s before them): in tasks ` +
        `${f(quiet.taskMs / quietSpanS)} ms, script ${f(quiet.scriptMs / quietSpanS)} ms, main thread CPU ` +
        `${f(quiet.threadMs / quietSpanS)} ms; so per update above it: in tasks ${net(cpu.taskMs, quiet.taskMs)} ms, ` +
        `script ${net(cpu.scriptMs, quiet.scriptMs)} ms, main thread CPU ${net(cpu.threadMs, quiet.threadMs)} ms` +
        (profilePath === undefined ? '' : ' (the profiler slows the updates, not the quiet seconds)'),
    );
    if (cpu.profiled !== undefined) {
      const { busyMs, gcMs } = cpu.profiled;
      console.log(
        `  profile (${profilePath}): busy ${perUpdate(busyMs)} ms per update, of it garbage collection ` +
          `${perUpdate(gcMs)} ms; by self time, ms per update:`,
      );
      for (const { fn, ms } of cpu.top) console.log(`    ${perUpdate(ms).padStart(6)}  ${fn}`);
    }
    console.log(
      `  apiserver watches of one workflow: ${watchesBefore} → ${watches} with ${tabs} stream(s) and the page open`,
    );
    await context.close();
    if (process.env['BENCH_ARGO'] !== '0') {
      for (const stream of streams.splice(0)) await stream.close();
      argo = await startArgoServer(withArgoUi ? argoWithUi() : undefined);
      const argoEvents: ArgoEvent[] = [];
      await followWithArgo(argo, argoEvents, stopArgo.signal);
      await waitFor(() => argoEvents.length > 0, 'argo server’s first event');
      const argoWrites = await writeEverySecond(makePayloads(argoSeconds));
      const argoLast = argoWrites.at(-1)?.id;
      await waitFor(() => argoEvents.some((e) => e.version === argoLast), 'argo server’s last event').catch(
        (error: unknown) => console.log(`  (${String(error)})`),
      );
      const argoLatencies = argoWrites.flatMap((w) => {
        const arrival = argoEvents.find((e) => e.version === w.id);
        return arrival === undefined ? [] : [arrival.at - w.at];
      });
      const argoBytes = argoEvents.slice(1).map((e) => e.bytes);
      console.log(
        `  argo server (the Argo UI's page stream), ${argoWrites.length} more updates alone: bytes per ` +
          `update p50 ${kb(p(argoBytes, 0.5))} (n=${argoBytes.length}), ` +
          `${f(p(argoBytes, 0.5) / Math.max(p(deltaBytes, 0.5), 1), 0)}× ArgoVue's; write → event p50 ` +
          `${f(p(argoLatencies, 0.5))} ms, p99 ${f(p(argoLatencies, 0.99))} ms (n=${argoLatencies.length}; ` +
          `the admin's write p50 ${f(
            p(
              argoWrites.map((w) => w.writeMs),
              0.5,
            ),
          )} ms)`,
      );
      if (withArgoUi) {
        // The Argo UI's page alone on argo server: the follower above stops reading.
        stopArgo.abort();
        const ui = await argoUiPage(
          argo,
          `${namespace}/${name}`,
          { drawMs: argoUiDrawMs, waitMs: argoUiWaitMs },
          () => writeEverySecond(makePayloads(argoUiSeconds)),
        );
        printSideBySide({ bytes: p(deltaBytes, 0.5), page: vuePage }, { bytes: p(argoBytes, 0.5), ...ui });
      }
    }
  } finally {
    stopArgo.abort();
    argo?.stop();
    for (const stream of streams) await stream.close();
    await browser.close();
    await server.stop();
    await revoke();
    if (process.env['BENCH_CLEANUP'] === '1') await removeBenchNamespace(namespace);
  }
}

await main();
