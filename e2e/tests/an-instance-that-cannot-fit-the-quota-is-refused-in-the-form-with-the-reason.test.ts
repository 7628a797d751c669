// Quota first: the start form shows what team-a's quota has left and, for a notebook asking for more
// GPUs than are free, says why it cannot start, in words with the numbers, and sends nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Request } from 'playwright-core';
import { expectNoPageErrors, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { browserSuite } from '../support/suites.ts';

describe('an instance that cannot fit the quota', () => {
  const suite = browserSuite();

  it('is refused in the form with the reason, before anything is sent', async () => {
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/services/new?namespace=team-a&template=notebook`);
    await signInThroughProvider(page, 'alice');
    await page.getByRole('heading', { name: 'Start Jupyter Notebook' }).waitFor();
    const posts: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/service-instances')) posts.push(r);
    });
    const quota = page.getByRole('complementary', { name: 'Quota left in team-a' });
    await quota.getByRole('meter', { name: 'GPU' }).waitFor();
    await quota.getByText('It fits in what is left.').waitFor();

    // team-a's quota holds 2 GPUs (devcluster/demo/teams.yaml), none of them in use by this test.
    await page.getByLabel('GPUs').fill('4');
    const status = quota.getByRole('status');
    await status.getByText(/^Needs 4 GPUs: team-a's quota has [0-2] of 2 GPUs left\.$/).waitFor();
    await page.getByRole('button', { name: 'Start in team-a' }).click();
    const refusal = page
      .getByRole('alert')
      .filter({ hasText: 'Not started: it does not fit in team-a’s quota.' });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Needs 4 GPUs/);
    await screenshot(page, 'service-form-quota-refusal');
    assert.equal(posts.length, 0, 'nothing was sent');

    // Asking for what is free makes it fit again.
    await page.getByLabel('GPUs').fill('0');
    await quota.getByText('It fits in what is left.').waitFor();
    expectNoPageErrors(watched);
    await page.close();
  });
});
