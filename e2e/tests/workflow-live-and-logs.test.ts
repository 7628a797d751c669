// Alice's workflow list follows changes as they happen: a workflow created behind her back appears and
// finishes without a reload. (The log viewer's tests are in workflow-logs.test.ts.)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { expectNoPageErrors, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { browserSuite } from '../support/suites.ts';

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

describe('workflows: live changes and node logs', () => {
  const suite = browserSuite();
  suite.afterwards(() => deleteWorkflow('team-a', created));
  suite.afterwards(() => deleteWorkflow('team-a', pausing));

  it('a workflow created while alice looks appears in her list and turns Succeeded', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    // Filtered to the new workflow's name, so the demo's CronWorkflow cannot put another row on top.
    await page.goto(`${suite.server.url}/workflows?q=${created}`);
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
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/workflows`);
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
});
