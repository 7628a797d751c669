// Logout ends the session for good: a copy of the cookies kept from before is refused afterwards.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { oidcIssuer } from '../../devcluster/argovue-env.ts';
import { ApiClient, loginAs } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('logout', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('clears the session, ends it at the provider, and refuses a replayed copy', async () => {
    const alice = await loginAs(server.url, 'alice');
    const copy = new ApiClient(server.url);
    for (const [name, value] of alice.cookies) copy.cookies.set(name, value);

    const { status, body } = await alice.send<{ redirectTo: string }>('POST', '/auth/logout');
    assert.equal(status, 200);
    assert.ok(
      body.redirectTo.startsWith(`${oidcIssuer}/`),
      `sent to the provider's end-session endpoint: ${body.redirectTo}`,
    );
    assert.equal([...alice.cookies.keys()].filter((name) => name.startsWith('argovue_session')).length, 0);

    const replay = await copy.json<ApiError>('/api/v1/namespaces');
    assert.equal(replay.status, 401);
    assert.equal(replay.body.code, 'UNAUTHENTICATED');
  });
});
