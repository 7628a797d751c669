// The log viewer with 100,000 lines, in Chromium, in the real web app against the real server: a demo
// node's log request is answered with 100,000 synthetic lines (page.route; no demo pod writes that
// much). Measures the time from the click to the first lines shown and to all lines read, the frame
// times of a scripted scroll through the whole log (unwrapped, then wrapped with a search highlighted),
// the time from typing a search to its highlighted match and count shown, and the frame times while
// the same lines arrive fast on a followed stream. Prints figures; asserts
// nothing. `BENCH_LOG_LINES=200000 node bench/log-view.ts`; needs `npm run build` and the demo data.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { launchBrowser, openPage } from '../e2e/support/browser.ts';
import { signInThroughProvider } from '../e2e/support/login.ts';
import { startServer } from '../e2e/support/server.ts';
import { frameSummary, ms, percentile, scrollThrough, timeSearch } from './log-view-measure.ts';

const lineCount = Number(process.env['BENCH_LOG_LINES'] ?? '100000');
const workflow = 'etl-2026-11-24-broken';
const node = 'transform-b';
const nodeLogs = 'section.node-logs';

const levels = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
const words = ['partition', 'customer', 'events', 'aggregate', 'window', 'checkpoint', 'shuffle', 'spill'];
/** Lines like a data job's: a level, a component, a few fields; some long, one every 5,000 a stack line. */
function syntheticLine(i: number): string {
  const level = levels[i % levels.length] ?? 'INFO';
  const word = words[(i * 7) % words.length] ?? 'events';
  const base = `${level} [stage-${i % 17}] ${word} batch=${i} rows=${(i * 7919) % 100_000} user=u${i % 4243}`;
  if (i % 5000 === 4999) return `${base} at com.example.Job.run(Job.java:${i % 300}) ${'x'.repeat(300)}`;
  return i % 13 === 0
    ? `${base} took ${(i % 997) / 10} ms while reading /data/input/part-${i}.parquet`
    : base;
}

/** Occurrences of `query` in the lines, case-insensitive, counted here to check the page's count. */
function countMatches(query: string): number {
  const needle = query.toLowerCase();
  let count = 0;
  for (const line of lines) {
    const lower = line.toLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) count++;
  }
  return count;
}

/** Serves the lines `chunk` at a time every `everyMs`, then ends: a followed log arriving fast. */
function startStreamingLog(text: string[], chunk: number, everyMs: number): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    let at = 0;
    const timer = setInterval(() => {
      res.write(`${text.slice(at, at + chunk).join('\n')}\n`);
      at += chunk;
      if (at >= text.length) {
        clearInterval(timer);
        res.end();
      }
    }, everyMs);
    res.on('close', () => clearInterval(timer));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const lines = Array.from({ length: lineCount }, (_, i) => syntheticLine(i));
const body = `${lines.join('\n')}\n`;
console.log(
  `log-view: ${lineCount.toLocaleString('en-US')} synthetic lines (${(body.length / 1e6).toFixed(1)} MB) served by ` +
    `page.route in place of node ${node}'s log of ${workflow}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (2 cores shared with other work: figures are noisy)`,
);

