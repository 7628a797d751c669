// The web app's shell, served by the real server, talking to the local cluster.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { expectNoPageErrors, launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('the ArgoVue shell', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.stop();
  });

  it('shows the shell and the version of the cluster it is connected to', async () => {
    const watched = await openPage(browser);
    await watched.page.goto(server.url);
    await watched.page.getByRole('heading', { name: 'Welcome to ArgoVue' }).waitFor();
    const badge = watched.page.getByRole('status');
    await badge.filter({ hasText: /Kubernetes v1\.33/ }).waitFor();
    await screenshot(watched.page, 'shell');
    expectNoPageErrors(watched);
  });

  it('serves the app for a shared deep link', async () => {
    const watched = await openPage(browser);
    const res = await watched.page.goto(`${server.url}/workflows/team-a/etl-2026-11-23`);
    assert.equal(res?.status(), 200);
    await watched.page.getByRole('link', { name: 'ArgoVue' }).waitFor();
    expectNoPageErrors(watched);
  });
});
