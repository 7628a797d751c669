// Submitting from a template in the browser: the page is reached from the list, its URL names the
// namespace and template (so it can be shared), the form starts from the template's defaults, names
// what is missing before anything is sent, and a submitted workflow opens its own page.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Request } from 'playwright-core';
import { custom } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { expectNoPageErrors, launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const template = `submit-form-${randomBytes(3).toString('hex')}`;
const templatesApi = { group: 'argoproj.io', version: 'v1alpha1', plural: 'workflowtemplates' } as const;

describe('submit a workflow from a template', () => {
  let server: RunningServer;
  let browser: Browser;
  const submitted: string[] = [];
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // A template with a parameter that has no default, so the form has something to refuse.
    await custom.createNamespacedCustomObject({
      ...templatesApi,
      namespace: 'team-a',
      body: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'WorkflowTemplate',
        metadata: {
          name: template,
          annotations: { 'workflows.argoproj.io/description': 'A template for the submit form test.' },
        },
        spec: {
          entrypoint: 'main',
          arguments: {
            parameters: [
              { name: 'owner', description: 'Who runs it' },
              { name: 'size', value: 'small', enum: ['small', 'large'] },
            ],
          },
          templates: [{ name: 'main', container: { image: 'example.invalid/x:1', command: ['run'] } }],
        },
      },
    });
  });
  after(async () => {
    await browser.close();
    await server.stop();
    for (const name of submitted) await deleteWorkflow('team-a', name).catch(() => undefined);
    await custom
      .deleteNamespacedCustomObject({ ...templatesApi, namespace: 'team-a', name: template })
      .catch(() => undefined);
  });

  it('alice goes from the list to the form, is told what is missing, submits and lands on the workflow', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/workflows`);
    await signInThroughProvider(page, 'alice');
    await page.getByRole('link', { name: 'Submit workflow' }).click();
    await page.getByRole('heading', { name: 'Submit a workflow' }).waitFor();
    // Other tests may give team-a's members more namespaces: choose it.
    await page.getByLabel('Namespace').selectOption('team-a');
    await page.getByLabel('Template').selectOption({ label: template });
    await page.waitForURL((url) => url.searchParams.get('template') === template);
    assert.equal(new URL(page.url()).searchParams.get('namespace'), 'team-a');
    await page.getByText('A template for the submit form test.').waitFor();
    assert.equal(await page.getByLabel('size').inputValue(), 'small', 'the default is prefilled');
    assert.deepEqual(await page.getByLabel('size').locator('option').allInnerTexts(), ['small', 'large']);

    // Nothing is sent while a value is missing; the field says why and has the focus.
    const posts: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/namespaces/team-a/workflows')) posts.push(r);
    });
    await page.getByRole('button', { name: 'Submit in team-a' }).click();
    await page.getByRole('alert').filter({ hasText: 'One parameter needs a fix' }).waitFor();
    const owner = page.getByLabel('owner');
    assert.equal(await owner.getAttribute('aria-invalid'), 'true');
    await page.getByText('Give owner a value: the template has no default.').waitFor();
    await page.waitForFunction(
      (el: { ownerDocument: { activeElement: unknown } } | null) => el?.ownerDocument.activeElement === el,
      await owner.elementHandle(),
    );
    await screenshot(page, 'submit-form-missing-value');
    assert.equal(posts.length, 0);

    await owner.fill('alice');
    await page.getByLabel('size').selectOption('large');
    await page.getByRole('button', { name: 'Submit in team-a' }).click();
    await page.waitForURL(new RegExp(`/workflows/team-a/${template}-[a-z0-9]+$`));
    const name = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    submitted.push(name);
    assert.deepEqual(posts[0]?.postDataJSON(), {
      template: { name: template },
      parameters: { owner: 'alice', size: 'large' },
    });
    await page.getByRole('heading', { name }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Submitted ${name} from ${template}.` })
      .waitFor();
    const parameters = page.getByRole('table', { name: 'Parameters' });
    await parameters.getByRole('row', { name: /size\s+large/ }).waitFor();
    expectNoPageErrors(watched);
    await page.close();
  });

  it('a shared URL opens the form; for bob the same URL says he may not use the namespace', async () => {
    const shared = `/workflows/new?namespace=team-a&template=etl-pipeline`;
    const watched = await openPage(browser);
    await watched.page.goto(`${server.url}${shared}`);
    await signInThroughProvider(watched.page, 'alice');
    await watched.page.getByText('Extract, transform in two branches, load.').waitFor();
    assert.equal(await watched.page.getByLabel('fail-transform-b').inputValue(), '0');
    await screenshot(watched.page, 'submit-form');
    expectNoPageErrors(watched);
    await watched.page.close();

    const bobs = await openPage(browser);
    await bobs.page.goto(`${server.url}${shared}`);
    await signInThroughProvider(bobs.page, 'bob');
    const alert = bobs.page.getByRole('alert');
    await alert.filter({ hasText: 'Namespace team-a was not found, or you have no access to it.' }).waitFor();
    assert.equal(await bobs.page.getByLabel('fail-transform-b').count(), 0);
    expectNoPageErrors(bobs, ['Failed to load resource: the server responded with a status of 404']);
    await bobs.page.close();
  });
});