// The cluster may hold another benchmark's 20,000 workflows: the caches' first list takes a while.
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser);
  await page.route(/\/logs\?/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body }),
  );
  await page.goto(`${server.url}/workflows/team-a/${workflow}`);
  await signInThroughProvider(page, 'alice');
  const button = page.getByRole('table', { name: 'Nodes' }).getByRole('button', { name: node, exact: true });
  await button.waitFor();

  // Times in the page, from the click's event to the first line drawn and to the count of all lines.
  await page.evaluate(() => {
    const marks: Record<string, number> = {};
    (window as unknown as { logBench: Record<string, number> }).logBench = marks;
    document.addEventListener('click', () => (marks['click'] ??= performance.now()), { capture: true });
    const observer = new MutationObserver(() => {
      if (
        marks['first'] === undefined &&
        document.querySelector('section.node-logs .log-line:not(.log-probe)')
      )
        marks['first'] = performance.now();
      const state = document.querySelector('section.node-logs .log-state');
      if (marks['all'] === undefined && state?.getAttribute('data-state') === 'done')
        marks['all'] = performance.now();
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  await button.click();
  const logs = page.locator('section.node-logs');
  await logs.locator('.log-state[data-state="done"]').waitFor({ timeout: 120_000 });
  const marks = await page.evaluate(
    () => (window as unknown as { logBench: Record<string, number> }).logBench,
  );
  const click = marks['click'] ?? NaN;
  // The request's own share: the routed response crosses from Node to Chromium over the DevTools protocol.
  const request = await page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/logs?'));
    return entry === undefined ? NaN : (entry as PerformanceResourceTiming).responseEnd - entry.startTime;
  });
  console.log(
    `  click → first lines shown: ${ms((marks['first'] ?? NaN) - click)} (of which the routed request, ` +
      `start to last byte: ${ms(request)})`,
  );
  console.log(
    `  click → all ${lineCount.toLocaleString('en-US')} lines read and counted: ${ms((marks['all'] ?? NaN) - click)}` +
      ` (${await logs.locator('.log-state').innerText()})`,
  );

  const viewHeight = await logs.locator('.log-view').evaluate((e) => e.clientHeight);
  // A read-along scroll over part of the log (a whole pass at 3 lines a frame takes minutes), then a
  // screen a frame through all of it: every frame draws lines it never drew before.
  const slow = await scrollThrough(page, nodeLogs, 54, 3000);
  frameSummary('scroll, 3 lines (54 px) a frame, first 3,000 frames', slow.frames, slow.domLines);
  const fast = await scrollThrough(page, nodeLogs, viewHeight);
  frameSummary(`scroll, one screen (${viewHeight} px) a frame, whole log`, fast.frames, fast.domLines);

  const queries = [
    'checkpoint',
    'ERROR [stage-3]',
    'user=u4242',
    'com.example',
    `batch=${lineCount - 1} `,
    'no-such-text',
  ];
  const timings: number[] = [];
  for (const query of queries) {
    const expected = countMatches(query);
    const result = await timeSearch(page, nodeLogs, query);
    timings.push(result.ms);
    console.log(
      `  search "${query}": ${ms(result.ms)} to "${result.label}" shown (with the current match highlighted) ` +
        `(the lines hold ${expected.toLocaleString('en-US')})`,
    );
  }
  const sortedSearch = [...timings].sort((a, b) => a - b);
  console.log(
    `  search, typing → matches highlighted and counted: p50 ${ms(percentile(sortedSearch, 50))}, max ` +
      `${ms(sortedSearch.at(-1) ?? NaN)} over ${queries.length} queries (includes the 60 ms typing debounce ` +
      `the viewer applies above 20,000 lines)`,
  );

  // The same lines wrapped, with a search highlighted on every screen.
  await logs.getByLabel('Wrap').check();
  await timeSearch(page, nodeLogs, 'batch');
  const wrapped = await scrollThrough(page, nodeLogs, viewHeight);
  frameSummary(
    `scroll wrapped, "batch" highlighted, one screen a frame, whole log (${viewHeight} px)`,
    wrapped.frames,
    wrapped.domLines,
  );

  // Following: the same lines streamed (by a server of this benchmark, in place of the node's log with
  // follow=true) 1,000 every 20 ms, the view kept at the newest line; frame times while they arrive.
  await logs.getByLabel('Wrap').uncheck();
  await logs.getByRole('searchbox').fill('');
  const streaming = await startStreamingLog(lines, 1000, 20);
  const { port } = streaming.address() as AddressInfo;
  await page.unroute(/\/logs\?/);
  await page.route(/\/logs\?.*follow=true/, (route) => route.continue({ url: `http://127.0.0.1:${port}/` }));
  await page.evaluate(() => {
    const run = { frames: [] as number[], started: false, done: false, atEnd: false, where: '' };
    (window as unknown as { followBench: typeof run }).followBench = run;
    let last = performance.now();
    const frame = (now: number) => {
      run.frames.push(now - last);
      last = now;
      const state = document.querySelector('section.node-logs .log-state')?.getAttribute('data-state');
      // The last log is done too: wait for the followed one to start before waiting for its end.
      if (state === 'streaming') run.started = true;
      if (state === 'done' && run.started) {
        // Looked at two frames after the end: the last lines are drawn by the frame after the count.
        (async () => {
          for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
          const view = document.querySelector<HTMLElement>('section.node-logs .log-view');
          run.atEnd = view !== null && view.scrollTop + view.clientHeight >= view.scrollHeight - 20;
          run.where = `scrollTop ${view?.scrollTop}, height ${view?.clientHeight} of ${view?.scrollHeight}`;
          run.done = true;
        })().catch(reportError);
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const followStart = performance.now();
  await logs.getByLabel('Follow').check();
  await page.waitForFunction(
    () => (window as unknown as { followBench: { done: boolean } }).followBench.done,
    undefined,
    { timeout: 120_000 },
  );
  const followed = await page.evaluate(
    () =>
      (window as unknown as { followBench: { frames: number[]; atEnd: boolean; where: string } }).followBench,
  );
  frameSummary(
    `following ${lineCount.toLocaleString('en-US')} streamed lines (1,000 every 20 ms), frames while they arrive`,
    followed.frames.slice(1),
    NaN,
  );
  console.log(
    `  following: ${ms(performance.now() - followStart)} from the Follow click to all lines read ` +
      `(the stream itself takes ${ms((lineCount / 1000) * 20)}); the view ${followed.atEnd ? 'was' : 'was NOT'} at the newest line at the end ` +
      `[${followed.where}] ` +
      `(${await logs.locator('.log-state').innerText()})`,
  );
  streaming.closeAllConnections();
  streaming.close();
} finally {
  await browser.close();
  await server.stop();
}
