// Alice lists her workflows, filters them, and opens the failed one's graph; Bob sees none of hers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowRow } from '@argovue/api-types';
import { compactListJson, compactRowParts } from '@argovue/api-types/workflow-rows-compact';
import type { Page } from 'playwright-core';
import { expectNoPageErrors, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { browserSuite } from '../support/suites.ts';

const brokenWorkflow = 'etl-2026-11-24-broken';
const workflowRows = 'table[aria-label="Workflows"] tbody tr:not(.virtual-spacer)';

/** The namespace cell of every rendered row. */
async function shownNamespaces(page: Page): Promise<string[]> {
  await page.locator(workflowRows).first().waitFor();
  return (await page.locator(`${workflowRows} td:nth-child(3)`).allInnerTexts()).map((s) => s.trim());
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('workflows: the list and one workflow’s graph', () => {
  const suite = browserSuite();

  it('alice lists team-a’s workflows, filters by phase, and opens the failed node', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/workflows`);
    await signInThroughProvider(page, 'alice');
    await page.waitForURL(/\/workflows$/);
    const namespaces = await shownNamespaces(page);
    assert.ok(namespaces.length > 0);
    assert.deepEqual([...new Set(namespaces)], ['team-a']);
    const broken = page.locator(workflowRows, { hasText: brokenWorkflow });
    await broken.waitFor();
    assert.match(await broken.innerText(), /Failed/);
    await screenshot(page, 'workflows-list');

    // Sorting by a column header goes into the URL and says so to assistive technology.
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await page.waitForURL(/\?sort=name$/);
    const nameHeader = page.getByRole('columnheader', { name: 'Name', exact: true });
    // The URL changes first; the header follows on the next render.
    await waitUntil(async () => (await nameHeader.getAttribute('aria-sort')) === 'ascending');
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await page.waitForURL(/\?sort=-name$/);
    await waitUntil(async () => (await nameHeader.getAttribute('aria-sort')) === 'descending');
    await page.goto(`${suite.server.url}/workflows`);
    await page.locator(workflowRows).first().waitFor();

    await page.getByRole('search').getByRole('button', { name: 'Failed', exact: true }).click();
    await page.waitForURL(/\?phase=Failed$/);
    await waitUntil(
      async () => (await page.locator(workflowRows).filter({ hasNotText: 'Failed' }).count()) === 0,
    );
    const failedRows = await page.locator(`${workflowRows} td:nth-child(2)`).allInnerTexts();
    assert.ok(failedRows.map((s) => s.trim()).includes(brokenWorkflow));

    await page.getByRole('link', { name: brokenWorkflow }).click();
    await page.waitForURL(new RegExp(`/workflows/team-a/${brokenWorkflow}$`));
    await page.getByRole('heading', { name: brokenWorkflow }).waitFor();
    await page.locator('canvas.graph-canvas').waitFor();
    await page
      .getByRole('table', { name: 'Nodes' })
      .getByRole('button', { name: 'transform-b', exact: true })
      .click();
    const panel = page.locator('aside.node-panel');
    await panel.getByRole('heading', { name: 'transform-b' }).waitFor();
    assert.match(await panel.innerText(), /Failed/);
    // The panel reads the node's outputs and pod: the exit code of the failed main container.
    await panel.getByRole('list', { name: 'Containers' }).waitFor();
    assert.match(await panel.innerText(), /Exit code\s+1/);
    await screenshot(page, 'workflow-graph');
    expectNoPageErrors(watched);
    await page.close();
  });

  it('renders only the rows in view of 10,000, and pages on with continue while scrolling', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    const total = 10_000;
    // The list API answers with synthetic rows, a page of the size asked at a time (the web app's
    // first page is 1,000 rows, the later ones 5,000); the token is the next offset.
    await page.route(/\/api\/v1\/workflows\?/, async (route) => {
      const url = new URL(route.request().url());
      const offset = Number(url.searchParams.get('continue') ?? '0');
      const pageSize = Number(url.searchParams.get('limit') ?? '100');
      const items = Array.from({ length: Math.min(pageSize, total - offset) }, (_, i): WorkflowRow => ({
        namespace: 'team-a',
        name: `synthetic-${String(offset + i).padStart(5, '0')}`,
        phase: 'Succeeded',
        createdAt: '2026-11-25T10:00:00Z',
        startedAt: '2026-11-25T10:00:00Z',
        finishedAt: '2026-11-25T10:01:00Z',
        labels: {},
      }));
      const next = offset + pageSize < total ? { continue: String(offset + pageSize) } : {};
      // In the compact encoding the web app asks for (rows as arrays under their columns).
      assert.equal(url.searchParams.get('format'), 'compact');
      await route.fulfill({
        contentType: 'application/json',
        body: compactListJson(items, { total, ...next, eventId: 'synthetic-0' }, compactRowParts),
      });
    });
    // The synthetic list must not be changed by the cluster's real workflow events meanwhile.
    await page.route(/\/api\/v1\/workflows\/events/, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: 'retry: 600000\n\nid: synthetic-0\nevent: ready\ndata: {}\n\n',
      }),
    );
    await page.goto(`${suite.server.url}/workflows`);
    await signInThroughProvider(page, 'alice');
    await page.locator(workflowRows).first().waitFor();
    assert.ok((await page.locator(workflowRows).count()) < 100, 'only the rows in view are in the page');
    await page.locator('.virtual-scroll').hover();
    // Scrolled to the end as a user does, again while pages arrive: a page that lands after the last
    // scroll makes the list longer, and the end is further down (waiting on the count alone raced).
    const last = page.getByRole('link', { name: 'synthetic-09999' });
    await waitUntil(async () => {
      await page.mouse.wheel(0, 200_000);
      return last.isVisible();
    }, 20_000);
    assert.match(
      await page.locator('.page-heading [role="status"]').innerText(),
      new RegExp(`^${total} workflows`),
    );
    assert.ok((await page.locator(workflowRows).count()) < 100);
    expectNoPageErrors(watched);
    await page.close();
  });

  it('bob sees no team-a workflow, and the link to one is not found', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/workflows`);
    await signInThroughProvider(page, 'bob');
    await page.waitForURL(/\/workflows$/);
    const namespaces = await shownNamespaces(page);
    assert.ok(!namespaces.includes('team-a'), `bob saw ${namespaces.join(', ')}`);
    assert.equal(await page.locator(workflowRows, { hasText: brokenWorkflow }).count(), 0);

    // The namespace card on the home page links to that namespace's workflows.
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('link', { name: 'Workflows in team-b' }).click();
    await page.waitForURL(/\/workflows\?namespace=team-b$/);
    assert.deepEqual([...new Set(await shownNamespaces(page))], ['team-b']);
    await waitUntil(async () => (await page.getByLabel('Namespace').inputValue()) === 'team-b');
    expectNoPageErrors(watched);

    await page.goto(`${suite.server.url}/workflows/team-a/${brokenWorkflow}`);
    await page.getByRole('heading', { name: 'Workflow not found' }).waitFor();
    assert.equal(await page.locator('canvas.graph-canvas').count(), 0);
    // Chromium logs every 404 answer as a console error: that one is this step's expected outcome.
    expectNoPageErrors(watched, ['Failed to load resource: the server responded with a status of 404']);
    await page.close();
  });
});
