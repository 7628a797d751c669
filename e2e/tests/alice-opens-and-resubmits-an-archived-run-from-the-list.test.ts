// The workflow archive in the browser, on the real controller and PostgreSQL: a workflow the controller
// archived is deleted from the cluster; alice still finds it in her list, marked archived, opens its
// page (marked archived, its graph and nodes, no logs or events tabs, resubmit the one action) and
// resubmits it, landing on the new workflow.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { devclusterArchiveEnv } from '../../devcluster/argovue-env.ts';
import { eventually } from '../../devcluster/test/cluster.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { expectNoPageErrors, launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const namespace = 'team-a';
const name = `archived-ui-${randomBytes(3).toString('hex')}`;

describe('an archived run in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let uid = '';
  let resubmitted = '';
  before(async () => {
    server = await startServer(devclusterArchiveEnv());
    browser = await launchBrowser();
    await createWorkflow(namespace, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name },
      spec: {
        entrypoint: 'main',
        arguments: { parameters: [{ name: 'message', value: 'kept in the archive' }] },
        templates: [
          {
            name: 'main',
            dag: {
              tasks: [
                { name: 'extract', template: 'step' },
                { name: 'load', template: 'step', dependencies: ['extract'] },
              ],
            },
          },
          { name: 'step', container: { image: 'example.invalid/x:1', command: ['run'] } },
        ],
      },
    });
    // The controller labels a workflow once it has written it to the archive.
    uid = await eventually(
      `${name} to succeed and be archived`,
      async () => {
        const wf = (await getWorkflow(namespace, name)) as unknown as {
          metadata: { uid: string; labels?: Record<string, string> };
          status?: { phase?: string };
        };
        const archived =
          wf.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'] === 'Archived';
        return wf.status?.phase === 'Succeeded' && archived ? wf.metadata.uid : undefined;
      },
      90_000,
    );
    await deleteWorkflow(namespace, name);
    await eventually(
      `${name} to be gone from the cluster`,
      () =>
        getWorkflow(namespace, name).then(
          () => undefined,
          () => true,
        ),
      30_000,
    );
  });
  after(async () => {
    await browser.close();
    await server.stop();
    if (resubmitted !== '') await deleteWorkflow(namespace, resubmitted).catch(() => undefined);
  });

  it('alice finds it in her list, opens its page and resubmits it', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows?q=${name}`);
    await signInThroughProvider(page, 'alice');
    const row = page.locator('table[aria-label="Workflows"] tbody tr', { hasText: name });
    await row.getByText('archived', { exact: true }).waitFor();
    await screenshot(page, 'archived-run-in-the-list');
    await row.getByRole('link', { name }).click();

    await page.waitForURL((url) => url.pathname === `/archived-workflows/${namespace}/${uid}`);
    const title = page.locator('.workflow-title');
    await title.getByText('Archived', { exact: true }).waitFor();
    assert.match(await title.innerText(), /Succeeded/);
    await page.locator('[data-testid="workflow-graph-canvas"][data-graph-state="drawn"]').waitFor();
    const tabs = await page.getByRole('tab').allInnerTexts();
    assert.deepEqual(tabs, ['Graph', 'YAML'], 'its pods, logs and events are gone with it');
    const nodes = page.getByRole('table', { name: 'Nodes' });
    for (const node of ['extract', 'load'])
      assert.match(await nodes.locator('tr', { hasText: node }).first().innerText(), /Succeeded/, node);
    await page.getByText('kept in the archive').waitFor();
    const actions = await page
      .getByRole('group', { name: 'Workflow actions' })
      .getByRole('button')
      .allInnerTexts();
    assert.deepEqual(actions, ['Resubmit…']);
    await screenshot(page, 'archived-run-page');

    await page.getByRole('button', { name: 'Resubmit…' }).click();
    const dialog = page.getByRole('dialog', { name: `Resubmit ${name}` });
    await dialog.getByRole('button', { name: 'Resubmit', exact: true }).click();
    await page.waitForURL((url) => /^\/workflows\/team-a\/[a-z0-9.-]+$/.test(url.pathname));
    resubmitted = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByRole('heading', { name: resubmitted }).waitFor();
    const created = (await getWorkflow(namespace, resubmitted)) as unknown as {
      metadata: { labels?: Record<string, string> };
    };
    assert.equal(created.metadata.labels?.['workflows.argoproj.io/resubmitted-from-workflow'], name);
    expectNoPageErrors(watched);
    await page.close();
  });
});
