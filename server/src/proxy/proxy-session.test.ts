import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { landingPath, ProxySessions } from './proxy-session.ts';

const keys = ['k'.repeat(32)];
const origin = 'http://lab--team-a.localhost:8081';
const portal = {
  sid: 's'.repeat(24),
  expiresAt: Date.now() / 1000 + 3600,
  idTokenExpiresAt: Date.now() / 1000 + 600,
};
const user = { username: 'oidc:alice', groups: ['oidc:team-a'], email: 'alice@example.com' };

/** Step 1 and 2: a state cookie in the browser, and a code minted for it. */
async function handshake(sessions: ProxySessions, at = origin) {
  const state = sessions.newState();
  const code = await sessions.mintCode(at, state.param, '/tree?x=1', portal, user);
  assert.ok(code !== undefined);
  return { code, cookie: `${state.cookie.name}=${state.cookie.value}; other=1` };
}

describe('the proxy handshake', () => {
  it('redeems a code once, with the state cookie, into a session of that origin', async () => {
    const sessions = new ProxySessions(keys, false);
    const { code, cookie } = await handshake(sessions);
    const redeemed = await sessions.redeem(code, origin, cookie);
    assert.ok(redeemed.ok);
    assert.equal(redeemed.path, '/tree?x=1');
    assert.equal(redeemed.session.user.username, 'oidc:alice');
    assert.equal(redeemed.clearState.maxAgeSeconds, 0);
    assert.deepEqual(await sessions.redeem(code, origin, cookie), { ok: false, reason: 'used' });
  });

  it('refuses a code without the browser’s state, at another origin, expired, or tampered', async () => {
    const sessions = new ProxySessions(keys, false);
    const { code, cookie } = await handshake(sessions);
    assert.deepEqual(await sessions.redeem(code, origin, 'other=1'), { ok: false, reason: 'no-state' });
    assert.deepEqual(await sessions.redeem(code, origin, cookie.replace(/=[^;]+;/, '=forged;')), {
      ok: false,
      reason: 'no-state',
    });
    assert.deepEqual(await sessions.redeem(code, 'http://x--team-b.localhost:8081', cookie), {
      ok: false,
      reason: 'wrong-origin',
    });
    assert.deepEqual(await sessions.redeem(code, origin, cookie, Date.now() + 31_000), {
      ok: false,
      reason: 'expired',
    });
    assert.deepEqual(await sessions.redeem(`${code.slice(0, -4)}AAAA`, origin, cookie), {
      ok: false,
      reason: 'invalid',
    });
    assert.deepEqual(await new ProxySessions(['o'.repeat(32)], false).redeem(code, origin, cookie), {
      ok: false,
      reason: 'invalid',
    });
    assert.equal(await sessions.mintCode(origin, 'not-a-state', '/', portal, user), undefined);
  });

  it('reads its session cookie back only at its own origin', async () => {
    const sessions = new ProxySessions(keys, false);
    const cookies = await sessions.cookiesFor({ origin, ...portal, user });
    assert.ok(cookies);
    const header = cookies
      .filter((c) => c.value !== '')
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    assert.equal((await sessions.read(header, origin))?.user.username, 'oidc:alice');
    assert.equal(await sessions.read(header, 'http://other--team-a.localhost:8081'), undefined);
    assert.equal(await sessions.read('argovue_proxy.0=forged', origin), undefined);
    assert.equal(await sessions.read(undefined, origin), undefined);
    // The same object each time: access reviews key on it.
    assert.equal(await sessions.read(header, origin), await sessions.read(header, origin));
  });

  it('names its cookies with __Host- over https', () => {
    const sessions = new ProxySessions(keys, true);
    assert.equal(sessions.cookie, '__Host-argovue_proxy');
    assert.match(sessions.newState().cookie.name, /^__Host-argovue_proxy_state\./);
  });

  it('fits a user in 300 groups in a code', async () => {
    const sessions = new ProxySessions(keys, false);
    const state = sessions.newState();
    const groups = Array.from({ length: 300 }, (_, i) => `oidc:group-${String(i).padStart(3, '0')}`);
    const code = await sessions.mintCode(origin, state.param, '/', portal, { ...user, groups });
    assert.ok(code !== undefined && code.length < 8000, `code of ${code?.length} characters`);
  });
});

describe('landingPath', () => {
  it('keeps a path of the origin and refuses anything that leaves it', () => {
    assert.equal(landingPath('/lab?x=1', origin), '/lab?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'http://evil.example/', 'lab', '/\tx'])
      assert.equal(landingPath(bad, origin), '/', bad);
  });
});
