// The session honours the ID token's expiry: ArgoVue refreshes it where the provider allows, and
// sends the user back to login when it cannot. A provider of its own issues 2-second ID tokens.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError, Me } from '@argovue/api-types';
import { startOidcProvider, type RunningOidcProvider } from '../../devcluster/oidc/provider.ts';
import { loginAs } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ID token expiry', () => {
  let provider: RunningOidcProvider;
  let server: RunningServer;
  before(async () => {
    const clientSecret = randomBytes(24).toString('hex');
    provider = await startOidcProvider({ port: 0, clientSecret, idTokenTtlSeconds: 2, log: () => undefined });
    server = await startServer({
      ARGOVUE_OIDC_ISSUER: provider.issuer,
      ARGOVUE_OIDC_CLIENT_SECRET_FILE: '',
      ARGOVUE_OIDC_CLIENT_SECRET: clientSecret,
    });
  });
  after(async () => {
    await server.stop();
    await provider.close().catch(() => undefined); // the second test closes it already
  });

  it('refreshes an expired ID token and keeps the user signed in', async () => {
    const alice = await loginAs(server.url, 'alice', { issuer: provider.issuer });
    const before = alice.cookies.get('argovue_session.0');
    await sleep(3000);
    const me = await alice.json<Me>('/api/v1/me');
    assert.equal(me.status, 200);
    assert.deepEqual(me.body.kubernetesGroups, ['oidc:team-a']);
    assert.notEqual(alice.cookies.get('argovue_session.0'), before, 'the refreshed session was sealed anew');
  });

  it('ends the session when the token cannot be refreshed', async () => {
    const alice = await loginAs(server.url, 'alice', { issuer: provider.issuer });
    await provider.close(); // the provider is gone: no refresh
    await sleep(3000);
    const me = await alice.json<ApiError>('/api/v1/me');
    assert.equal(me.status, 401);
    assert.equal(me.body.code, 'UNAUTHENTICATED');
  });
});
