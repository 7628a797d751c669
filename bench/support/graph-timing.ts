// Playwright's side of the graph probe (graph-probe.ts): open a graph page and time it until drawn,
// time one interaction until its frame is on screen. Every figure comes from inside the page.
import type { BrowserContext, Page } from 'playwright-core';
import { installGraphProbe, type ProbeMode, type ProbePage } from './graph-probe.ts';

export interface Drawn {
  ms: number;
  nodes: number;
}

/** A new page at `url`, timed from navigation start to the first full graph on screen. */
export async function openGraph(
  context: BrowserContext,
  mode: ProbeMode,
  url: string,
  timeoutMs: number,
): Promise<{ page: Page; drawn: Drawn }> {
  const page = await context.newPage();
  await page.addInitScript(installGraphProbe, mode);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (globalThis as unknown as ProbePage).graphProbe?.drawnAt != null, null, {
    polling: 100,
    timeout: timeoutMs,
  });
  const drawn = await page.evaluate(() => {
    // Serialised into the page: it may not use anything from this module but types.
    const probe = (globalThis as unknown as ProbePage).graphProbe;
    return { ms: probe?.drawnAt ?? NaN, nodes: probe?.drawnNodes ?? 0 };
  });
  return { page, drawn };
}

export interface Answer {
  /** From the event to the end of the first frame with the app's answer. */
  ms: number;
  /** That frame's own main-thread time. */
  frameMs: number;
}

/**
 * Runs `act` (a wheel or a click) and times the app's answer (see Answer); null when none came
 * within `timeoutMs`.
 */
export async function timeInteraction(
  page: Page,
  act: () => Promise<void>,
  timeoutMs: number,
): Promise<Answer | null> {
  await page.evaluate(() => {
    const probe = (globalThis as unknown as ProbePage).graphProbe;
    if (probe === undefined) throw new Error('no graph probe in the page');
    probe.inputAt = null;
    probe.answeredAt = null;
    probe.answerFrameMs = null;
  });
  try {
    await act();
    await page.waitForFunction(
      () => (globalThis as unknown as ProbePage).graphProbe?.answeredAt != null,
      null,
      {
        polling: 50,
        timeout: timeoutMs,
      },
    );
  } catch {
    return null;
  }
  return page.evaluate(() => {
    const probe = (globalThis as unknown as ProbePage).graphProbe;
    return {
      ms: (probe?.answeredAt ?? NaN) - (probe?.inputAt ?? NaN),
      frameMs: probe?.answerFrameMs ?? NaN,
    };
  });
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * Runs `act` (e.g. Enter in ArgoVue's search, which expands a group in its layout worker) and times
 * it from the input event to the end of the frame at which the graph is drawn with more nodes.
 */
export async function timeExpansion(
  page: Page,
  act: () => Promise<void>,
  timeoutMs: number,
): Promise<Drawn | null> {
  await page.evaluate(() => {
    const probe = (globalThis as unknown as ProbePage).graphProbe;
    if (probe === undefined) throw new Error('no graph probe in the page');
    probe.minNodes = probe.drawnNodes + 1;
    probe.drawnAt = null;
    probe.inputAt = null;
  });
  await act();
  try {
    await page.waitForFunction(() => (globalThis as unknown as ProbePage).graphProbe?.drawnAt != null, null, {
      polling: 50,
      timeout: timeoutMs,
    });
  } catch {
    return null;
  }
  return page.evaluate(() => {
    const probe = (globalThis as unknown as ProbePage).graphProbe;
    return { ms: (probe?.drawnAt ?? NaN) - (probe?.inputAt ?? NaN), nodes: probe?.drawnNodes ?? 0 };
  });
}
