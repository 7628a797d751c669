// The graph of a big workflow in Chromium: ArgoVue against the real Argo UI (served by `argo server`
// built from the same Argo module, bench/argo-ui/build.sh), same cluster, same workflows, same run.
// Seeds finished workflows (e2e/support/big-workflow.ts) into namespace bench-graph, which alice may
// read, and prints for each: navigation → graph drawn, and one zoom's frame time (p50/p95), for both,
// with the ratios. Asserts nothing. Timing is taken inside the page (bench/support/graph-probe.ts).
//   node bench/workflow-graph.ts           BENCH_GRAPHS=dag-2000,fan-5000,fan-20000  BENCH_RUNS=3
//   BENCH_WHEELS=20 (ArgoVue zooms)  BENCH_ARGO_RUNS=1  BENCH_ARGO_ZOOMS=3  BENCH_ARGO_TIMEOUT_S=600
//   BENCH_CLEANUP=1 (delete the namespace after)
// The Argo UI has no wheel zoom (its graph panel handles no wheel event; the wheel scrolls the page,
// checked below): its zoom is the toolbar's "Zoom in"/"Zoom out", which changes the node size and
// lays the whole graph out again. That is what is timed for it, and said so in the output.
import { ApiException } from '@kubernetes/client-node';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { custom } from '../devcluster/test/cluster.ts';
import {
  type BigWorkflow,
  bigWorkflowNodes,
  fanOutWorkflow,
  layeredDagWorkflow,
} from '../e2e/support/big-workflow.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { signInThroughProvider } from '../e2e/support/login.ts';
import { startServer } from '../e2e/support/server.ts';
import { startArgoServer } from './support/argo-server.ts';
import { argoWithUi } from './support/argo-ui.ts';
import { clickInPage, type ProbePage } from './support/graph-probe.ts';
import { ensureBenchNamespace, removeBenchNamespace } from './support/bench-namespace.ts';
import { grantAliceAccess } from './support/seed-workflows.ts';
import {
  type Answer,
  type Drawn,
  median,
  openGraph,
  percentile,
  timeExpansion,
  timeInteraction,
} from './support/graph-timing.ts';

const namespace = 'bench-graph';
const runs = Number(process.env['BENCH_RUNS'] ?? '3');
const wheels = Number(process.env['BENCH_WHEELS'] ?? '20');
const argoZooms = Number(process.env['BENCH_ARGO_ZOOMS'] ?? '3');
// Each open of a big graph in the Argo UI takes minutes here: one timed open unless asked for more.
const argoRuns = Number(process.env['BENCH_ARGO_RUNS'] ?? '1');
const argoTimeoutMs = Number(process.env['BENCH_ARGO_TIMEOUT_S'] ?? '600') * 1000;
const api = { group: 'argoproj.io', version: 'v1alpha1', plural: 'workflows', namespace } as const;
// Bump when the generator's output changes, so seeded workflows are replaced.
const recipe = 'r3';

// Each with a node that both UIs fold away at first (a root or fan-out wider than they show), found
// in ArgoVue through its search (which opens the group) to time "every node reachable".
const shapes: Record<string, { title: string; make: (name: string) => BigWorkflow; find: string }> = {
  'dag-2000': {
    title: '2,000-node layered DAG (40 × 50)',
    make: (n) => layeredDagWorkflow(n, 40, 50),
    find: 'task-0-25',
  },
  'fan-5000': {
    title: '5,000-node fan-out',
    make: (n) => fanOutWorkflow(n, 5000),
    find: 'fan(4995:item-4995)',
  },
  'fan-20000': {
    title: '20,000-node fan-out',
    make: (n) => fanOutWorkflow(n, 20_000),
    find: 'fan(19995:item-19995)',
  },
};
const wanted = (process.env['BENCH_GRAPHS'] ?? 'dag-2000,fan-5000,fan-20000').split(',');

