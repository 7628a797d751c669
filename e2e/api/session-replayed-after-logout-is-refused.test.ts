// Logout ends the session for good: a copy of the cookies kept from before is refused afterwards.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { oidcIssuer } from '../../devcluster/argovue-env.ts';
import { eventually } from '../../devcluster/test/cluster.ts';
import { ApiClient, loginAs } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('logout', () => {
  let server: RunningServer;
  let otherReplica: RunningServer;
  before(async () => {
    server = await startServer();
    otherReplica = await startServer(); // same session key, as replicas behind a load balancer
  });
  after(async () => {
    await server.stop();
    await otherReplica.stop();
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

  it('is honoured by another replica too', async () => {
    const alice = await loginAs(server.url, 'alice');
    const onOtherReplica = new ApiClient(otherReplica.url);
    for (const [name, value] of alice.cookies) onOtherReplica.cookies.set(name, value);
    assert.equal((await onOtherReplica.json('/api/v1/me')).status, 200, 'the session works on both replicas');

    assert.equal((await alice.send('POST', '/auth/logout')).status, 200);
    // The other replica learns of the logout through its watch of the shared ConfigMap: wait for
    // that, not a fixed time (how soon is a matter of load, not of correctness).
    const status = await eventually('the other replica to refuse the logged-out session', async () => {
      const answer = (await onOtherReplica.json('/api/v1/me')).status;
      return answer === 200 ? undefined : answer;
    });
    assert.equal(status, 401);
  });
});
