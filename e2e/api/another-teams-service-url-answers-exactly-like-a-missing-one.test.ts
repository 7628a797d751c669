// bob (team-b) at the URL of a team-a instance gets exactly what anyone gets at the URL of an
// instance that does not exist: the same status and the same page, over HTTP and WebSocket, so a URL
// tells nobody whether another team's service exists. The proxy asks RBAC (`get
// serviceinstances/proxy` on that instance) on every request; the portal's handshake decides nothing.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { serviceProxyFixture, type ProxyAnswer, type ServiceBrowser } from '../support/service-proxy.ts';
import { UpgradeRefused } from '../support/websocket-client.ts';

function sameAnswer(a: ProxyAnswer, b: ProxyAnswer): void {
  assert.equal(a.status, b.status);
  assert.equal(a.body.toString(), b.body.toString());
  const { date: _a, ...aHeaders } = a.headers;
  const { date: _b, ...bHeaders } = b.headers;
  assert.deepEqual(aHeaders, bHeaders);
}

async function refusedUpgrade(browser: ServiceBrowser): Promise<UpgradeRefused> {
  try {
    const socket = await browser.webSocket();
    socket.close();
  } catch (error) {
    if (error instanceof UpgradeRefused) return error;
    throw error;
  }
  throw new Error('the WebSocket opened');
}

describe('another team’s service URL', () => {
  const fixture = serviceProxyFixture('proxy-team');
  let bobAtEcho: ServiceBrowser;
  let bobAtMissing: ServiceBrowser;
  let aliceAtMissing: ServiceBrowser;
  before(async () => {
    await fixture.startInstance('echo');
    bobAtEcho = await fixture.browserAs('bob', 'echo');
    bobAtMissing = await fixture.browserAs('bob', 'missing');
    aliceAtMissing = await fixture.browserAs('alice', 'missing');
  });

  it('is what the alice of the team gets, for her', async () => {
    const alice = await fixture.browserAs('alice', 'echo');
    assert.equal((await alice.echo()).status, 200);
  });

  it('answers bob as a missing instance answers him and alice', async () => {
    const atEcho = await bobAtEcho.fetch('/echo');
    assert.equal(atEcho.status, 404);
    sameAnswer(atEcho, await bobAtMissing.fetch('/echo'));
    sameAnswer(atEcho, await aliceAtMissing.fetch('/echo'));
    sameAnswer(await bobAtEcho.fetch('/'), await bobAtMissing.fetch('/'));
  });

  it('refuses bob’s WebSocket as a missing instance’s', async () => {
    const atEcho = await refusedUpgrade(bobAtEcho);
    const atMissing = await refusedUpgrade(bobAtMissing);
    assert.equal(atEcho.status, 404);
    assert.equal(atEcho.status, atMissing.status);
    assert.equal(atEcho.body, atMissing.body);
  });
});
