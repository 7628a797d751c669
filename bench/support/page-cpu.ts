// A page's main-thread cost over a span, through the Chrome DevTools Protocol: Chromium's own counters
// (Performance.getMetrics: time in tasks and in script, and the main thread's CPU time, which a loaded
// machine inflates less than wall time) and, when asked, a sampling CPU profile of the span with its
// functions by self time (what to make cheaper).
import { writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';

/** Chromium's counters, in ms, from the start of a span to its end. */
export interface PageCpu {
  /** Main thread in tasks (wall time: preemption by other processes counts). */
  taskMs: number;
  /** Of it, running script (JS, including React's render and commit). */
  scriptMs: number;
  /** The main thread's CPU time. */
  threadMs: number;
  /** The renderer process's CPU time (all its threads: the layout worker, GC, raster). */
  processMs: number;
  /** Functions by self time (when profiled): name and where, ms. */
  top: { fn: string; ms: number }[];
  /** Samples in the profile: idle, garbage collection, the rest (ms). */
  profiled?: { idleMs: number; gcMs: number; busyMs: number };
}

type Metrics = Record<string, number>;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Self time by function (µs samples → ms), the biggest first. */
function selfTimes(profile: Profile): { top: PageCpu['top']; idle: number; gc: number; total: number } {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFn = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let idle = 0;
  let gc = 0;
  let total = 0;
  // A sample's time is the delta to the next one.
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const frame = byNode.get(samples[i] ?? -1)?.callFrame;
    if (frame === undefined) continue;
    total += ms;
    if (frame.functionName === '(idle)') idle += ms;
    if (frame.functionName === '(garbage collector)') gc += ms;
    const file = frame.url.split('/').at(-1) ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + ms);
  }
  const top = [...byFn]
    .map(([fn, ms]) => ({ fn, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 15);
  return { top, idle, gc, total };
}

/**
 * Starts counting on `page`; the returned function ends the span and gives its cost. With
 * `profilePath` a CPU profile is also taken (sampling every 100 µs; it slows the page a little) and
 * written there (open it in Chromium's DevTools, Performance panel).
 */
export async function measurePageCpu(page: Page, profilePath?: string): Promise<() => Promise<PageCpu>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await metrics(cdp);
  if (profilePath !== undefined) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  return async () => {
    const after = await metrics(cdp);
    const ms = (name: string) => 1000 * ((after[name] ?? 0) - (before[name] ?? 0));
    const cpu: PageCpu = {
      taskMs: ms('TaskDuration'),
      scriptMs: ms('ScriptDuration'),
      threadMs: ms('ThreadTime'),
      processMs: ms('ProcessTime'),
      top: [],
    };
    if (profilePath !== undefined) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      await writeFile(profilePath, JSON.stringify(profile));
      const times = selfTimes(profile);
      cpu.top = times.top;
      cpu.profiled = { idleMs: times.idle, gcMs: times.gc, busyMs: times.total - times.idle };
    }
    await cdp.detach();
    return cpu;
  };
}
