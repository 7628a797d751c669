// Alice opens a workflow of her team: the summary shows its labels and annotations (a long value cut,
// whole on "more") and the template it came from; the failed node's panel shows its inputs, exit code,
// pod with container statuses and resources, and its events; the Events and YAML tabs are in the URL,
// reachable with the arrow keys, and the YAML can be copied.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { expectNoPageErrors, launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { runTwoStepWorkflow, twoStepWorkflow } from '../support/two-step-workflow.ts';

const suffix = randomBytes(3).toString('hex');
const name = `detail-page-${suffix}`;
const running = `detail-running-${suffix}`;
const templated = `detail-templated-${suffix}`;

describe('a workflow’s page: summary, node details, events and YAML', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser(), runTwoStepWorkflow(name)]).then(
      ([s, b]) => [s, b] as const,
    );
  });
  after(async () => {
    await browser.close();
    await server.stop();
    await deleteWorkflow('team-a', name).catch(() => undefined);
    await deleteWorkflow('team-a', running).catch(() => undefined);
    await deleteWorkflow('team-a', templated).catch(() => undefined);
  });

  it('shows labels and annotations, and the whole of a long annotation on demand', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows/team-a/${name}`);
    await signInThroughProvider(page, 'alice');
    await page.getByRole('heading', { name, exact: true }).waitFor();
    const labels = page.getByRole('list', { name: 'Labels' });
    await labels.getByText('team', { exact: true }).waitFor();
    assert.match(await labels.innerText(), /team=analytics/);
    const annotations = page.getByRole('list', { name: 'Annotations' });
    const note = annotations.locator('li', { hasText: 'argovue.dev/note' });
    assert.doesNotMatch(await note.innerText(), / end/, 'the long value is cut');
    assert.match((await note.getAttribute('title')) ?? '', / end$/, 'the whole value on hover');
    await note.getByRole('button', { name: 'Show all of argovue.dev/note' }).click();
    assert.match(await note.innerText(), /x{200} end/);
    expectNoPageErrors(watched);
    await page.close();
  });

  it('opens the failed node: inputs, exit code, pod, container statuses, resources, events', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows/team-a/${name}`);
    await signInThroughProvider(page, 'alice');
    await page
      .getByRole('table', { name: 'Nodes' })
      .getByRole('button', { name: 'broken', exact: true })
      .click();
    const panel = page.locator('aside.node-panel');
    await panel.getByRole('heading', { name: 'broken' }).waitFor();
    const inputs = panel.getByRole('table', { name: 'Input parameters' });
    await inputs.waitFor();
    assert.match(await inputs.innerText(), /code\s+3/);
    const pod = panel.locator('section', { has: page.getByRole('heading', { name: 'Pod', exact: true }) });
    await pod.getByText(new RegExp(`^${name}-step-\\d+$`)).waitFor();
    const main = pod.getByRole('list', { name: 'Containers' }).locator('li', { hasText: 'main' });
    const mainText = await main.innerText();
    assert.match(mainText, /terminated/);
    assert.match(mainText, /Exit code\s+3/);
    assert.match(mainText, /cpu 100m, memory 64Mi/);
    assert.match(mainText, /memory 128Mi/);
    const events = panel.getByRole('list', { name: 'Events of this node' });
    await events.getByText('WorkflowNodeFailed').waitFor();
    await screenshot(page, 'workflow-node-details');
    expectNoPageErrors(watched);
    await page.close();
  });

  it('opens the Events and YAML tabs from the URL and with the arrow keys, and copies the YAML', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/workflows/team-a/${name}?tab=events`);
    await signInThroughProvider(page, 'alice');
    const eventsTab = page.getByRole('tab', { name: 'Events' });
    await page.getByRole('tabpanel', { name: 'Events' }).waitFor();
    assert.equal(await eventsTab.getAttribute('aria-selected'), 'true');
    const table = page.getByRole('table', { name: `Events of ${name}` });
    const failed = table.locator('tr', { hasText: 'WorkflowNodeFailed' }).first();
    await failed.waitFor();
    assert.match((await failed.getAttribute('class')) ?? '', /event-warning/, 'a Warning stands out');
    await table.locator('tr', { hasText: 'WorkflowRunning' }).first().waitFor();
    await screenshot(page, 'workflow-events');

    await eventsTab.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\?tab=yaml$/);
    // The URL changes first; the tabs follow on the next render.
    await page.getByRole('tabpanel', { name: 'YAML' }).waitFor();
    const yamlTab = page.getByRole('tab', { name: 'YAML' });
    assert.equal(await yamlTab.getAttribute('aria-selected'), 'true');
    // The page's own globals, named in a string: these tests are typed without the DOM library.
    assert.equal(
      await page.evaluate<unknown>('document.activeElement?.id'),
      'workflow-tab-yaml',
      'focus follows',
    );
    await page.getByLabel(`YAML of ${name}`).waitFor();
    // The text and its gutter read in one go: the controller may still touch the finished workflow,
    // and a live update renders the YAML again.
    const shownYaml = () =>
      page.evaluate<[string, string]>(
        "[document.querySelector('.object-yaml-text').innerText, document.querySelector('.object-yaml-lines').innerText]",
      );
    const [text, gutter] = await shownYaml();
    assert.match(text, /^kind: Workflow$/m);
    assert.match(text, new RegExp(`^  name: ${name}$`, 'm'));
    assert.doesNotMatch(text, /^ {2}nodes:/m, 'without the node map');
    assert.doesNotMatch(text, /managedFields/, 'without managedFields, as kubectl prints it');
    assert.equal(gutter.trim().split('\n').length, text.trimEnd().split('\n').length, 'a number per line');
    await screenshot(page, 'workflow-yaml');
    await page.getByRole('button', { name: 'Copy YAML' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    const copied = (await page.evaluate<string>('navigator.clipboard.readText()')).trimEnd();
    const [after] = await shownYaml();
    assert.ok(copied === text.trimEnd() || copied === after.trimEnd(), 'the clipboard holds the YAML shown');

    await yamlTab.focus();
    await page.keyboard.press('Home');
    await page.waitForURL((url) => !url.search.includes('tab='));
    await page.locator('canvas.graph-canvas').waitFor();
    expectNoPageErrors(watched);
    await page.close();
  });

  it('the Events tab of a running workflow shows its new events as they come, without a reload', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await createWorkflow('team-a', twoStepWorkflow(running, 5));
    await page.goto(`${server.url}/workflows/team-a/${running}?tab=events`);
    await signInThroughProvider(page, 'alice');
    const table = page.getByRole('table', { name: `Events of ${running}` });
    await table.locator('tr', { hasText: 'WorkflowRunning' }).first().waitFor();
    assert.equal(await table.locator('tr', { hasText: 'WorkflowFailed' }).count(), 0, 'not finished yet');
    // No click: the page's live updates read the events again.
    await table.locator('tr', { hasText: 'WorkflowFailed' }).first().waitFor({ timeout: 30_000 });
    expectNoPageErrors(watched);
    await page.close();
  });

  it('links the template a workflow came from, and shows the parameters it ran with', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await createWorkflow('team-a', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: templated, labels: { 'argovue.dev/test': 'true' } },
      spec: {
        workflowTemplateRef: { name: 'etl-pipeline' },
        arguments: { parameters: [{ name: 'fail-transform-b', value: '137' }] },
      },
    });
    await page.goto(`${server.url}/workflows/team-a/${templated}`);
    await signInThroughProvider(page, 'alice');
    const link = page.getByRole('link', { name: 'etl-pipeline', exact: true });
    assert.equal(await link.getAttribute('href'), '/workflows?template=etl-pipeline&namespace=team-a');
    assert.match(await link.locator('xpath=..').innerText(), /WorkflowTemplate etl-pipeline/);
    // The spec sets one parameter; the template's other one is shown with the value the run got.
    const parameters = page.getByRole('table', { name: 'Parameters' });
    await parameters.getByText('(template default)').waitFor();
    assert.match(await parameters.innerText(), /date\s+2026-11-24 \(template default\)/);
    assert.match(await parameters.innerText(), /fail-transform-b\s+137$/m);
    expectNoPageErrors(watched);
    await page.close();
  });
});
