// Alice's workflow list follows changes as they happen: a workflow created behind her back appears and
// finishes without a reload; and a failed node's log can be read, searched and downloaded.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import {
  expectNoPageErrors,
  launchBrowser,
  openPage,
  screenshot,
  type WatchedPage,
} from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const brokenWorkflow = 'etl-2026-11-24-broken';
const workflowRows = 'table[aria-label="Workflows"] tbody tr:not(.virtual-spacer)';
const suffix = randomBytes(3).toString('hex');
const created = `live-${suffix}`;
const pausing = `live-pause-${suffix}`;

function oneStep(name: string): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name },
    spec: {
      entrypoint: 'main',
      templates: [{ name: 'main', container: { image: 'example.invalid/step:1', command: ['run'] } }],
    },
  };
}

/** Waits a few seconds (a timed suspend step), then runs one pod: long enough to watch it run. */
function pauseThenStep(name: string): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name },
    spec: {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          steps: [[{ name: 'pause', template: 'pause' }], [{ name: 'work', template: 'work' }]],
        },
        { name: 'pause', suspend: { duration: '4s' } },
        { name: 'work', container: { image: 'example.invalid/step:1', command: ['run'] } },
      ],
    },
  };
}

/** Like expectNoPageErrors, but lets through messages this test expects (matched by substring). */
function expectNoPageErrorsBut(watched: WatchedPage, allowed: string[]): void {
  const unexpected = watched.errors.filter((e) => !allowed.some((a) => e.includes(a)));
  assert.deepEqual(unexpected, [], 'the page logged no unexpected errors');
}

describe('workflows: live changes and node logs', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.stop();
    await deleteWorkflow('team-a', created).catch(() => undefined);
    await deleteWorkflow('team-a', pausing).catch(() => undefined);
  });

  it('a workflow created while alice looks appears in her list and turns Succeeded', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    // Filtered to the new workflow's name, so the demo's CronWorkflow cannot put another row on top.
    await page.goto(`${server.url}/workflows?q=${created}`);
    await signInThroughProvider(page, 'alice');
    await page.waitForURL(/\/workflows\?q=/);
    await page.locator('.live-indicator[data-live="live"]').waitFor();

    await createWorkflow('team-a', oneStep(created));
    const row = page.locator(workflowRows, { hasText: created });
    await row.waitFor({ timeout: 15_000 });
    await row.filter({ hasText: 'Succeeded' }).waitFor({ timeout: 90_000 });
    // It arrived by the stream under the page's filter: the one row shown.
    assert.match(await page.locator(workflowRows).first().innerText(), new RegExp(created));
    await screenshot(page, 'workflows-live');
    expectNoPageErrors(watched);
    await page.close();
  });

  it('the page of a running workflow updates its phase and nodes without a reload', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows`);
    await signInThroughProvider(page, 'alice');
    await page.locator('.live-indicator[data-live="live"]').waitFor();
    await createWorkflow('team-a', pauseThenStep(pausing));
    await page.getByRole('link', { name: pausing }).click();
    await page.getByRole('heading', { name: pausing }).waitFor();
    const title = page.locator('.workflow-title');
    await title.filter({ hasText: 'Running' }).waitFor();
    await page.locator('.workflow-title .live-indicator[data-live="live"]').waitFor();
    const nodes = page.getByRole('table', { name: 'Nodes' });
    await title.filter({ hasText: 'Succeeded' }).waitFor({ timeout: 60_000 });
    await nodes.getByRole('button', { name: 'work', exact: true }).waitFor();
    assert.match(await nodes.locator('tr', { hasText: 'work' }).innerText(), /Succeeded/);
    expectNoPageErrors(watched);
    await page.close();
  });

  it('holds a 100,000-line log with a very long line, rendering only the lines in view', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    // A synthetic log in place of the node's: no demo pod writes this much.
    const lines = Array.from({ length: 100_000 }, (_, i) => `synthetic line ${i}`);
    lines[50_000] = `LONGLINE ${'x'.repeat(50_000)}`;
    await page.route(/\/logs\?/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: `${lines.join('\n')}\n` }),
    );
    await page.goto(`${server.url}/workflows/team-a/${brokenWorkflow}`);
    await signInThroughProvider(page, 'alice');
    await page
      .getByRole('table', { name: 'Nodes' })
      .getByRole('button', { name: 'transform-b', exact: true })
      .click();
    const logs = page.locator('section.node-logs');
    await logs.getByText('100000 lines').waitFor({ timeout: 20_000 });
    assert.ok((await logs.locator('.log-line').count()) < 200, 'only the lines in view are in the page');

    const search = logs.getByRole('searchbox');
    await search.fill('LONGLINE');
    await search.press('Enter');
    await logs
      .getByRole('status')
      .filter({ hasText: /^1 of 1$/ })
      .waitFor();
    const long = logs.locator('.log-line', { hasText: 'LONGLINE' });
    assert.match(await long.innerText(), /… \(line truncated\)$/);
    assert.ok((await long.innerText()).length < 10_100);

    await search.fill('synthetic line 99999');
    await search.press('Enter');
    await logs
      .getByRole('status')
      .filter({ hasText: /^1 of 1$/ })
      .waitFor();
    await logs.locator('mark.current', { hasText: 'synthetic line 99999' }).waitFor();
    await screenshot(page, 'node-logs-100k');
    expectNoPageErrors(watched);
    await page.close();
  });

  it('alice reads, searches and downloads the failed node’s log', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows/team-a/${brokenWorkflow}`);
    await signInThroughProvider(page, 'alice');
    await page.getByRole('heading', { name: brokenWorkflow }).waitFor();
    await page
      .getByRole('table', { name: 'Nodes' })
      .getByRole('button', { name: 'transform-b', exact: true })
      .click();
    const logs = page.locator('section.node-logs');
    await logs.getByRole('log').getByText('starting step: loading input partitions').waitFor();

    const search = logs.getByRole('searchbox');
    await search.fill('partition');
    await search.press('Enter');
    const status = logs.getByRole('status');
    await status.filter({ hasText: /^1 of \d+$/ }).waitFor();
    assert.equal(await logs.locator('mark.current').count(), 1);
    const count = Number(/of (\d+)/.exec(await status.innerText())?.[1]);
    assert.ok(count >= 1);
    if (count > 1) {
      await search.press('Enter');
      await status.filter({ hasText: `2 of ${count}` }).waitFor();
      await search.press('Shift+Enter');
      await status.filter({ hasText: `1 of ${count}` }).waitFor();
    }

    const href = (await logs.getByRole('link', { name: 'Download' }).getAttribute('href')) ?? '';
    assert.match(href, /[?&]download=true(&|$)/);
    assert.match(href, /[?&]container=main(&|$)/);
    await screenshot(page, 'node-logs');
    expectNoPageErrors(watched);

    // A node whose pod is gone: every demo pod still exists, so the server's 404 (proved by the API test
    // node-logs-stream-as-the-user) is answered here in its shape; the panel shows message and hint.
    await page.route(/\/logs\?.*container=init/, (route) =>
      route.fulfill({
        status: 404,
        json: {
          code: 'NOT_FOUND',
          status: 404,
          message: 'The pod of node transform-b no longer exists.',
          hint: 'Pods are deleted after a while; the log is gone with it.',
        },
      }),
    );
    await logs.getByRole('combobox').selectOption('init');
    const alert = logs.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /no longer exists[\s\S]*deleted after a while/);
    await screenshot(page, 'node-logs-missing-container');
    expectNoPageErrorsBut(watched, ['Failed to load resource: the server responded with a status of 404']);
    await page.close();
  });
});
