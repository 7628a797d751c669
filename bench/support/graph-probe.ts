// Timing inside the page, the same for ArgoVue (a <canvas>) and the Argo UI (an <svg>), installed
// before the page's own scripts (page.addInitScript). Playwright only starts actions and reads results.
//
// "A frame is done" is observed as a message posted from a requestAnimationFrame callback: it runs
// after that frame's rendering steps on the main thread (style, layout, paint), so it sees the
// frame's cost, not only the script's. Work is what the app does to the graph: any drawing call on a
// 2D canvas, any DOM change inside `.graph` (the Argo UI's SVG). An interaction's time is from the
// event's timeStamp to the end of the first frame holding work done after the event (both apps
// answer a zoom with one frame; ArgoVue also redraws every second for durations, so "the last frame
// before quiet" would not do). That includes delivering the input and waiting for the next frame;
// the answering frame's own main-thread time (from our animation-frame callback, which runs first,
// to the message after rendering) is kept too. GPU/raster threads are not
// counted (Chromium runs with --disable-gpu: rasterising is on its raster threads).

export type ProbeMode = 'argovue' | 'argo';

export interface GraphProbe {
  workSeq: number;
  seenSeq: number;
  /** performance.now() of the first frame end after the latest work; 0 before any. */
  lastEnd: number;
  /** timeStamp of the latest wheel or click event (relative to navigation start, like performance.now()). */
  inputAt: number | null;
  /** workSeq when that event arrived, and the end of the first frame with work after it. */
  inputSeq: number;
  answeredAt: number | null;
  /** Main-thread time of the answering frame: its animation-frame callbacks, style, layout, paint. */
  answerFrameMs: number | null;
  frameStartedAt: number;
  /** When the first full graph was on screen, in ms since navigation start. */
  drawnAt: number | null;
  drawnNodes: number;
  /** "Drawn" needs at least this many nodes on screen (raised to time an expansion). */
  minNodes: number;
}

/** The few browser globals the probe uses (bench/ compiles without the DOM library). */
interface ElementLike {
  parentElement: ElementLike | null;
  closest?: (selector: string) => ElementLike | null;
  querySelector?: (selector: string) => ElementLike | null;
  dispatchEvent: (event: unknown) => boolean;
  getAttribute: (name: string) => string | null;
  dataset: Record<string, string | undefined>;
}
export interface ProbePage {
  graphProbe?: GraphProbe;
  document: {
    querySelector: (selector: string) => ElementLike | null;
    querySelectorAll: (selector: string) => { length: number };
  };
  CanvasRenderingContext2D: { prototype: object };
  MutationObserver: new (
    callback: (records: { target: ElementLike; addedNodes: ArrayLike<ElementLike> }[]) => void,
  ) => {
    observe: (target: unknown, options: object) => void;
  };
  addEventListener: (type: string, listener: (event: { timeStamp: number }) => void, options: object) => void;
  requestAnimationFrame: (callback: () => void) => number;
  MouseEvent: new (type: string, init: object) => unknown;
  MessageChannel: new () => {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage: (message: unknown) => void };
  };
}

/** Runs in the page: must not close over anything (Playwright serialises it). */
export function installGraphProbe(mode: ProbeMode): void {
  const page = globalThis as unknown as ProbePage;
  const probe: GraphProbe = {
    workSeq: 0,
    seenSeq: 0,
    lastEnd: 0,
    inputAt: null,
    inputSeq: 0,
    answeredAt: null,
    answerFrameMs: null,
    frameStartedAt: 0,
    drawnAt: null,
    drawnNodes: 0,
    minNodes: 1,
  };
  page.graphProbe = probe;
  const proto = page.CanvasRenderingContext2D.prototype as unknown as Record<string, unknown>;
  for (const name of ['clearRect', 'fill', 'stroke', 'fillText', 'drawImage']) {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      probe.workSeq++;
      return original.apply(this, args);
    };
  }
  // A text node has no closest(): its parent element is asked.
  const inGraph = (node: ElementLike) =>
    ((node.closest === undefined ? node.parentElement : node)?.closest?.('.graph') ?? null) !== null;
  // The graph's first appearance is an insertion into a parent outside it: added nodes count too.
  const holdsGraph = (node: ElementLike) =>
    inGraph(node) || (node.querySelector?.('.graph') ?? null) !== null;
  new page.MutationObserver((records) => {
    if (records.some((r) => inGraph(r.target) || Array.from(r.addedNodes).some(holdsGraph))) probe.workSeq++;
  }).observe(page.document, { subtree: true, childList: true, attributes: true, characterData: true });
  for (const type of ['wheel', 'click', 'keydown']) {
    const onInput = (event: { timeStamp: number }) => {
      probe.inputAt = event.timeStamp;
      probe.inputSeq = probe.workSeq;
      probe.answeredAt = null;
    };
    page.addEventListener(type, onInput, {
      capture: true,
      passive: true,
    });
  }

  const drawn = (): boolean => {
    if (mode === 'argo') {
      // The Argo UI renders its whole SVG in one React commit: nodes present = graph drawn.
      probe.drawnNodes = page.document.querySelectorAll('.graph svg g.node').length;
      return probe.drawnNodes >= probe.minNodes;
    }
    const canvas = page.document.querySelector('canvas[data-testid="workflow-graph-canvas"]');
    if (canvas !== null) {
      probe.drawnNodes = Number(canvas.dataset['graphNodes'] ?? '0');
      return canvas.dataset['graphState'] === 'drawn' && probe.drawnNodes >= probe.minNodes;
    }
    // Before the contract's attributes existed: the canvas drawn once (it lays out synchronously).
    const plain = page.document.querySelector('canvas.graph-canvas');
    probe.drawnNodes = Number(/Graph of (\d+) nodes/.exec(plain?.getAttribute('aria-label') ?? '')?.[1] ?? 0);
    return plain !== null && probe.lastEnd > 0;
  };
  const channel = new page.MessageChannel();
  channel.port1.onmessage = () => {
    if (probe.workSeq !== probe.seenSeq) {
      probe.seenSeq = probe.workSeq;
      probe.lastEnd = performance.now();
      if (probe.answeredAt === null && probe.inputAt !== null && probe.workSeq > probe.inputSeq) {
        probe.answeredAt = probe.lastEnd;
        probe.answerFrameMs = probe.lastEnd - probe.frameStartedAt;
      }
    }
    // The end of the frame holding the latest drawing before the page said (or showed) "drawn".
    if (probe.drawnAt === null && drawn()) probe.drawnAt = probe.lastEnd;
  };
  const tick = () => {
    probe.frameStartedAt = performance.now();
    channel.port2.postMessage(null);
    page.requestAnimationFrame(tick);
  };
  page.requestAnimationFrame(tick);
}

/** Runs in the page: a click on the first element matching `selector`, as React sees a click. */
export function clickInPage(selector: string): boolean {
  const page = globalThis as unknown as ProbePage;
  const element = page.document.querySelector(selector);
  element?.dispatchEvent(new page.MouseEvent('click', { bubbles: true, cancelable: true }));
  return element !== null;
}
