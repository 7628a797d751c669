// A service's whole life in the browser, as its user lives it: alice goes from the navigation to the
// catalogue, starts the echo app with her own inputs, sees it become ready (progress meanwhile) and
// the app's own first line in its log view (the pod runner's process, served by KWOK), stops it,
// starts it again and deletes it. Bob, of another team, sees it neither in his list nor at its URL.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { expectNoPageErrors, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { deleteInstance, ServiceInstanceUi } from '../support/pages/service-instance.ts';
import { browserSuite } from '../support/suites.ts';

const instance = `echo-${randomBytes(3).toString('hex')}`;
// Starting runs a real process in a pod's network namespace; on a loaded machine that takes a while.
const lifeStep = { timeout: 120_000 };

function expectNoPageErrorsBut(watched: WatchedPage, allowed: string[]): void {
  const unexpected = watched.errors.filter((e) => !allowed.some((a) => e.includes(a)));
  assert.deepEqual(unexpected, [], 'the page logged no unexpected errors');
}

describe('a user starts the echo app, stops, starts and deletes it; another team never sees it', () => {
  const suite = browserSuite();
  suite.afterwards(() => deleteInstance('team-a', instance));

  let instanceUrl = '';

  it('alice starts the echo app from the catalogue with her inputs and sees it become ready', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(suite.server.url);
    await signInThroughProvider(page, 'alice');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Start a service' }).click();
    await page.getByRole('heading', { name: 'Start a service' }).waitFor();
    await page.getByLabel('Namespace').selectOption('team-a');
    await page.getByRole('link', { name: 'Echo web app' }).click();
    await page.getByRole('heading', { name: 'Start Echo web app' }).waitFor();
    const shared = new URL(page.url());
    assert.equal(shared.pathname, '/services/new');
    assert.equal(shared.searchParams.get('namespace'), 'team-a');
    assert.equal(shared.searchParams.get('template'), 'echo');
    // The quota is beside the form, and the defaults fit in it.
    await page
      .getByRole('complementary', { name: 'Quota left in team-a' })
      .getByText('It fits in what is left.')
      .waitFor();
    assert.equal(await page.getByLabel('Greeting').inputValue(), 'Hello', 'the default is prefilled');

    await page.getByLabel('Instance name').fill(instance);
    await page.getByLabel('Greeting').fill('Hello from the browser test');
    await page.getByRole('button', { name: 'Start in team-a' }).click();
    await page.waitForURL(`${suite.server.url}/services/team-a/${instance}`);
    await page.getByRole('heading', { name: instance, exact: true, level: 1 }).waitFor();
    await screenshot(page, 'service-instance-starting');
    const ui = new ServiceInstanceUi(page, instance, lifeStep.timeout);
    await ui.shows('Running', '1 of 1 ready');
    await ui.summary.getByText('greeting=Hello from the browser test').waitFor();

    // It opens at its own origin, through the proxy.
    const open = page.getByRole('link', { name: `Open ${instance}` });
    instanceUrl = (await open.getAttribute('href')) ?? '';
    assert.match(instanceUrl, new RegExp(`^https?://${instance}--team-a\\.`), instanceUrl);
    assert.equal(await open.getAttribute('target'), '_blank');

    await page.getByRole('tab', { name: 'Pods' }).waitFor();
    const containers = page.getByRole('table', { name: /^Containers of / });
    await containers.getByRole('row', { name: /app/ }).waitFor();
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.waitForURL(/\?tab=events$/);
    await page.getByRole('table', { name: `Events of ${instance}` }).waitFor(lifeStep);
    await screenshot(page, 'service-instance-running');

    // Its log view shows what the echo app really printed when it started, in its pod.
    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.waitForURL(/\?tab=logs$/);
    await page
      .getByRole('region', { name: `Logs of ${instance}` })
      .getByRole('log')
      .getByText(new RegExp(`echo-app team-a/${instance}-[a-z0-9-]+ listening on `))
      .waitFor(lifeStep);
    await screenshot(page, 'service-instance-log');
    expectNoPageErrors(watched);
    await page.close();
  });

  it('bob, of team-b, sees it neither in his list nor at its URL', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/services`);
    await signInThroughProvider(page, 'bob');
    await page.getByRole('heading', { name: 'My instances' }).waitFor();
    assert.equal(await page.getByText(instance).count(), 0);
    await page.goto(`${suite.server.url}/services/team-a/${instance}`);
    await page.getByRole('heading', { name: 'Instance not found' }).waitFor();
    expectNoPageErrorsBut(watched, ['Failed to load resource: the server responded with a status of 404']);
    await page.close();
  });

  it('alice stops it, starts it again and deletes it, from her list and its page', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/services?namespace=team-a`);
    await signInThroughProvider(page, 'alice');
    const mine = page.getByRole('table', { name: 'My instances' });
    const row = mine.getByRole('row').filter({ hasText: instance });
    await row.waitFor();
    await row.getByText('Running').waitFor();
    await screenshot(page, 'services-list');

    const ui = new ServiceInstanceUi(page, instance, lifeStep.timeout);
    await ui.confirm('Stop');
    await ui.shows('Stopped', undefined, row);
    assert.equal(await row.getByRole('button', { name: `Start ${instance}` }).count(), 1);
    await row.getByRole('button', { name: `Start ${instance}` }).click();
    await ui.shows('Running', '1 of 1 ready', row);

    await row.getByRole('link', { name: instance, exact: true }).click();
    await page.getByRole('heading', { name: instance, exact: true, level: 1 }).waitFor();
    await ui.confirm('Delete');
    await page.waitForURL(`${suite.server.url}/services`);
    await page.getByRole('status').filter({ hasText: instance }).waitFor();
    await page.getByRole('heading', { name: 'My instances' }).waitFor();
    await ui.gone();
    expectNoPageErrors(watched);
    await page.close();
  });
});
