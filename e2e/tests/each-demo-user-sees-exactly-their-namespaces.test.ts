// Each demo user logs in through the real provider in Chromium and sees exactly their namespaces.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoPageErrors, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { namespacesByUser } from '../support/demo-access.ts';
import { browserSuite } from '../support/suites.ts';

const browserUsers = ['alice', 'bob', 'carol', 'dave', 'erin'];

describe('home: the namespaces a user may use', () => {
  const suite = browserSuite();

  for (const username of browserUsers) {
    const namespaces = namespacesByUser[username] ?? [];
    it(`${username} sees ${namespaces.join(' and ') || 'no namespace, and is told why'}`, async () => {
      const watched = await openPage(suite.browser);
      const { page } = watched;
      await page.goto(suite.server.url);
      await page.waitForURL(/\/login/);
      await signInThroughProvider(page, username);
      if (namespaces.length === 0) {
        await page.getByRole('heading', { name: 'You have no namespace yet' }).waitFor();
      } else {
        await page.locator('article.namespace-card').first().waitFor();
      }
      const shown = await page.locator('article.namespace-card .card-title').allInnerTexts();
      assert.deepEqual(shown.map((s) => s.trim()).sort(), [...namespaces]);
      if (username === 'alice' || username === 'erin') await screenshot(page, `home-${username}`);
      expectNoPageErrors(watched);
      await page.close();
    });
  }

  it('shows alice her groups on the profile page, and signs her out', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/profile`);
    await signInThroughProvider(page, 'alice');
    await page.waitForURL(/\/profile$/);
    await page.getByText('oidc:team-a', { exact: true }).waitFor();
    await screenshot(page, 'profile-alice');
    await page.getByRole('button', { name: /Alice Analyst/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login\?signedOut=1/);
    // The session is over: a page that needs it sends her to login again.
    await page.goto(`${suite.server.url}/profile`);
    await page.waitForURL(/\/login\?returnTo=/);
    expectNoPageErrors(watched);
  });

  it('opens a namespace by a shared link after login, and refuses one that is not hers', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/namespaces/team-a`);
    await signInThroughProvider(page, 'alice');
    await page.waitForURL(/\/namespaces\/team-a$/);
    await page.getByRole('heading', { name: 'team-a' }).first().waitFor();
    await screenshot(page, 'namespace-team-a');
    await page.goto(`${suite.server.url}/namespaces/team-b`);
    await page.getByRole('heading', { name: 'No namespace team-b' }).waitFor();
    assert.equal(await page.locator('article.namespace-card').count(), 0);
    expectNoPageErrors(watched);
  });
});