async function seed(
  key: string,
  make: (name: string) => BigWorkflow,
): Promise<{ name: string; nodes: number }> {
  const name = `graph-${key}`;
  const workflow = make(name);
  workflow.metadata.labels['argovue.dev/bench-recipe'] = recipe;
  const nodes = Object.keys(bigWorkflowNodes(workflow)).length;
  const existing = (await custom.getNamespacedCustomObject({ ...api, name }).catch((error: unknown) => {
    if (error instanceof ApiException && error.code === 404) return undefined;
    throw error;
  })) as { metadata?: { labels?: Record<string, string> } } | undefined;
  if (existing?.metadata?.labels?.['argovue.dev/bench-recipe'] === recipe) return { name, nodes };
  if (existing !== undefined) await custom.deleteNamespacedCustomObject({ ...api, name });
  await custom.createNamespacedCustomObject({ ...api, body: workflow });
  const form = workflow.status.compressedNodes === undefined ? 'status.nodes' : 'status.compressedNodes';
  console.log(
    `seeded ${name}: ${nodes} nodes in ${form}, ${(JSON.stringify(workflow).length / 1e6).toFixed(2)} MB`,
  );
  return { name, nodes };
}

const ms = (x: number | null) =>
  x === null ? 'timed out' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(1)} ms`;
const list = (xs: number[]) => `[${xs.map((x) => x.toFixed(0)).join(', ')}]`;

/**
 * `count` timed opens of the graph after one warm-up on the app's list page (its code in the HTTP
 * cache, as for a user who came from the list); the last page stays open for what follows.
 */
async function drawRuns(
  context: BrowserContext,
  mode: 'argovue' | 'argo',
  warmUrl: string,
  url: string,
  count: number,
): Promise<{ page: Page; times: number[]; last: Drawn }> {
  const warm = await context.newPage();
  await warm.goto(warmUrl, { waitUntil: 'load', timeout: argoTimeoutMs });
  await warm.close();
  const times: number[] = [];
  let opened: { page: Page; drawn: Drawn } | undefined;
  for (let i = 0; i < count; i++) {
    await opened?.page.close();
    opened = await openGraph(context, mode, url, argoTimeoutMs);
    times.push(opened.drawn.ms);
  }
  if (opened === undefined) throw new Error('no timed open');
  opened.page.setDefaultTimeout(argoTimeoutMs);
  return { page: opened.page, times, last: opened.drawn };
}

/** Waits until nothing was drawn for 2 s; returns when the last drawing ended (ms since navigation). */
async function settle(page: Page): Promise<number | null> {
  try {
    await page.waitForFunction(
      () => {
        const probe = (globalThis as unknown as ProbePage).graphProbe;
        return probe !== undefined && performance.now() - probe.lastEnd > 2000;
      },
      null,
      { polling: 200, timeout: argoTimeoutMs },
    );
  } catch {
    return null;
  }
  return page.evaluate(() => (globalThis as unknown as ProbePage).graphProbe?.lastEnd ?? NaN);
}

async function argoVue(context: BrowserContext, warmUrl: string, url: string, find: string) {
  const { page, times, last } = await drawRuns(context, 'argovue', warmUrl, url, runs);
  const canvas = page.locator('canvas[data-testid="workflow-graph-canvas"], canvas.graph-canvas').first();
  // The graph sits below the workflow's summary: brought into view, or the wheel would miss it.
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('no graph canvas on the page');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const zooms: Answer[] = [];
  const drawMs: number[] = [];
  for (let i = 0; i < wheels; i++) {
    const t = await timeInteraction(page, () => page.mouse.wheel(0, i % 2 === 0 ? -240 : 240), 10_000);
    if (t !== null) zooms.push(t);
    // ArgoVue's own figure for the drawing alone (data-graph-frame-ms), when it has one.
    const own = Number(await canvas.getAttribute('data-graph-frame-ms'));
    if (Number.isFinite(own) && own > 0) drawMs.push(own);
  }
  // Reaching a node folded into a group: its name in the search box, Enter opens the group.
  let found: Drawn | null = null;
  const search = page.getByRole('searchbox', { name: 'Find a node' }).or(page.getByLabel('Find a node'));
  if ((await search.count()) > 0) {
    await search.first().fill(find);
    await page.waitForTimeout(500);
    found = await timeExpansion(page, () => search.first().press('Enter'), 60_000);
  }
  await page.close();
  return { times, last, zooms, drawMs, found };
}

/** The Argo UI's collapsed nodes ("N hidden nodes"), as it labels them. */
async function hiddenByArgo(page: Page): Promise<{ groups: number; hidden: number }> {
  // The label is a sibling of the node's shape: the text of their common <g>.
  const labels = await page.locator('.graph svg g:has(> g.node.Collapsed)').allTextContents();
  const hidden = labels.reduce((sum, l) => sum + Number(/(\d+) hidden nodes/.exec(l)?.[1] ?? 0), 0);
  return { groups: labels.length, hidden };
}

/** The Argo UI, printing each stage as it is measured (some take minutes). */
async function argoUi(context: BrowserContext, warmUrl: string, url: string) {
  const { page, times, last } = await drawRuns(context, 'argo', warmUrl, url, argoRuns);
  const hidden = await hiddenByArgo(page);
  console.log(
    `  Argo UI   drawn p50 ${ms(median(times))} ${list(times)}, ${last.nodes} nodes drawn, ` +
      `${hidden.hidden} hidden in ${hidden.groups} collapsed node(s)`,
  );
  // It renders (and lays out) the graph again when its watch sends the workflow: busy until then.
  const settled = await settle(page);
  console.log(`            busy drawing until ${ms(settled)} after navigation start`);
  // A wheel over the graph: does the Argo UI redraw anything? (It scrolls; null = nothing drawn.)
  const svg = await page.locator('.graph svg').first().boundingBox();
  await page.mouse.move((svg?.x ?? 0) + 200, (svg?.y ?? 0) + 200);
  const wheel = await timeInteraction(page, () => page.mouse.wheel(0, -240), 3000);
  console.log(
    `            wheel over the graph: ${wheel === null ? 'no redraw (it scrolls the page)' : `redrew in ${ms(wheel.ms)}`}`,
  );
  // Expanding what it hid, as a user must to reach every node: one click per collapsed node
  // (BENCH_ARGO_EXPAND=0 zooms the first view instead).
  const expansions: (Answer | null)[] = [];
  for (
    let i = 0;
    i < (process.env['BENCH_ARGO_EXPAND'] === '0' ? 0 : 5) &&
    (await page.locator('.graph svg g.node.Collapsed').count()) > 0;
    i++
  ) {
    // (Playwright's own dispatchEvent on this SVG node waited for it in vain: clicked from inside.)
    const click = async () => {
      await page.evaluate(clickInPage, '.graph svg g.node.Collapsed');
    };
    const t = await timeInteraction(page, click, argoTimeoutMs);
    expansions.push(t);
    if (t === null) break;
    await settle(page);
  }
  const expanded = expansions.includes(null) ? null : await page.locator('.graph svg g.node').count();
  console.log(
    `            expanding the hidden nodes (click → frame): ${expansions.map((e) => ms(e?.ms ?? null)).join(' + ') || 'nothing hidden'}` +
      (expanded === null ? '' : ` → ${expanded} nodes drawn`),
  );
  const zooms: Answer[] = [];
  for (let i = 0; expanded !== null && i < argoZooms; i++) {
    // Clicked from inside: after an expansion a panel (div.modal) covers the toolbar for the pointer.
    const button = `a[title="${i % 2 === 0 ? 'Zoom in' : 'Zoom out'}"]`;
    const click = async () => {
      await page.evaluate(clickInPage, button);
    };
    const t = await timeInteraction(page, click, argoTimeoutMs);
    if (t === null) break;
    zooms.push(t);
    await settle(page);
  }
  const stopped =
    zooms.length < argoZooms ? `; stopped: over ${argoTimeoutMs / 1000} s, or the graph never expanded` : '';
  console.log(`            "Zoom in/out" button: event → frame ${pcts(zooms.map((z) => z.ms))}${stopped}`);
  console.log(`                        that frame's main thread ${pcts(zooms.map((z) => z.frameMs))}`);
  await page.close();
  return { times, zooms };
}

