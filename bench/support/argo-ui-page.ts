// The Argo UI's workflow page of one running workflow in Chromium, timed with the probe ArgoVue's page
// carries too (update-probe.ts), and the two pages' figures printed side by side with the ratio; for
// bench/workflow-running-deltas.ts. The Argo UI may fall far behind a big running workflow or hang:
// every wait is bounded and what it did not do in time is reported, not waited for.
import { performance } from 'node:perf_hooks';
import { launchBrowser } from '../../e2e/support/browser.ts';
import type { ArgoServer } from './argo-server.ts';
import { percentile } from './measure.ts';
import { installUpdateProbe, updateFigures, type UpdateFigures, type UpdateProbe } from './update-probe.ts';

export interface ArgoUiBounds {
  /** Navigation → graph drawn, at most. */
  drawMs: number;
  /** The last write → shown in the page, at most. */
  waitMs: number;
}

const f = (x: number, digits = 1) => x.toFixed(digits);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Awaits `work` for at most `ms`; undefined when it took longer (a page whose main thread hangs). */
async function within<T>(ms: number, work: Promise<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ArgoUiRun {
  /** Navigation → the graph's first node in the document, ms; undefined when not within the bound. */
  drawnMs: number | undefined;
  page: UpdateFigures | undefined;
  /** What the page did not do within its bounds, said in the output. */
  notes: string[];
}

/** The Argo UI's workflow page in Chromium while `write` makes the updates; every wait bounded. */
export async function argoUiPage(
  argo: ArgoServer,
  workflowPath: string,
  bounds: ArgoUiBounds,
  write: () => Promise<{ id: string; epoch: number }[]>,
): Promise<ArgoUiRun> {
  // A browser of its own: closing it ends the page whatever state its main thread is in.
  const browser = await launchBrowser();
  const notes: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const readProbe = () =>
      page.evaluate(() => (globalThis as unknown as { updateProbe: UpdateProbe }).updateProbe);
    await page.addInitScript(installUpdateProbe, 'argo');
    const t0 = performance.now();
    await page.goto(`${argo.url}/workflows/${workflowPath}`, { waitUntil: 'commit' });
    // The Argo UI renders its SVG graph in one React commit: a node in it = the graph drawn.
    const drawn = await page
      .locator('.graph svg g.node')
      .first()
      .waitFor({ state: 'attached', timeout: bounds.drawMs })
      .then(
        () => performance.now() - t0,
        () => undefined,
      );
    if (drawn === undefined) {
      notes.push(`graph not drawn within ${bounds.drawMs / 1000} s`);
      return { drawnMs: undefined, page: undefined, notes };
    }
    // Its watch open and its first event (the workflow as it is) handled, before the clock starts.
    const watching = await page
      .waitForFunction(
        () =>
          (globalThis as unknown as { updateProbe: UpdateProbe }).updateProbe.seen.some((s) => s.shownAt > 0),
        null,
        { polling: 200, timeout: 60_000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (!watching) notes.push('its watch showed nothing within 60 s of the graph');
    const writes = await write();
    const last = writes.at(-1)?.id ?? '';
    const shownAll = await within(
      bounds.waitMs + 5000,
      page
        .waitForFunction(
          (version) =>
            (globalThis as unknown as { updateProbe: UpdateProbe }).updateProbe.seen.some(
              (s) => s.version === version && s.shownAt > 0,
            ),
          last,
          { polling: 200, timeout: bounds.waitMs },
        )
        .then(
          () => true,
          () => false,
        ),
    );
    if (shownAll !== true)
      notes.push(`the last update not shown within ${bounds.waitMs / 1000} s of its write`);
    const probe = await within(60_000, readProbe());
    if (probe === undefined) {
      notes.push('the page did not answer within 60 s (its main thread busy)');
      return { drawnMs: drawn, page: undefined, notes };
    }
    return { drawnMs: drawn, page: updateFigures(probe, writes), notes };
  } finally {
    await within(30_000, browser.close());
  }
}

const cell = (xs: number[], digits = 0) =>
  xs.length === 0 ? 'none' : `${f(percentile(xs, 0.5), digits)} / ${f(percentile(xs, 0.99), digits)}`;
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? f(a / b, a / b < 0.01 ? 4 : 3) : 'n/a';

/** The two pages' figures as one table, ArgoVue / Argo UI as the ratio (below 1: ArgoVue less). */
export function printSideBySide(
  vue: { bytes: number; page: UpdateFigures },
  ui: { bytes: number } & ArgoUiRun,
): void {
  const u = ui.page;
  const p50 = (xs: number[] | undefined) => (xs === undefined ? NaN : percentile(xs, 0.5));
  const rows: [string, string, string, string][] = [
    ['bytes per update, p50', kb(vue.bytes), kb(ui.bytes), ratio(vue.bytes, ui.bytes)],
    [
      'status write → arrival in the page, p50 / p99 ms',
      cell(vue.page.arrivedMs),
      cell(u?.arrivedMs ?? []),
      ratio(p50(vue.page.arrivedMs), p50(u?.arrivedMs)),
    ],
    [
      'status write → its frame ended, p50 / p99 ms',
      cell(vue.page.shownMs),
      cell(u?.shownMs ?? []),
      ratio(p50(vue.page.shownMs), p50(u?.shownMs)),
    ],
    [
      'longest frame per update, p50 / p99 ms',
      cell(vue.page.frameMs),
      cell(u?.frameMs ?? []),
      ratio(p50(vue.page.frameMs), p50(u?.frameMs)),
    ],
    [
      'long tasks per update, p50 / p99 ms',
      cell(vue.page.longTaskMs),
      cell(u?.longTaskMs ?? []),
      ratio(p50(vue.page.longTaskMs), p50(u?.longTaskMs)),
    ],
    [
      'main thread in long tasks, ms per second',
      f(vue.page.busyMsPerSecond, 0),
      u === undefined ? 'n/a' : f(u.busyMsPerSecond, 0),
      ratio(vue.page.busyMsPerSecond, u?.busyMsPerSecond ?? NaN),
    ],
    [
      'writes shown / written (in updates)',
      `${vue.page.shown} / ${vue.page.written} (${vue.page.updates})`,
      u === undefined ? 'none' : `${u.shown} / ${u.written} (${u.updates})`,
      '',
    ],
  ];
  console.log(
    `\nThe two pages in Chromium, one after the other on the same workflow (ArgoVue ${vue.page.written} ` +
      `updates, the Argo UI ${u?.written ?? 0}; the Argo UI's graph drawn ` +
      `${ui.drawnMs === undefined ? 'never' : `${f(ui.drawnMs / 1000)} s`} after navigation)`,
  );
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0), 8));
  const line = (r: string[]) => `  ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`;
  console.log(line(['', 'ArgoVue', 'Argo UI', 'ratio']));
  for (const r of rows) console.log(line(r));
  for (const note of ui.notes) console.log(`  Argo UI: ${note}`);
}
