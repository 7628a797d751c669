// Idle culling and wake in the browser, as a user lives it: alice's echo app, unused, is stopped by
// ArgoVue and her instance page says why; its Open link (which now says it starts it) opens a page at
// the instance's origin that shows the instance starting — its phase and pods — and reloads itself
// until it lands on the echo app.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { expectNoPageErrors, launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { idleFixture } from '../support/idle-services.ts';
import { signInThroughProvider } from '../support/login.ts';
import { ServiceInstanceUi } from '../support/pages/service-instance.ts';

// Long enough that the woken instance is not stopped again before the page has landed on it.
const timeout = '15s';
const lifeStep = { timeout: 120_000 };

describe('an idle service is stopped, and opening it shows its progress and lands on it', () => {
  const fixture = idleFixture('svc-idle-web', { timeout });
  const name = 'napper';
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('alice sees it stopped for being idle, opens it, watches it start and lands on it', async () => {
    await fixture.startInstance('alice', name);
    await fixture.untilPhase(name, 'Running');
    await fixture.untilPhase(name, 'Stopped', true);

    const watched = await openPage(browser);
    const { page } = watched;
    const namespace = fixture.namespace();
    await page.goto(`${fixture.server().url}/services/${namespace}/${name}`);
    await signInThroughProvider(page, 'alice');
    const ui = new ServiceInstanceUi(page, name, lifeStep.timeout);
    const summary = ui.summary;
    await ui.shows('Stopped');
    await summary.getByText('stopped after 15 seconds without use', { exact: true }).waitFor();
    // …and when: never used through ArgoVue, stopped for being idle some time ago.
    await summary.locator('.instance-use', { hasText: 'not yet used through ArgoVue' }).waitFor();
    await summary.locator('.instance-use', { hasText: /stopped for being idle (now|.+ ago)$/ }).waitFor();
    await screenshot(page, 'service-instance-stopped-for-being-idle');

    const open = page.getByRole('link', { name: `Open ${name} (starts it)` });
    const [service] = await Promise.all([page.waitForEvent('popup'), open.click()]);
    // Loads that failed are checked by their answers below; any other console error is kept.
    const serviceErrors: string[] = [];
    service.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        serviceErrors.push(message.text());
    });
    const failedLoads: string[] = [];
    service.on('response', (response) => {
      if (response.status() >= 400)
        failedLoads.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    // The handshake through the portal, then the instance's own page: starting, with its progress.
    await service.getByRole('heading', { name: `${name} is starting` }).waitFor(lifeStep);
    assert.match(new URL(service.url()).hostname, new RegExp(`^${name}--${namespace}\\.localhost$`));
    await service.getByText('your visit started it again').waitFor();
    await service
      .getByRole('listitem')
      .filter({ hasText: /^Phase: / })
      .waitFor();
    await screenshot(service, 'service-waking');
    // The page reloads itself until the echo app answers instead.
    await service.getByRole('heading', { name: 'echo-app' }).waitFor(lifeStep);
    await service.getByText('connected').waitFor(lifeStep);
    await screenshot(service, 'service-woken');

    // The only failed loads at the instance's origin are the starting page's own answers (503, or 502
    // while the woken pod, ready as KWOK says, does not listen yet) and the echo app's missing icon.
    assert.deepEqual(serviceErrors, []);
    assert.deepEqual(
      failedLoads.filter((l) => !/^50[23] \/$/.test(l) && l !== '404 /favicon.ico'),
      [],
    );

    // Back in ArgoVue, the instance runs again (read again now: a settled page refreshes every 15 s,
    // and unused from here on, the instance is stopped again after its timeout).
    await page.reload();
    await ui.shows('Running');
    expectNoPageErrors(watched);
  });
});
