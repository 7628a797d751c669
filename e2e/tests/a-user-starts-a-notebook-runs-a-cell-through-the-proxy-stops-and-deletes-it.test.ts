// The demo's notebook, for real: alice starts the Jupyter Notebook template from the catalogue with her
// inputs, sees it ready, opens it through the proxy at its own origin (the portal handshake), makes a
// notebook and runs a cell in a real Python kernel (Debian's Jupyter, run in the pod's network
// namespace by the devcluster's pod runner; the cell goes over a WebSocket through the proxy), sees its
// output, then stops and deletes the instance.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { expectNoPageErrors, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { deleteInstance, ServiceInstanceUi } from '../support/pages/service-instance.ts';
import { browserSuite } from '../support/suites.ts';

const instance = `nb-${randomBytes(3).toString('hex')}`;
// Jupyter and its kernel start as real processes; on a loaded machine that takes a while.
const lifeStep = { timeout: 180_000 };

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
    const [notebook] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: `Open ${instance}` }).click(),
    ]);
    assert.match(new URL(notebook.url()).hostname, new RegExp(`^${instance}--team-a\\.localhost$`));
    // The pod is ready as KWOK says before Jupyter listens: the proxy's page reloads until it answers.
    await notebook.locator('#new-dropdown-button').waitFor(lifeStep);
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
