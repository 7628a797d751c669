// A service instance as the browser tests drive it (a page object), on its own page or as a row of a
// list: its status line and its actions, Stop and Delete confirmed in their dialogs. Starting runs a
// real process in a pod's network namespace, so the waits for a phase allow for a loaded machine.
import type { Locator, Page } from 'playwright-core';
import { custom } from '../../../devcluster/test/cluster.ts';

const instancesApi = { group: 'argovue.io', version: 'v1alpha1', plural: 'serviceinstances' } as const;

export class ServiceInstanceUi {
  readonly page: Page;
  readonly name: string;
  /** The instance page's summary (phase, ready pods, inputs, last use). */
  readonly summary: Locator;
  readonly #lifeStep: { timeout: number };

  /** `timeout`: how long a phase may take to come (Jupyter starts slower than the echo app). */
  constructor(page: Page, name: string, timeout = 120_000) {
    this.page = page;
    this.name = name;
    this.summary = page.locator('.instance-summary');
    this.#lifeStep = { timeout };
  }

  /** Waits until `within` (the summary, or a list's row) shows the phase, and the ready count if given. */
  async shows(phase: string, ready?: string, within: Locator = this.summary): Promise<void> {
    await within.locator('.service-phase', { hasText: phase }).waitFor(this.#lifeStep);
    if (ready !== undefined) await within.getByText(ready, { exact: true }).waitFor(this.#lifeStep);
  }

  /** Clicks the instance's Stop or Delete (the first, on a list) and confirms it in the dialog. */
  async confirm(action: 'Stop' | 'Delete'): Promise<void> {
    await this.page
      .getByRole('button', { name: `${action} ${this.name}`, exact: true })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', { name: `${action} ${this.name}?` });
    await dialog.getByRole('button', { name: `${action} instance` }).click();
  }

  /** Waits until the instance has left the list the page shows (after a Delete). */
  async gone(): Promise<void> {
    await this.page
      .locator(`[data-instance="${this.name}"]`)
      .waitFor({ state: 'detached', ...this.#lifeStep });
  }
}

/** Deletes an instance a browser test made, as admin; nothing if it is already gone. */
export async function deleteInstance(namespace: string, name: string): Promise<void> {
  await custom.deleteNamespacedCustomObject({ ...instancesApi, namespace, name }).catch(() => undefined);
}
