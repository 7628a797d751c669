// The story, in the browser, on the real controller: alice finds her failed workflow (phase
// filter and name search), opens its graph, the failed node and its log, retries it from that node with
// the failing parameter fixed and watches it turn Succeeded without a reload; she resubmits a second
// one (landing on the new workflow) and deletes a third (gone from the list). Then bob, of another
// team, sees none of them: not in his list, and their pages answer "not found".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WorkflowActionResult } from '@argovue/api-types';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs } from '../support/api-client.ts';
import { expectNoPageErrors, launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { WorkflowPage } from '../support/pages/workflow-page.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const workflowRows = 'table[aria-label="Workflows"] tbody tr:not(.virtual-spacer)';

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The list filtered by the UI's own controls: the Failed chip and the name search. */
async function findInList(page: Page, name: string, phase?: 'Failed'): Promise<void> {
  const search = page.getByRole('search', { name: 'Filter workflows' });
  if (
    phase !== undefined &&
    (await search.getByRole('button', { name: phase, exact: true }).getAttribute('aria-pressed')) !== 'true'
  )
    await search.getByRole('button', { name: phase, exact: true }).click();
  await search.getByRole('searchbox', { name: 'Name' }).fill(name);
  await page.waitForURL((url) => url.searchParams.get('q') === name);
}

describe('the workflows story: alice retries, resubmits and deletes; bob sees none of it', () => {
  let server: RunningServer;
  let browser: Browser;
  // Three failing runs of the demo ETL (transform-b exits 1), submitted by alice through the API.
  let toRetry = '';
  let toResubmit = '';
  let toDelete = '';
  let resubmitted = '';
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const alice = await loginAs(server.url, 'alice');
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await alice.send<WorkflowActionResult>('POST', '/api/v1/namespaces/team-a/workflows', {
        template: { name: 'etl-pipeline' },
        parameters: { 'fail-transform-b': '1' },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      names.push(res.body.name);
    }
    [toRetry = '', toResubmit = '', toDelete = ''] = names;
    for (const name of names)
      await eventually(
        `${name} to fail`,
        () => getWorkflow('team-a', name).then((w) => (w.status?.phase === 'Failed' ? true : undefined)),
        120_000,
      );
  });
  after(async () => {
    await browser.close();
    await server.stop();
    for (const name of [toRetry, toResubmit, toDelete, resubmitted])
      if (name !== '') await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('alice finds the failed workflow, reads the failed node’s log, retries it and watches it succeed', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows`);
    await signInThroughProvider(page, 'alice');
    await findInList(page, toRetry, 'Failed');
    assert.equal(new URL(page.url()).searchParams.get('phase'), 'Failed');
    const row = page.locator(workflowRows, { hasText: toRetry });
    await row.filter({ hasText: 'Failed' }).waitFor();
    // The list may re-render as live changes arrive: wait for it to settle on the one row.
    await waitUntil(async () => (await page.locator(workflowRows).count()) === 1, 'one row left');
    await page.getByRole('link', { name: toRetry }).click();

    await page.waitForURL(new RegExp(`/workflows/team-a/${toRetry}$`));
    const workflow = new WorkflowPage(page);
    const { title } = workflow;
    await title.filter({ hasText: 'Failed' }).waitFor();
    await page.getByRole('tab', { name: 'Graph' }).waitFor();
    // The failed node, found in the graph itself: "/" opens the graph's search, Enter selects the match.
    await workflow.drawn();
    await workflow.findByKeyboard('transform-b');
    assert.match(await workflow.panelShows('transform-b'), /Failed/);
    const panel = workflow.nodePanel;
    const log = page.locator('section.node-logs').getByRole('log');
    await log.getByText('starting step: loading input partitions').waitFor({ timeout: 20_000 });
    await screenshot(page, 'story-failed-node-log');

    // Retry from the failed node, with the parameter that made it fail set to succeed.
    await panel.getByRole('button', { name: 'Retry from this node…' }).click();
    const dialog = page.getByRole('dialog', { name: `Retry ${toRetry} from transform-b` });
    await dialog.waitFor();
    assert.equal(await dialog.getByLabel('fail-transform-b').inputValue(), '1', 'current values prefilled');
    assert.equal(await dialog.getByLabel(/Restart successful nodes/).isChecked(), true);
    await dialog.getByLabel('fail-transform-b').fill('0');
    const sent = page.waitForRequest(/\/retry$/);
    await dialog.getByRole('button', { name: 'Retry', exact: true }).click();
    const body = (await sent).postDataJSON() as { nodeId?: string };
    assert.deepEqual(Object.keys(body).sort(), ['nodeId', 'parameters', 'restartSuccessful']);
    await dialog.waitFor({ state: 'detached' });
    await page
      .locator('.action-outcome[role="status"]')
      .getByText(new RegExp(`^Retrying ${toRetry}`))
      .waitFor();

    // No reload from here: the page follows the controller over the live stream.
    let reloaded = false;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) reloaded = true;
    });
    await title.filter({ hasText: 'Succeeded' }).waitFor({ timeout: 120_000 });
    assert.equal(reloaded, false, 'the page was not reloaded');
    const nodes = page.getByRole('table', { name: 'Nodes' });
    for (const node of ['transform-b', 'load'])
      assert.match(await nodes.locator('tr', { hasText: node }).first().innerText(), /Succeeded/, node);
    await screenshot(page, 'story-retried-succeeded');
    expectNoPageErrors(watched);
    await page.close();
  });

  it('alice resubmits a second failed workflow and lands on the new one', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows/team-a/${toResubmit}`);
    await signInThroughProvider(page, 'alice');
    await page.locator('.workflow-title').filter({ hasText: 'Failed' }).waitFor();
    await page.getByRole('button', { name: 'Resubmit…' }).click();
    const dialog = page.getByRole('dialog', { name: `Resubmit ${toResubmit}` });
    await dialog.getByRole('button', { name: 'Resubmit', exact: true }).click();
    await page.waitForURL(
      (url) =>
        /^\/workflows\/team-a\/[a-z0-9.-]+$/.test(url.pathname) && !url.pathname.endsWith(`/${toResubmit}`),
    );
    resubmitted = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByRole('heading', { name: resubmitted }).waitFor();
    await page.locator('.action-outcome[role="status"]').getByText(new RegExp(resubmitted)).waitFor();
    // It is a new run of the same template, started by alice.
    const facts = page.locator('dl.facts-row');
    await facts.getByText('etl-pipeline').waitFor();
    expectNoPageErrors(watched);
    await page.close();
  });

  it('alice deletes a third after confirming, and it leaves her list', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows/team-a/${toDelete}`);
    await signInThroughProvider(page, 'alice');
    await page.locator('.workflow-title').filter({ hasText: 'Failed' }).waitFor();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${toDelete}?` });
    await dialog.getByText('This cannot be undone.').waitFor();
    await dialog.getByRole('button', { name: 'Delete workflow' }).click();
    await page.waitForURL((url) => url.pathname === '/workflows');
    await page
      .getByRole('status')
      .filter({ hasText: `Deleted ${toDelete}.` })
      .waitFor();
    await findInList(page, toDelete);
    await page
      .getByRole('heading', { name: 'No workflows match these filters' })
      .waitFor({ timeout: 15_000 });
    await eventually(
      `${toDelete} to be gone from the cluster`,
      () =>
        getWorkflow('team-a', toDelete).then(
          () => undefined,
          () => true,
        ),
      30_000,
    );
    expectNoPageErrors(watched);
    await page.close();
  });

  it('bob, of team-b, finds none of them and their pages say not found', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows`);
    await signInThroughProvider(page, 'bob');
    for (const name of [toRetry, toResubmit, resubmitted]) {
      await findInList(page, name);
      await page.getByRole('heading', { name: 'No workflows match these filters' }).waitFor();
    }
    const notFound: string[] = [];
    for (const name of [toRetry, toResubmit, toDelete, resubmitted]) {
      await page.goto(`${server.url}/workflows/team-a/${name}`);
      await page.getByRole('heading', { name: 'Workflow not found' }).waitFor();
      notFound.push(name);
      assert.equal(await page.getByRole('group', { name: 'Workflow actions' }).count(), 0);
    }
    assert.equal(notFound.length, 4);
    // The not-found page's request answers 404, which the browser logs; nothing else may be logged.
    const unexpected = watched.errors.filter(
      (e) => !e.includes('Failed to load resource: the server responded with a status of 404'),
    );
    assert.deepEqual(unexpected, []);
    await page.close();
  });
});
