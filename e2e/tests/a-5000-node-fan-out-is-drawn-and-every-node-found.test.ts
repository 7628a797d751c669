// A finished 5,000-node workflow (a withItems fan-out with retries, stored as Argo stores a big
// status: status.compressedNodes) is drawn with its fan-out folded into one group; alice finds a node
// inside the group, and an attempt inside a retried one, by searching, and sees their details.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { bigWorkflow } from '../../devcluster/test/big-workflow.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const namespace = 'team-a';
const name = `fan-out-5000-${randomBytes(3).toString('hex')}`;

/** Waits until the canvas has painted a finished layout, and returns how many items it laid out. */
async function drawnItems(page: Page, canvas: Locator): Promise<number> {
  await page
    .locator('[data-testid="workflow-graph-canvas"][data-graph-state="drawn"]')
    .waitFor({ timeout: 60_000 });
  return Number(await canvas.getAttribute('data-graph-nodes'));
}

describe('a 5,000-node fan-out', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    await createWorkflow(
      namespace,
      bigWorkflow({ name, namespace, nodes: 5000, failEvery: 100, retried: 5 }),
    );
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.stop();
    await deleteWorkflow(namespace, name).catch(() => undefined);
  });

  it('is drawn folded, and alice finds nodes inside the group and inside a retry', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows`);
    await signInThroughProvider(page, 'alice');
    await page.goto(`${server.url}/workflows/${namespace}/${name}`);
    const canvas = page.getByTestId('workflow-graph-canvas');
    assert.match((await canvas.getAttribute('aria-label')) ?? '', /5,000 nodes/);
    // root, [0], the group of 4,985 shards, [1], report, the exit handler
    assert.equal(await drawnItems(page, canvas), 6);
    await screenshot(page, 'workflow-graph-5000-folded');

    // "/" focuses the search; Enter goes to the match: the group opens and the shard is selected.
    await canvas.focus();
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Find a node' });
    await search.pressSequentially('process-shard(3210:');
    await search.press('Enter');
    const panel = page.locator('aside.node-panel');
    await panel.getByRole('heading', { name: 'process-shard(3210:3210)' }).waitFor();
    assert.match(await panel.innerText(), /Succeeded[\s\S]*process-shard/);
    assert.match(await panel.innerText(), new RegExp(`${name}\\[0\\]\\.process-shard\\(3210:3210\\)`));
    assert.ok((await drawnItems(page, canvas)) > 4900, 'the group was expanded');
    await screenshot(page, 'workflow-graph-5000-found');

    // Folded again, the failed first attempt of a retried shard is still found (group, then retry).
    await page.getByRole('button', { name: 'Collapse all' }).click();
    assert.equal(await drawnItems(page, canvas), 6);
    await search.fill('process-shard(2:2)(0)');
    await search.press('Enter');
    await panel.getByRole('heading', { name: 'process-shard(2:2)(0)' }).waitFor();
    assert.match(await panel.innerText(), /Failed/);
    await page.getByRole('button', { name: 'Fold the attempts' }).waitFor();

    // Escape clears the search.
    await search.press('Escape');
    assert.equal(await search.inputValue(), '');

    // The pods of this seeded workflow do not exist: their log answers 404, which the page shows.
    const unexpected = watched.errors.filter((e) => !e.includes('status of 404'));
    assert.deepEqual(unexpected, [], 'the page logged no unexpected errors');
    await page.close();

    // The controller left the completed workflow as it was written.
    const stored = (await getWorkflow(namespace, name)) as unknown as {
      status: { phase: string; compressedNodes?: string; nodes?: unknown };
    };
    assert.equal(stored.status.phase, 'Succeeded');
    assert.equal(typeof stored.status.compressedNodes, 'string');
    assert.equal(stored.status.nodes, undefined);
  });
});
