// The demo's notebook, for real: alice starts the Jupyter Notebook template from the catalogue with her
// inputs, sees it ready, opens it through the proxy at its own origin (the portal handshake), makes a
// notebook and runs a cell in a real Python kernel (Debian's Jupyter, run in the pod's network
// namespace by the devcluster's pod runner; the cell goes over a WebSocket through the proxy), sees its
// output, then stops and deletes the instance.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { errors, type BrowserContext, type Page, type Request } from 'playwright-core';
import { expectNoPageErrors, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { deleteInstance, ServiceInstanceUi } from '../support/pages/service-instance.ts';
import { browserSuite } from '../support/suites.ts';

const instance = `nb-${randomBytes(3).toString('hex')}`;
// Jupyter and its kernel start as real processes; on a loaded machine that takes a while.
const lifeStep = { timeout: 180_000 };

/**
 * Notes what each page opened in `context` from now on saw: answers ≥ 400, failed requests, errors;
 * `unanswered` lists the requests still waiting for their answer.
 */
function recordPages(context: BrowserContext): { seen: string[]; unanswered: () => string[] } {
  const seen: string[] = [];
  const waiting = new Map<Request, number>();
  const started = Date.now();
  const at = (time: number) => `${((time - started) / 1000).toFixed(1)} s`;
  const note = (line: string) => seen.push(`${at(Date.now())} ${line}`);
  context.on('page', (page) => {
    page.on('request', (r) => waiting.set(r, Date.now()));
    page.on('requestfinished', (r) => waiting.delete(r));
    page.on('requestfailed', (r) => waiting.delete(r));
    page.on('response', (r) => {
      if (r.status() >= 400) note(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => note(`failed ${r.url()}: ${r.failure()?.errorText ?? ''}`));
    page.on('pageerror', (error) => note(`page error: ${error.message}`));
  });
  return {
    seen,
    unanswered: () => [...waiting].map(([r, since]) => `${at(since)} unanswered ${r.method()} ${r.url()}`),
  };
}

/**
 * Waits for Jupyter's file tree to show. Jupyter's page stays blank for good when one of its scripts
 * fails or takes more than its RequireJS's 30 s (reproduced by holding `services/contents.js` 40 s);
 * seen twice, once in CI under load and once here on a quiet machine, the tree's "New" button hidden
 * for 180 s, cause not yet known. A person reloads a blank page, and so does this, once, after 60 s,
 * printing what the page saw so that the cause shows in the test's output.
 */
async function jupyterTreeShown(notebook: Page, pages: ReturnType<typeof recordPages>): Promise<void> {
  const newButton = notebook.locator('#new-dropdown-button');
  // Only its timeout leads to the reload; any other failure is the test's.
  const shown = await newButton.waitFor({ timeout: 60_000 }).then(
    () => true,
    (error: unknown) => {
      if (error instanceof errors.TimeoutError) return false;
      throw error;
    },
  );
  if (shown) return;
  console.log(
    `Jupyter's tree still blank after 60 s; reloading it once. What the pages saw:\n${[...pages.seen, ...pages.unanswered()].join('\n')}`,
  );
  await notebook.reload();
  await newButton.waitFor(lifeStep);
}

describe('a user starts a notebook, runs a cell through the proxy, stops and deletes it', () => {
  const suite = browserSuite();
  suite.afterwards(() => deleteInstance('team-a', instance));

  it('alice starts it from the catalogue, opens it and runs a cell in its kernel', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/services/catalogue`);
    await signInThroughProvider(page, 'alice');
    await page.getByLabel('Namespace').selectOption('team-a');
    await page.getByRole('link', { name: 'Jupyter Notebook' }).click();
    await page.getByRole('heading', { name: 'Start Jupyter Notebook' }).waitFor();
    await page.getByLabel('Instance name').fill(instance);
    await page.getByRole('combobox', { name: /^CPU/ }).selectOption('500m');
    await page.getByRole('combobox', { name: /^Memory/ }).selectOption('1Gi');
    await page.getByRole('button', { name: 'Start in team-a' }).click();
    await page.waitForURL(`${suite.server.url}/services/team-a/${instance}`);
    const ui = new ServiceInstanceUi(page, instance, lifeStep.timeout);
    await ui.shows('Running', '1 of 1 ready');
    await ui.summary.getByText('cpu=500m').waitFor();

    // Opened at its own origin, through the proxy: Jupyter's file tree.
    const pages = recordPages(page.context());
    const [notebook] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: `Open ${instance}` }).click(),
    ]);
    assert.match(new URL(notebook.url()).hostname, new RegExp(`^${instance}--team-a\\.localhost$`));
    // The pod is ready as KWOK says before Jupyter listens: the proxy's page reloads until it answers.
    await jupyterTreeShown(notebook, pages);
    await screenshot(notebook, 'notebook-tree');

    // A new Python 3 notebook opens in a window of its own.
    await notebook.locator('#new-dropdown-button').click();
    const [editor] = await Promise.all([
      notebook.waitForEvent('popup'),
      notebook.locator('#kernel-python3 a, a[title="Create a new notebook with Python 3"]').first().click(),
    ]);
    await editor.locator('#kernel_indicator_icon.kernel_idle_icon').waitFor(lifeStep);
    await editor.locator('.cell .CodeMirror').first().click();
    await editor.keyboard.type('import sys; print(6 * 7, sys.version_info[0])');
    await editor.keyboard.press('Shift+Enter');
    await editor.locator('.output_area pre', { hasText: '42 3' }).waitFor(lifeStep);
    await screenshot(editor, 'notebook-cell-ran');
    await editor.close();
    await notebook.close();
    expectNoPageErrors(watched);
    await page.close();
  });

  it('alice stops it and deletes it', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/services/team-a/${instance}`);
    await signInThroughProvider(page, 'alice');
    const ui = new ServiceInstanceUi(page, instance, lifeStep.timeout);
    await ui.shows('Running');
    await ui.confirm('Stop');
    await ui.shows('Stopped');
    await page.getByText('The instance is stopped: it has no pods.').waitFor(lifeStep);
    await ui.confirm('Delete');
    await page.waitForURL(`${suite.server.url}/services`);
    await page.getByRole('heading', { name: 'My instances' }).waitFor();
    await ui.gone();
    expectNoPageErrors(watched);
    await page.close();
  });
});
