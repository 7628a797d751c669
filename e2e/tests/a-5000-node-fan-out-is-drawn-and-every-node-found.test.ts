// A finished 5,000-node workflow (a withItems fan-out, one of its items retried, an exit handler; stored
// as Argo stores a big status: status.compressedNodes) is drawn with its fan-out folded into one group;
// alice finds a node inside the group, and an attempt inside the retried one, by searching, and sees
// their details.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createWorkflow, deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { bigWorkflowNodes, fanOutWorkflow } from '../support/big-workflow.ts';
import { busyCores } from '../support/cpu-load.ts';
import { WorkflowPage } from '../support/pages/workflow-page.ts';
import { pasteAndPress } from '../support/paste-and-press.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const namespace = 'team-a';
const name = `fan-out-5000-${randomBytes(3).toString('hex')}`;

/**
 * The shared generator's fan-out (4,997 nodes), with what a real one has too: every 100th item failed
 * (continued on), item 2 retried (a Retry node whose second attempt succeeded and leads on to the join),
 * and the exit handler `<name>.onExit` — 5,000 nodes, stored compressed.
 */
function fanOutWithRetryAndExitHandler(): object {
  const workflow = fanOutWorkflow(name, 4997, {
    namespace,
    compress: 'always',
    labels: { 'argovue.dev/test': 'true' },
  });
  const nodes = bigWorkflowNodes(workflow) as unknown as Record<string, Record<string, unknown>>;
  for (const node of Object.values(nodes)) {
    const item = /^fan\((\d+):/.exec(String(node['displayName']));
    if (item !== null && Number(item[1]) % 100 === 99) node['phase'] = 'Failed';
  }
  const retried = Object.values(nodes).find((n) => n['displayName'] === 'fan(2:item-2)');
  assert.ok(retried);
  const attempt = (n: number, phase: string, children: unknown) => {
    const id = `${String(retried['id'])}-attempt-${n}`;
    nodes[id] = {
      ...retried,
      id,
      name: `${String(retried['name'])}(${n})`,
      displayName: `fan(2:item-2)(${n})`,
      phase,
      children,
    };
    return id;
  };
  const attempts = [attempt(0, 'Failed', []), attempt(1, 'Succeeded', retried['children'])];
  Object.assign(retried, { type: 'Retry', children: attempts });
  const { boundaryID: _inside, ...outside } = retried;
  nodes[`${name}-exit`] = {
    ...outside,
    id: `${name}-exit`,
    name: `${name}.onExit`,
    displayName: `${name}.onExit`,
    type: 'Pod',
    templateName: 'notify',
    phase: 'Succeeded',
    children: [],
  };
  assert.equal(Object.keys(nodes).length, 5000);
  workflow.status.compressedNodes = gzipSync(JSON.stringify(nodes)).toString('base64');
  return workflow;
}

describe('a 5,000-node fan-out', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    await createWorkflow(namespace, fanOutWithRetryAndExitHandler());
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.stop();
    await deleteWorkflow(namespace, name).catch(() => undefined);
  });

  /** A page of its own, alice signed in, on the big workflow's graph. */
  async function openTheWorkflowAsAlice(): Promise<{
    watched: WatchedPage;
    page: Page;
    workflow: WorkflowPage;
  }> {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows`);
    await signInThroughProvider(page, 'alice');
    return { watched, page, workflow: await WorkflowPage.open(page, server.url, namespace, name) };
  }

  it('is drawn folded, and alice finds nodes inside the group and inside a retry', async () => {
    const { watched, page, workflow } = await openTheWorkflowAsAlice();
    assert.match((await workflow.canvas.getAttribute('aria-label')) ?? '', /5,000 nodes/);
    // the DAG root, split, the TaskGroup, the group of its 4,993 items, join, the exit handler
    assert.equal(await workflow.drawn(), 6);
    await screenshot(page, 'workflow-graph-5000-folded');

    // "/" focuses the search; Enter goes to the match: the group opens and the shard is selected.
    await workflow.findByKeyboard('fan(3210:');
    const found = await workflow.panelShows('fan(3210:item-3210)');
    assert.match(found, /Succeeded/);
    assert.ok(found.includes(`${name}.fan(3210:item-3210)`), 'the full name');
    assert.ok((await workflow.drawn()) > 4900, 'the group was expanded');
    await screenshot(page, 'workflow-graph-5000-found');

    // Folded again, the failed first attempt of the retried item is still found (group, then retry).
    await page.getByRole('button', { name: 'Collapse all' }).click();
    assert.equal(await workflow.drawn(), 6);
    await workflow.find('fan(2:item-2)(0)');
    assert.match(await workflow.panelShows('fan(2:item-2)(0)'), /Failed/);
    await page.getByRole('button', { name: 'Fold the attempts' }).waitFor();

    // Escape clears the search.
    await workflow.search.press('Escape');
    assert.equal(await workflow.search.inputValue(), '');

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
  it('takes Enter pressed straight after typing, on a busy machine, and goes to that node', async () => {
    const { watched, page, workflow } = await openTheWorkflowAsAlice();
    assert.equal(await workflow.drawn(), 6);
    // A slow page (Chromium's CPU throttling) on a machine whose cores are busy: React's deferred
    // search results trail the typing, which is when Enter used to be dropped.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    const load = busyCores(60_000);
    try {
      const { search } = workflow;
      await search.click();
      await search.pressSequentially('fan(4321:item-4321)');
      await search.press('Enter');
      const found = await workflow.panelShows('fan(4321:item-4321)', 60_000);
      assert.ok(found.includes(`${name}.fan(4321:item-4321)`), 'the full name');

      // The sharpest case: the name pasted and Enter pressed in one go, before React renders again (a
      // fast typist, a scanner, a paste): the matches React computed are still the old query's.
      await search.fill('');
      await pasteAndPress(search, 'fan(1234:item-1234)', { key: 'Enter' });
      await workflow.panelShows('fan(1234:item-1234)', 60_000);
    } finally {
      load.stop();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    const unexpected = watched.errors.filter((e) => !e.includes('status of 404'));
    assert.deepEqual(unexpected, [], 'the page logged no unexpected errors');
    await page.close();
  });
});
