// The network goes away under a page (Playwright aborts its API call, as a dropped connection does):
// the page says so in its error state with the code CLUSTER_UNAVAILABLE and a Try again button, never
// an endless spinner; once the network is back, Try again shows the data. The home page and the
// workflow list, read through the one data layer (TanStack Query), and a workflow's page, whose live
// stream of deltas brings its first state.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, type WatchedPage } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

/** Aborts every request to `path` (an exact API path, any query) until the returned function is called. */
async function cutOff(page: Page, path: string): Promise<() => Promise<void>> {
  const matches = (url: URL) => url.pathname === path;
  await page.route(matches, (route) => route.abort('internetdisconnected'));
  return () => page.unroute(matches);
}

/** The error state: its alert with the page's title, the code, and Try again. */
async function expectErrorState(page: Page, title: string): Promise<void> {
  const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: title }) });
  await alert.waitFor();
  await alert.getByText('Error code CLUSTER_UNAVAILABLE').waitFor();
  assert.equal(
    await page
      .getByRole('status')
      .filter({ hasText: /Loading/ })
      .count(),
    0,
    'no spinner left',
  );
}

/** Chromium logs each aborted request as a console error; anything else is a real one. */
function expectNoErrorsButTheCutOff(watched: WatchedPage): void {
  const unexpected = watched.errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'));
  assert.deepEqual(unexpected, [], 'the page logged no unexpected errors');
}

describe('a network failure shows the error state, and Try again recovers', () => {
  let server: RunningServer;
  let browser: Browser;
  let watched: WatchedPage;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    watched = await openPage(browser);
    await watched.page.goto(server.url);
    await signInThroughProvider(watched.page, 'alice');
    await watched.page.locator('article.namespace-card').first().waitFor();
  });
  after(async () => {
    await browser.close();
    await server.stop();
  });

  it('on the home page', async () => {
    const { page } = watched;
    const restore = await cutOff(page, '/api/v1/namespaces');
    await page.reload();
    await expectErrorState(page, 'Your namespaces could not be loaded');
    await restore();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('article.namespace-card').first().waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    expectNoErrorsButTheCutOff(watched);
  });

  it('on the workflow list', async () => {
    const { page } = watched;
    const restore = await cutOff(page, '/api/v1/workflows');
    await page.goto(`${server.url}/workflows`);
    await expectErrorState(page, 'The workflows could not be loaded');
    await restore();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('link', { name: 'etl-2026-11-23', exact: true }).waitFor();
    expectNoErrorsButTheCutOff(watched);
  });

  it('on a workflow’s page', async () => {
    const { page } = watched;
    const path = '/api/v1/namespaces/team-a/workflows/etl-2026-11-23/live';
    const restore = await cutOff(page, path);
    await page.goto(`${server.url}/workflows/team-a/etl-2026-11-23`);
    await expectErrorState(page, 'etl-2026-11-23 could not be loaded');
    await restore();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'etl-2026-11-23', level: 1 }).waitFor();
    expectNoErrorsButTheCutOff(watched);
  });
});
