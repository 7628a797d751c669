// The login's `returnTo` can only lead back into ArgoVue.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { oidcIssuer } from '../../devcluster/argovue-env.ts';
import { scriptedBrowser, signIn } from '../../devcluster/oidc/scripted-browser.ts';
import { demoPassword } from '../../devcluster/oidc/users.ts';
import { ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

async function landingAfterLogin(server: RunningServer, returnTo: string): Promise<string | null> {
  const client = new ApiClient(server.url);
  const start = await client.fetch(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  const back = await signIn(
    scriptedBrowser(oidcIssuer),
    new URL(start.headers.get('location') ?? ''),
    'alice',
    demoPassword,
  );
  const callback = await client.fetch(back.location ?? '');
  return callback.headers.get('location');
}

describe('returnTo after login', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('returns to a page of ArgoVue', async () => {
    assert.equal(await landingAfterLogin(server, '/namespaces/team-a?x=1'), '/namespaces/team-a?x=1');
  });

  // The filter's rules are unit-tested in api-types/src/return-to.test.ts; these go through the real
  // login, one of each kind: a dot segment that resolves to //host, encoded and double-encoded
  // slashes and backslashes, and a tab a browser drops.
  for (const evil of [
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    '/.//evil.example',
    '/%2e%2e//evil.example',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    '/%252F%252Fevil.example',
    '/\t/evil.example',
  ]) {
    it(`never leaves for ${JSON.stringify(evil)}`, async () => {
      assert.equal(await landingAfterLogin(server, evil), '/');
    });
  }
});
