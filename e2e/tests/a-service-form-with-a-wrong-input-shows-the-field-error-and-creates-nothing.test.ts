// The start form refuses wrong inputs where they are typed: each wrong field says what it must be and
// has aria-invalid, focus goes to the first, no request is sent and no instance exists afterwards.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Request } from 'playwright-core';
import { custom } from '../../devcluster/test/cluster.ts';
import { expectNoPageErrors, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { browserSuite } from '../support/suites.ts';

const instancesApi = { group: 'argovue.io', version: 'v1alpha1', plural: 'serviceinstances' } as const;

async function instanceNames(): Promise<string[]> {
  const list = (await custom.listNamespacedCustomObject({ ...instancesApi, namespace: 'team-a' })) as {
    items: { metadata: { name: string } }[];
  };
  return list.items.map((i) => i.metadata.name);
}

describe('a service form with a wrong input', () => {
  const suite = browserSuite();

  it('shows each field’s error, focuses the first and creates nothing', async () => {
    const before = await instanceNames();
    const watched = await openPage(suite.browser);
    const { page } = watched;
    await page.goto(`${suite.server.url}/services/new?namespace=team-a&template=echo`);
    await signInThroughProvider(page, 'alice');
    await page.getByRole('heading', { name: 'Start Echo web app' }).waitFor();
    const posts: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/service-instances')) posts.push(r);
    });

    const greeting = page.getByLabel('Greeting');
    const replicas = page.getByLabel('Replicas');
    await greeting.fill('{{ .Values.admin }}');
    await replicas.fill('9');
    await page.getByLabel('Instance name').fill('Not-A-Name');
    await page.getByRole('button', { name: 'Start in team-a' }).click();
    await page.getByRole('alert').filter({ hasText: '3 fields need a fix before starting.' }).waitFor();
    await page.getByText('Replicas must be at most 3.').waitFor();
    await page.getByText(/^Greeting must match /).waitFor();
    await page.getByText(/^The name must be lower-case letters/).waitFor();
    for (const field of [greeting, replicas]) assert.equal(await field.getAttribute('aria-invalid'), 'true');
    // The problem is part of the field's description, so a screen reader says it with the field.
    const described = (await replicas.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      described.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()),
    );
    assert.ok(descriptions.includes('Replicas must be at most 3.'), descriptions.join(' | '));
    await page.locator('[aria-invalid="true"]:focus').waitFor();
    await screenshot(page, 'service-form-wrong-inputs');

    // Fixing one field leaves the others flagged; a number typed as words is "must be a number".
    await replicas.fill('two');
    await page.getByText('Replicas must be a number.').waitFor();
    await page.getByRole('button', { name: 'Start in team-a' }).click();
    await page.getByRole('alert').filter({ hasText: '3 fields need a fix' }).waitFor();

    assert.equal(posts.length, 0, 'nothing was sent');
    assert.deepEqual(await instanceNames(), before, 'no instance was created');
    expectNoPageErrors(watched);
    await page.close();
  });
});
