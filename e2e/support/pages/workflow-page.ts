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

  /** Waits until the node panel shows the node named `displayName`; returns the panel's text. */
  async panelShows(displayName: string, timeout?: number): Promise<string> {
    await this.nodePanel
      .getByRole('heading', { name: displayName })
      .waitFor(timeout === undefined ? {} : { timeout });
    return this.nodePanel.innerText();
  }
}