const pcts = (xs: number[]) => `p50 ${ms(percentile(xs, 50))} p95 ${ms(percentile(xs, 95))} (n=${xs.length})`;

function printArgoVue(vue: Awaited<ReturnType<typeof argoVue>>, find: string): void {
  console.log(
    `  ArgoVue   drawn p50 ${ms(median(vue.times))} ${list(vue.times)}, ${vue.last.nodes} items drawn`,
  );
  console.log(`            wheel zoom: event → frame ${pcts(vue.zooms.map((z) => z.ms))}`);
  console.log(
    `                        that frame's main thread ${pcts(vue.zooms.map((z) => z.frameMs))}; ` +
      `its own drawing (data-graph-frame-ms) ${pcts(vue.drawMs)}`,
  );
  console.log(
    `            search "${find}" + Enter (opens its group): ` +
      (vue.found === null ? 'not drawn within 60 s' : `${ms(vue.found.ms)} → ${vue.found.nodes} items drawn`),
  );
}

async function main(browser: Browser): Promise<void> {
  await ensureBenchNamespace(namespace);
  const seeded = [];
  for (const key of wanted) {
    const shape = shapes[key];
    if (shape === undefined)
      throw new Error(`unknown graph ${key}; known: ${Object.keys(shapes).join(', ')}`);
    seeded.push({ key, title: shape.title, find: shape.find, ...(await seed(key, shape.make)) });
  }
  const revoke = await grantAliceAccess(namespace);
  const argo = await startArgoServer(argoWithUi());
  const server = await startServer({ ARGOVUE_LOG_LEVEL: 'silent' });
  try {
    const viewport = { width: 1280, height: 800 };
    const vueContext = await browser.newContext({ viewport });
    const login = await vueContext.newPage();
    await login.goto(`${server.url}/workflows`);
    await signInThroughProvider(login, 'alice');
    await login.close();
    const argoContext = await browser.newContext({ viewport });
    console.log(
      `\nGraphs in Chromium, 1280×800 (timed opens: ArgoVue ${runs}, Argo UI ${argoRuns}, after a warm-up ` +
        `on the list page; drawn = navigation start → end of the frame with the graph; zoom = input ` +
        `event → end of the first frame answering it)`,
    );
    for (const g of seeded) {
      console.log(`\n${g.title}: ${g.name}, ${g.nodes} nodes`);
      const vue = await argoVue(
        vueContext,
        `${server.url}/workflows`,
        `${server.url}/workflows/${namespace}/${g.name}`,
        g.find,
      );
      printArgoVue(vue, g.find);
      const ui = await argoUi(
        argoContext,
        `${argo.url}/workflows/${namespace}`,
        `${argo.url}/workflows/${namespace}/${g.name}`,
      );
      const zoomRatio =
        percentile(
          vue.zooms.map((z) => z.ms),
          50,
        ) /
        percentile(
          ui.zooms.map((z) => z.ms),
          50,
        );
      console.log(
        `  ratio ArgoVue / Argo UI: drawn ${(median(vue.times) / median(ui.times)).toFixed(3)}, ` +
          `zoom event → frame p50 ${Number.isNaN(zoomRatio) ? 'n/a (no Argo UI zoom finished)' : zoomRatio.toFixed(4)}`,
      );
    }
  } finally {
    argo.stop();
    await server.stop();
    await revoke();
    if (process.env['BENCH_CLEANUP'] === '1') await removeBenchNamespace(namespace);
  }
}

const browser = await launchBrowser();
try {
  await main(browser);
} finally {
  await browser.close();
}
process.exit(0);
