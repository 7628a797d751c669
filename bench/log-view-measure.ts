// Measuring a log view in the page: frame times of a scripted scroll, the time from typing a search to
// its count and highlighted match, and their summaries. Shared by the log benchmarks.
import type { Page } from 'playwright-core';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Drives the log view's scroller from requestAnimationFrame, `step` pixels a frame, to the end or `maxFrames`. */
export async function scrollThrough(
  page: Page,
  section: string,
  step: number,
  maxFrames = Infinity,
): Promise<{ frames: number[]; domLines: number }> {
  return page.evaluate(
    async ([where, pixels, most]) => {
      const view = document.querySelector<HTMLElement>(`${where} .log-view`);
      if (view === null) throw new Error('no log view');
      view.scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(r));
      const frames: number[] = [];
      let domLines = 0;
      await new Promise<void>((done) => {
        let last = performance.now();
        const frame = (now: number) => {
          frames.push(now - last);
          last = now;
          domLines = Math.max(domLines, view.querySelectorAll('.log-line:not(.log-probe)').length);
          if (view.scrollTop + view.clientHeight >= view.scrollHeight - 1 || frames.length > most) {
            done();
            return;
          }
          view.scrollTop += pixels;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      // The first interval is the wait for the first frame, not a scroll frame.
      return { frames: frames.slice(1), domLines };
    },
    [section, step, maxFrames] as const,
  );
}

/** Types `query` into the search box (as one input event) and times it to the count and current mark. */
export async function timeSearch(
  page: Page,
  section: string,
  query: string,
): Promise<{ ms: number; label: string }> {
  return page.evaluate(
    async ([where, text]) => {
      const input = document.querySelector<HTMLInputElement>(`${where} input[type="search"]`);
      if (input === null) throw new Error('no search box');
      // React watches the value through the prototype's setter, as typing sets it.
      const setValue = (value: string) => Reflect.set(HTMLInputElement.prototype, 'value', value, input);
      // Clear first and let the page settle, so each query starts from no search.
      setValue('');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 300));
      const start = performance.now();
      setValue(text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return new Promise<{ ms: number; label: string }>((resolve, reject) => {
        const check = () => {
          const label = document.querySelector(`${where} .log-match-count`)?.textContent ?? '';
          const shown = document.querySelector(`${where} mark.current`) !== null;
          if ((label.includes(' of ') && shown) || label === 'No matches') {
            resolve({ ms: performance.now() - start, label });
            return;
          }
          if (performance.now() - start > 10_000) reject(new Error(`no result for ${text}: "${label}"`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },
    [section, query] as const,
  );
}

export function frameSummary(name: string, frames: number[], domLines: number): void {
  const sorted = [...frames].sort((a, b) => a - b);
  const over = frames.filter((f) => f > 50).length;
  console.log(
    `  ${name}: ${frames.length} frames, p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, ` +
      `max ${ms(sorted.at(-1) ?? NaN)}, frames over 50 ms: ${over}` +
      (Number.isNaN(domLines) ? '' : `; at most ${domLines} lines in the page`),
  );
}
