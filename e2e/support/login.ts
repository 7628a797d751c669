// Logging in through the browser, as a person does: ArgoVue's login page, then the provider's form.
import type { Page } from 'playwright-core';
import { demoPassword } from '../../devcluster/oidc/users.ts';

/** From any ArgoVue page that sends a signed-out visitor to /login, signs in and waits to be back. */
export async function signInThroughProvider(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with your company account' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/login') && !url.pathname.startsWith('/auth/') && url.port !== '5556',
  );
}
