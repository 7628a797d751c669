// Timing one running workflow's updates inside a page, the same way for ArgoVue's page and the Argo
// UI's (bench/workflow-running-deltas.ts), installed before the page's own scripts (addInitScript).
//
// "The change visible": neither page can be asked for a changed node's pixel — the Argo UI folds the
// 20,000-node fan-out into one collapsed node ("19,994 hidden nodes", bench/workflow-graph.ts) whose
// look does not change when 100 of its children finish — so each page is timed to the end of the
// first frame after it has handled the update and committed it to the document:
// - ArgoVue: its own marks (web/src/api/use-live-workflow.ts): `argovue:delta-received` (detail: the
//   event id, the workflow's resourceVersion) and `argovue:delta-applied`, set in a layout effect once
//   React committed the delta; then a requestAnimationFrame callback and a task after it: the frame
//   that shows it has ended.
// - The Argo UI: its EventSource (the one on workflow-events) gets a first listener, run before the
//   app's onmessage (the arrival, and the resourceVersion read from the message's start), and a last
//   one, run after it (JSON.parse done, setWorkflow called); React 18 renders that update in a task
//   it posted (a MessageChannel message) during the app's handler, so a message posted by the last
//   listener runs after that render is committed; then the same requestAnimationFrame + task.
// Frame time is measured alike for both and does not depend on the app: a requestAnimationFrame loop
// keeps every frame's start, so a frame delayed by work (parsing, rendering, layout) is a long
// interval; and PerformanceObserver 'longtask' keeps every task over 50 ms (the main thread's busy
// time that users feel). Times are kept as epoch ms (timeOrigin + now) so the benchmark can
// subtract the moment of its status write.

export interface UpdateSeen {
  /** The workflow's resourceVersion the update carried. */
  version: string;
  /** Epoch ms: the page got the update (before the app's handler). */
  arrivedAt: number;
  /** Epoch ms: the end of the first frame after the app handled and committed it; 0 until then. */
  shownAt: number;
}

export interface UpdateProbe {
  seen: UpdateSeen[];
  /** Epoch ms of each animation frame's callbacks (capped). */
  frames: number[];
  /** Tasks over 50 ms: epoch start, duration ms. */
  longTasks: { start: number; ms: number }[];
}

/** Runs in the page (`mode`: 'argovue' or 'argo'); closes over nothing (Playwright serialises it). */
export function installUpdateProbe(mode: string): void {
  const origin = performance.timeOrigin;
  const probe: UpdateProbe = { seen: [], frames: [], longTasks: [] };
  (globalThis as unknown as { updateProbe: UpdateProbe }).updateProbe = probe;
  const cap = 200_000;
  // End of the frame that follows now: its rAF callbacks run before it is painted, a task after ends it.
  const afterNextFrame = (done: (at: number) => void) =>
    requestAnimationFrame(() => setTimeout(() => done(origin + performance.now()), 0));
  const loop = () => {
    if (probe.frames.length < cap) probe.frames.push(origin + performance.now());
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (probe.longTasks.length < cap)
        probe.longTasks.push({ start: origin + entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  if (mode === 'argovue') {
    let pending: UpdateSeen[] = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'argovue:delta-received') {
          const seen = {
            version: String((entry as PerformanceMark).detail ?? ''),
            arrivedAt: origin + entry.startTime,
            shownAt: 0,
          };
          probe.seen.push(seen);
          pending.push(seen);
        } else if (entry.name === 'argovue:delta-applied') {
          // React may commit several deltas in one render: all of them are shown by its frame.
          const shown = pending;
          pending = [];
          afterNextFrame((at) => {
            for (const s of shown) s.shownAt = at;
          });
        }
      }
    }).observe({ type: 'mark', buffered: false });
    return;
  }

  const Native = EventSource;
  class Probed extends Native {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      // Only the watch of this one workflow, whole (not a list's watch of chosen fields).
      const watched = String(url);
      if (
        !watched.includes('workflow-events') ||
        !watched.includes('metadata.name') ||
        watched.includes('fields=')
      )
        return;
      const first = (event: MessageEvent) => {
        const data = typeof event.data === 'string' ? event.data : '';
        // The first resourceVersion in the object is its metadata's (the open event has no data).
        const version = /"resourceVersion":"([^"]+)"/.exec(data)?.[1];
        if (version !== undefined)
          probe.seen.push({ version, arrivedAt: origin + performance.now(), shownAt: 0 });
      };
      const last = () => {
        const seen = probe.seen.at(-1);
        if (seen === undefined || seen.shownAt !== 0) return;
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          afterNextFrame((at) => {
            seen.shownAt = at;
          });
        channel.port2.postMessage(null);
      };
      this.addEventListener('message', first);
      // The app sets onmessage after construction: the last listener is moved behind it each time.
      const handler = Object.getOwnPropertyDescriptor(Native.prototype, 'onmessage');
      Object.defineProperty(this, 'onmessage', {
        configurable: true,
        get: () => handler?.get?.call(this) as unknown,
        set: (value: unknown) => {
          handler?.set?.call(this, value);
          this.removeEventListener('message', last);
          this.addEventListener('message', last);
        },
      });
    }
  }
  (globalThis as unknown as { EventSource: typeof EventSource }).EventSource = Probed;
}

