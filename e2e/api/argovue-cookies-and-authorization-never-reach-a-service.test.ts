// What a service behind the proxy receives: never ArgoVue's cookies (the portal's or the proxy's own)
// nor any Authorization header, its own cookies untouched, X-Forwarded-* set by the proxy, and who
// the user is in X-ArgoVue-* (the echo app reflects every header it got). The portal's session
// cookie is worth nothing at an instance origin: without the handshake nothing reaches the service.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ServiceBrowser, serviceProxyFixture } from '../support/service-proxy.ts';

describe('a service behind the proxy', () => {
  const fixture = serviceProxyFixture('proxy-creds');
  let alice: ServiceBrowser;
  before(async () => {
    await fixture.startInstance('echo');
    alice = await fixture.browserAs('alice', 'echo');
  });

  it('never receives ArgoVue’s cookies or an Authorization header, and keeps its own cookies', async () => {
    const portal = await fixture.portalAs('alice');
    const portalCookies = [...portal.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const { status, seen } = await alice.echo({
      headers: {
        Cookie: `${alice.cookieHeader}; ${portalCookies}; _xsrf=service-own; theme=dark`,
        Authorization: 'Bearer a-token-of-the-user',
        'Proxy-Authorization': 'Basic eDp5',
      },
    });
    assert.equal(status, 200);
    assert.equal(seen.authorization, undefined);
    assert.equal(seen['proxy-authorization'], undefined);
    assert.equal(seen.cookie, '_xsrf=service-own; theme=dark');
  });

  it('is told who the user is, and the forwarding facts the proxy saw', async () => {
    const { seen } = await alice.echo();
    assert.equal(seen['x-argovue-user'], 'oidc:alice@example.com');
    assert.equal(seen['x-argovue-email'], 'alice@example.com');
    assert.ok(String(seen['x-argovue-groups']).split(',').includes('oidc:team-a'));
    assert.equal(seen['x-forwarded-for'], '127.0.0.1');
    assert.equal(seen['x-forwarded-proto'], 'http');
    assert.equal(seen['x-forwarded-host'], alice.host);
    assert.equal(seen.host, alice.host);
  });

  it('gets nothing with only the portal’s session: the instance origin sends the browser to sign in', async () => {
    const portal = await fixture.portalAs('alice');
    const portalCookies = [...portal.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const stranger = new ServiceBrowser(fixture.server(), fixture.namespace(), 'echo');
    const navigation = await stranger.fetch('/echo', {
      headers: { Cookie: portalCookies, Accept: 'text/html', 'Sec-Fetch-Mode': 'navigate' },
    });
    assert.equal(navigation.status, 302);
    assert.equal(new URL(String(navigation.headers.location)).origin, new URL(fixture.server().url).origin);
    const script = await stranger.fetch('/echo', { headers: { Cookie: portalCookies } });
    assert.equal(script.status, 401);
    assert.equal((JSON.parse(script.body.toString()) as { code: string }).code, 'UNAUTHENTICATED');
  });
});
