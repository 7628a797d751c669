// Over https every ArgoVue cookie is `__Host-` prefixed: browsers take such a cookie only with Secure,
// Path=/ and no Domain, so `evil.example.com` cannot set one for its sibling `argovue.example.com`
// (a cookie it sets with Domain=example.com has another name, which ArgoVue never reads). ArgoVue runs
// here as behind a TLS proxy: plain http on loopback, its public URL https.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { oidcIssuer } from '../../devcluster/argovue-env.ts';
import { scriptedBrowser, signIn } from '../../devcluster/oidc/scripted-browser.ts';
import { demoPassword } from '../../devcluster/oidc/users.ts';
import { ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

function attributes(setCookie: string): { name: string; attrs: Map<string, string> } {
  const [pair = '', ...rest] = setCookie.split(';');
  const attrs = new Map<string, string>();
  for (const part of rest) {
    const [key = '', value = ''] = part.trim().split('=');
    attrs.set(key.toLowerCase(), value);
  }
  return { name: pair.slice(0, pair.indexOf('=')).trim(), attrs };
}

function assertHostCookie(setCookie: string): void {
  const { name, attrs } = attributes(setCookie);
  assert.ok(name.startsWith('__Host-'), `${name} is __Host- prefixed`);
  assert.ok(attrs.has('secure'), `${name} is Secure`);
  assert.equal(attrs.get('path'), '/', `${name} has Path=/`);
  assert.ok(!attrs.has('domain'), `${name} has no Domain`);
  assert.ok(attrs.has('httponly'), `${name} is HttpOnly`);
}

/** Logs in through the provider; the provider sends the browser to the https URL, we follow its path. */
async function login(server: RunningServer): Promise<{ client: ApiClient; setCookies: string[] }> {
  const client = new ApiClient(server.url);
  const start = await client.fetch('/auth/login?returnTo=/');
  assert.equal(start.status, 302);
  const setCookies = start.headers.getSetCookie();
  const back = await signIn(
    scriptedBrowser(oidcIssuer),
    new URL(start.headers.get('location') ?? ''),
    'alice',
    demoPassword,
  );
  assert.ok(back.location?.startsWith('https://127.0.0.1:'), `back to the https URL: ${back.location}`);
  const callbackUrl = new URL(back.location ?? '');
  const callback = await client.fetch(`${callbackUrl.pathname}${callbackUrl.search}`);
  assert.equal(callback.headers.get('location'), '/');
  setCookies.push(...callback.headers.getSetCookie());
  return { client, setCookies };
}

describe('cookies over https', () => {
  let server: RunningServer;
  let plainHttp: RunningServer;
  before(async () => {
    server = await startServer((port) => ({ ARGOVUE_PUBLIC_URL: `https://127.0.0.1:${port}` }));
    plainHttp = await startServer();
  });
  after(async () => {
    await server.stop();
    await plainHttp.stop();
  });

  it('are __Host- prefixed, Secure, Path=/ and without Domain, and make a working session', async () => {
    const { client, setCookies } = await login(server);
    const names = setCookies.map((c) => attributes(c).name);
    assert.ok(names.includes('__Host-argovue_login'), `the login cookie: ${names.join(', ')}`);
    assert.ok(names.includes('__Host-argovue_session.0'), `the session cookie: ${names.join(', ')}`);
    for (const setCookie of setCookies) assertHostCookie(setCookie);
    assert.equal((await client.json('/api/v1/me')).status, 200);
  });

  it('ignore a session cookie without the prefix, as a sibling subdomain could set it', async () => {
    const { client } = await login(server);
    const tossed = new ApiClient(server.url);
    for (const [name, value] of client.cookies) tossed.cookies.set(name.replace(/^__Host-/, ''), value);
    assert.ok(tossed.cookies.has('argovue_session.0'));
    const { status } = await tossed.json('/api/v1/me');
    assert.equal(status, 401);
  });

  it('on a local http demo are plain names without Secure, which http cannot set', async () => {
    const start = await new ApiClient(plainHttp.url).fetch('/auth/login?returnTo=/');
    const [login] = start.headers.getSetCookie().map(attributes);
    assert.equal(login?.name, 'argovue_login');
    assert.equal(login.attrs.has('secure'), false);
  });
});
