// WebSockets through the proxy: frames both ways (small and 1 MiB, many sockets at once), none without
// the origin's session, and an open one ends when its session does — a WebSocket is one request that
// never ends, so it is checked again every authorization period, like the portal's streams.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ServiceBrowser, serviceProxyFixture } from '../support/service-proxy.ts';
import { UpgradeRefused, type TestWebSocket } from '../support/websocket-client.ts';

describe('a WebSocket through the proxy', () => {
  // Rechecked every second here (the authorization period), so the logout below is seen quickly.
  const fixture = serviceProxyFixture('proxy-ws', { env: { ARGOVUE_AUTHZ_CACHE_SECONDS: '1' } });
  let alice: ServiceBrowser;
  before(async () => {
    await fixture.startInstance('echo');
    alice = await fixture.browserAs('alice', 'echo');
  });

  it('echoes small and large messages', async () => {
    const socket = await alice.webSocket();
    assert.equal(await socket.roundTrip('hello'), 'hello');
    const large = 'x'.repeat(1024 * 1024);
    assert.equal(await socket.roundTrip(large), large);
    socket.close();
  });

  it('carries 50 sockets at once', async () => {
    const sockets = await Promise.all(Array.from({ length: 50 }, () => alice.webSocket()));
    const answers = await Promise.all(sockets.map((socket, i) => socket.roundTrip(`n${i}`)));
    assert.deepEqual(
      answers,
      sockets.map((_, i) => `n${i}`),
    );
    for (const socket of sockets) socket.close();
  });

  it('does not open without the origin’s session', async () => {
    const stranger = new ServiceBrowser(fixture.server(), fixture.namespace(), 'echo');
    await assert.rejects(
      stranger.webSocket(),
      (e: unknown) => e instanceof UpgradeRefused && e.status === 401,
    );
  });

  it('ends when the user logs out of ArgoVue', { timeout: 60_000 }, async () => {
    const carol = await fixture.browserAs('carol', 'echo');
    const socket: TestWebSocket = await carol.webSocket();
    assert.equal(await socket.roundTrip('before'), 'before');
    const portal = await fixture.portalAs('carol');
    const logout = await portal.send('POST', '/auth/logout');
    assert.equal(logout.status, 200);
    await socket.whenClosed();
    assert.equal((await carol.echo()).status, 401);
  });
});
