// The workflow page's actions, driven by keyboard and mouse: the buttons follow the workflow's state,
// destroying actions ask first in a modal that Escape closes (focus goes back), and each outcome is
// said in the page — success, or the server's message and hint.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { expectNoPageErrors, launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const suffix = randomBytes(3).toString('hex');
const running = `actions-run-${suffix}`;

/** Two steps of a minute each: long enough to suspend, resume and terminate it. */
function slowSteps(name: string): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name },
    spec: {
      entrypoint: 'main',
      arguments: { parameters: [{ name: 'size', value: 'small' }] },
      podMetadata: { annotations: { 'pod-complete.stage.kwok.x-k8s.io/delay': '60s' } },
      templates: [
        { name: 'main', steps: [[{ name: 'one', template: 'work' }], [{ name: 'two', template: 'work' }]] },
        { name: 'work', container: { image: 'example.invalid/step:1', command: ['run'] } },
      ],
    },
  };
}

async function actionButtons(page: Page): Promise<string[]> {
  return (
    await page.getByRole('group', { name: 'Workflow actions' }).getByRole('button').allInnerTexts()
  ).map((s) => s.trim());
}

describe('workflow actions: confirmation, keyboard and outcome', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await createWorkflow('team-a', slowSteps(running));
  });
  after(async () => {
    await browser.close();
    await server.stop();
    await deleteWorkflow('team-a', running).catch(() => undefined);
  });

  it('alice suspends, resumes and (after Escape once) terminates a running workflow', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows/team-a/${running}`);
    await signInThroughProvider(page, 'alice');
    const title = page.locator('.workflow-title');
    await title.filter({ hasText: 'Running' }).waitFor({ timeout: 30_000 });
    await page.locator('.workflow-title .live-indicator[data-live="live"]').waitFor();
    assert.deepEqual(await actionButtons(page), ['Suspend', 'Stop…', 'Terminate…', 'Delete…']);

    const status = page.locator('.action-outcome[role="status"]');
    await page.getByRole('button', { name: 'Suspend' }).click();
    await status.getByText(`Suspended ${running}.`).waitFor();
    // spec.suspend comes back in the row: the bar offers Resume instead of Suspend.
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Suspend' }).count(), 0);
    await page.getByRole('button', { name: 'Resume' }).click();
    await status.getByText(new RegExp(`^Resumed ${running}`)).waitFor();
    await page.getByRole('button', { name: 'Suspend' }).waitFor();

    // Keyboard: focus the button, Enter opens the modal, Escape closes it and focus returns.
    const terminate = page.getByRole('button', { name: 'Terminate…' });
    await terminate.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Terminate ${running}?` });
    await dialog.waitFor();
    await dialog.getByText('exit handler does not run').waitFor();
    await screenshot(page, 'workflow-terminate-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The e2e project has no DOM types: the element compares itself with its document's focus.
    assert.equal(
      await terminate.evaluate(
        (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
      ),
      true,
      'focus returned to the button',
    );
    await title.filter({ hasText: 'Running' }).waitFor();

    await terminate.click();
    await dialog.getByRole('button', { name: 'Terminate workflow' }).click();
    await dialog.waitFor({ state: 'detached' });
    await status.getByText(`Terminating ${running}.`).waitFor();
    // The controller ends it; the page follows live and now offers what a failed workflow can do.
    await title.filter({ hasText: 'Failed' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Retry…' }).waitFor();
    assert.deepEqual(await actionButtons(page), ['Retry…', 'Resubmit…', 'Delete…']);
    expectNoPageErrors(watched);
    await page.close();
  });

  it('a refused resubmit shows the server’s message and hint in the dialog, which stays open', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    // Whatever the server does with memoized today, the refusal path is exercised with its error shape.
    await page.route(/\/resubmit$/, (route) =>
      route.fulfill({
        status: 400,
        json: {
          code: 'INPUT_INVALID',
          status: 400,
          message: 'Invalid resubmit: memoized: memoized resubmit is not available yet.',
          hint: 'Send { parameters: { name: "value" } } or nothing.',
        },
      }),
    );
    await page.goto(`${server.url}/workflows/team-a/${running}`);
    await signInThroughProvider(page, 'alice');
    await page.locator('.workflow-title').filter({ hasText: 'Failed' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Resubmit…' }).click();
    const dialog = page.getByRole('dialog', { name: `Resubmit ${running}` });
    await dialog.getByLabel('size').waitFor();
    assert.equal(await dialog.getByLabel('size').inputValue(), 'small', 'parameters prefilled');
    await dialog.getByLabel(/Memoized/).check();
    const sent = page.waitForRequest(/\/resubmit$/);
    await dialog.getByRole('button', { name: 'Resubmit', exact: true }).click();
    assert.deepEqual((await sent).postDataJSON(), { memoized: true });
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /memoized resubmit is not available yet[\s\S]*Send \{ parameters/);
    await screenshot(page, 'workflow-resubmit-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expectNoPageErrors(watched, ['Failed to load resource: the server responded with a status of 400']);
    await page.close();
  });
});
