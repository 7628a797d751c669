// The callback must belong to the login this browser started: state, nonce and PKCE are checked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { oidcIssuer } from '../../devcluster/argovue-env.ts';
import { scriptedBrowser, signIn } from '../../devcluster/oidc/scripted-browser.ts';
import { demoPassword } from '../../devcluster/oidc/users.ts';
import { ApiClient } from '../support/api-client.ts';
import { apiSuite } from '../support/suites.ts';

async function authorizationUrl(client: ApiClient): Promise<URL> {
  const start = await client.fetch('/auth/login?returnTo=/');
  return new URL(start.headers.get('location') ?? '');
}

async function providerCallback(url: URL): Promise<string> {
  const back = await signIn(scriptedBrowser(oidcIssuer), url, 'alice', demoPassword);
  assert.ok(back.location, 'the provider sends the browser back');
  return back.location;
}

describe('the login callback', () => {
  const suite = apiSuite();

  async function expectRefused(client: ApiClient, callback: string, code: string): Promise<void> {
    const res = await client.fetch(callback);
    assert.equal(res.status, 302);
    assert.match(res.headers.get('location') ?? '', new RegExp(`^/login\\?error=${code}`));
    assert.equal(
      [...client.cookies.keys()].filter((n) => n.startsWith('argovue_session')).length,
      0,
      'no session',
    );
    const me = await client.json<ApiError>('/api/v1/me');
    assert.equal(me.status, 401);
  }

  it('refuses a callback whose state belongs to another login', async () => {
    const attacker = new ApiClient(suite.server.url);
    const victim = new ApiClient(suite.server.url);
    const attackerCallback = await providerCallback(await authorizationUrl(attacker));
    await authorizationUrl(victim); // the victim's own login is under way
    await expectRefused(victim, attackerCallback, 'state_mismatch');
  });

  it('refuses an ID token whose nonce is not this login’s', async () => {
    const client = new ApiClient(suite.server.url);
    const url = await authorizationUrl(client);
    url.searchParams.set('nonce', 'a-nonce-from-somewhere-else');
    await expectRefused(client, await providerCallback(url), 'nonce_mismatch');
  });

  it('refuses a callback without a login under way', async () => {
    const stranger = new ApiClient(suite.server.url);
    const callback = await providerCallback(await authorizationUrl(new ApiClient(suite.server.url)));
    await expectRefused(stranger, callback, 'login_expired');
  });

  it('refuses a callback carrying a provider error', async () => {
    const client = new ApiClient(suite.server.url);
    const url = await authorizationUrl(client);
    const state = url.searchParams.get('state') ?? '';
    const iss = encodeURIComponent(oidcIssuer);
    await expectRefused(
      client,
      `/auth/callback?error=access_denied&state=${state}&iss=${iss}`,
      'provider_refused',
    );
  });
});