/** Per update: write → shown, and the frame and long-task time between its arrival and its frame. */
export interface UpdateFigures {
  /** Status write → end of the frame showing it, ms (writes shown only). */
  shownMs: number[];
  /** Status write → arrival in the page, ms. */
  arrivedMs: number[];
  /** Per update the page showed: the longest frame interval from its arrival to its frame's end, ms. */
  frameMs: number[];
  /** Per update the page showed: its main thread's time in long tasks from arrival to frame end, ms. */
  longTaskMs: number[];
  /** Long-task time over the whole measured span, ms per second. */
  busyMsPerSecond: number;
  written: number;
  /** Writes shown (by their own update or a later one that carried them too). */
  shown: number;
  /** Updates the page got for those writes (fewer when a stream sends several writes as one). */
  updates: number;
}

/** The longest frame interval overlapping [from, to], and the long-task time inside it. */
function frameCost(probe: UpdateProbe, from: number, to: number): { frameMs: number; longTaskMs: number } {
  let longest = 0;
  for (let i = 1; i < probe.frames.length; i++) {
    const start = probe.frames[i - 1] ?? 0;
    const end = probe.frames[i] ?? 0;
    if (end >= from && start <= to) longest = Math.max(longest, end - start);
  }
  // The frame still open at `to` (the loop's next callback not run yet) counts up to it.
  const lastFrame = probe.frames.findLast((t) => t <= to) ?? from;
  longest = Math.max(longest, to - Math.max(lastFrame, from));
  const longTaskMs = probe.longTasks
    .filter((t) => t.start + t.ms > from && t.start < to)
    .reduce((sum, t) => sum + Math.min(t.start + t.ms, to) - Math.max(t.start, from), 0);
  return { frameMs: longest, longTaskMs };
}

/**
 * Joins the page's record with the benchmark's writes (in order; epoch ms). A write is shown by the
 * first update the page got that carries it or a later write (ArgoVue's stream may send several
 * writes as one delta when it is behind; resourceVersions are matched, never compared).
 */
export function updateFigures(probe: UpdateProbe, writes: { id: string; epoch: number }[]): UpdateFigures {
  const index = new Map(writes.map((w, i) => [w.id, i]));
  const seen = probe.seen.flatMap((s) => {
    const i = index.get(s.version);
    return i === undefined ? [] : [{ s, i }];
  });
  const shownMs: number[] = [];
  const arrivedMs: number[] = [];
  const used = new Set<UpdateSeen>();
  writes.forEach((write, k) => {
    const cover = seen.find((x) => x.i >= k)?.s;
    if (cover === undefined) return;
    arrivedMs.push(cover.arrivedAt - write.epoch);
    if (cover.shownAt === 0) return;
    shownMs.push(cover.shownAt - write.epoch);
    used.add(cover);
  });
  const costs = [...used].map((u) => frameCost(probe, u.arrivedAt, u.shownAt));
  const from = writes[0]?.epoch ?? 0;
  const to = Math.max(from + 1, ...probe.seen.map((s) => s.shownAt || s.arrivedAt));
  const busy = probe.longTasks
    .filter((t) => t.start + t.ms > from && t.start < to)
    .reduce((sum, t) => sum + t.ms, 0);
  return {
    shownMs,
    arrivedMs,
    frameMs: costs.map((c) => c.frameMs),
    longTaskMs: costs.map((c) => c.longTaskMs),
    busyMsPerSecond: (1000 * busy) / (to - from),
    written: writes.length,
    shown: shownMs.length,
    updates: used.size,
  };
}
