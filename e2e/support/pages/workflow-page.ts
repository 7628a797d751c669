// The workflow page as the browser tests drive it (a page object): its graph canvas, the graph's node
// search and the node panel. A test says what a user does ("find transform-b", "the panel shows it");
// the selectors and the waits that make each step safe live here, once.
import type { Locator, Page } from 'playwright-core';

export class WorkflowPage {
  readonly page: Page;
  /** The graph's canvas: its aria-label names the node count; data-graph-* attributes its state. */
  readonly canvas: Locator;
  /** The graph's node search ("/" focuses it). */
  readonly search: Locator;
  /** The panel of the selected node. */
  readonly nodePanel: Locator;
  /** The page's title line (name, phase badge, live indicator). */
  readonly title: Locator;

  constructor(page: Page) {
    this.page = page;
    this.canvas = page.getByTestId('workflow-graph-canvas');
    this.search = page.getByRole('searchbox', { name: 'Find a node' });
    this.nodePanel = page.locator('aside.node-panel');
    this.title = page.locator('.workflow-title');
  }

  /** Goes to a workflow's page (the browser must be signed in). */
  static async open(page: Page, baseUrl: string, namespace: string, name: string): Promise<WorkflowPage> {
    await page.goto(`${baseUrl}/workflows/${namespace}/${name}`);
    return new WorkflowPage(page);
  }

  /** Goes to a running workflow's page and waits until its graph is drawn and its updates arrive live. */
  static async openLive(page: Page, baseUrl: string, namespace: string, name: string): Promise<WorkflowPage> {
    const workflow = await WorkflowPage.open(page, baseUrl, namespace, name);
    await workflow.drawn();
    await page.locator('[data-live="live"]').waitFor();
    return workflow;
  }

  /**
   * Waits until the canvas has painted a finished layout, and returns how many items it laid out.
   * Search before this and there is no scene to find a node in.
   */
  async drawn(timeout = 60_000): Promise<number> {
    await this.page
      .locator('[data-testid="workflow-graph-canvas"][data-graph-state="drawn"]')
      .waitFor({ timeout });
    return Number(await this.canvas.getAttribute('data-graph-nodes'));
  }

  /** How many times the graph has been laid out since the page opened. */
  async layouts(): Promise<number> {
    return Number(await this.canvas.getAttribute('data-graph-layouts'));
  }

  /** Waits until the graph has been laid out more often than `count` times. */
  async laidOutAgainAfter(count: number): Promise<void> {
    await this.page
      .locator(`[data-testid="workflow-graph-canvas"]:not([data-graph-layouts="${count}"])`)
      .waitFor();
  }

  /** As a keyboard user: focus the graph, "/" to the search, type `text` key by key, Enter. */
  async findByKeyboard(text: string): Promise<void> {
    await this.canvas.focus();
    await this.page.keyboard.press('/');
    await this.search.pressSequentially(text);
    await this.search.press('Enter');
  }

  /** Puts `text` in the search at once and presses Enter. */
  async find(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
  }

  /** Fits the whole graph in view, as the "0" key does. */
  async fit(): Promise<void> {
    await this.canvas.focus();
    await this.page.keyboard.press('0');
  }

  /** How many of the canvas's pixels are exactly this colour (`#rrggbb`): a phase's fill, far out. */
  async pixelsOf(colour: string): Promise<number> {
    const query: PixelQuery = { hex: colour, want: 'count' };
    return Number(await this.page.evaluate(canvasPixels, query));
  }

  /** Waits until some (or, with `none`, none) of the canvas's pixels are exactly this colour. */
  async waitForPixels(colour: string, { none = false } = {}): Promise<void> {
    const query: PixelQuery = { hex: colour, want: none ? 'none' : 'some' };
    await this.page.waitForFunction(canvasPixels, query);
  }

  /** Waits until the node panel shows the node named `displayName`; returns the panel's text. */
  async panelShows(displayName: string, timeout?: number): Promise<string> {
    await this.nodePanel
      .getByRole('heading', { name: displayName })
      .waitFor(timeout === undefined ? {} : { timeout });
    return this.nodePanel.innerText();
  }
}

interface PixelQuery {
  hex: string;
  want: 'count' | 'some' | 'none';
}

/** The little of the page the count reads (e2e/ compiles without the DOM library). */
interface PageLike {
  document: {
    querySelector: (selector: string) => {
      width: number;
      height: number;
      getContext: (kind: '2d') => {
        getImageData: (x: number, y: number, w: number, h: number) => { data: ArrayLike<number> };
      } | null;
    } | null;
  };
}

/**
 * Runs in the page (Playwright sends its source, so it calls nothing outside itself): the graph
 * canvas's pixels of exactly one opaque colour — their count, or whether there are some or none.
 */
function canvasPixels({ hex, want }: PixelQuery): number | boolean {
  const canvas = (globalThis as unknown as PageLike).document.querySelector(
    '[data-testid="workflow-graph-canvas"]',
  );
  const ctx = canvas === null ? null : canvas.getContext('2d');
  if (canvas === null || ctx === null) return want === 'count' ? 0 : false;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4)
    if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) count++;
  return want === 'count' ? count : want === 'some' ? count > 0 : count === 0;
}
