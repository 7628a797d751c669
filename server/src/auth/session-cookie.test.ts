import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Sealer } from './sealed.ts';
import { maxChunks, readSessionCookies, sessionCookies, type SetCookie } from './session-cookie.ts';

const keyA = 'key-a-0123456789-0123456789-0123456789';
const keyB = 'key-b-0123456789-0123456789-0123456789';

function jar(cookies: SetCookie[]): Record<string, string> {
  return Object.fromEntries(cookies.filter((c) => c.value !== '').map((c) => [c.name, c.value]));
}

describe('session cookies', () => {
  it('round-trips a session', () => {
    const sealer = new Sealer([keyA], 'session');
    const cookies = sessionCookies(sealer, { sid: 'abc', n: 1 }, 60);
    assert.ok(cookies);
    assert.deepEqual(readSessionCookies(sealer, jar(cookies)), { sid: 'abc', n: 1 });
  });

  it('refuses a tampered cookie', () => {
    const sealer = new Sealer([keyA], 'session');
    const cookies = jar(sessionCookies(sealer, { sid: 'abc' }, 60) ?? []);
    const value = cookies['argovue_session.0'] ?? '';
    const flipped = value.slice(0, 20) + (value[20] === 'A' ? 'B' : 'A') + value.slice(21);
    assert.equal(readSessionCookies(sealer, { 'argovue_session.0': flipped }), undefined);
  });

  it('refuses a cookie sealed with another key (forged)', () => {
    const forged = jar(sessionCookies(new Sealer([keyB], 'session'), { sid: 'evil' }, 60) ?? []);
    assert.equal(readSessionCookies(new Sealer([keyA], 'session'), forged), undefined);
  });

  it('refuses a value sealed for another purpose', () => {
    const login = new Sealer([keyA], 'login').seal('x');
    assert.equal(
      readSessionCookies(new Sealer([keyA], 'session'), { 'argovue_session.0': login }),
      undefined,
    );
  });

  it('accepts a cookie sealed with a previous key after rotation', () => {
    const old = jar(sessionCookies(new Sealer([keyB], 'session'), { sid: 'old' }, 60) ?? []);
    assert.deepEqual(readSessionCookies(new Sealer([keyA, keyB], 'session'), old), { sid: 'old' });
  });

  it('fits a user in 300 groups under the browsers’ cookie limits', () => {
    const groups = Array.from(
      { length: 300 },
      (_, i) => `okta-analytics-guild-${String(i * 7919).padStart(6, '0')}`,
    );
    const cookies = sessionCookies(new Sealer([keyA], 'session'), { sid: 'x', claims: { groups } }, 60);
    assert.ok(cookies, 'the session fits');
    const used = cookies.filter((c) => c.value !== '');
    for (const cookie of used)
      assert.ok(cookie.name.length + cookie.value.length < 4096, 'each cookie < 4 KB');
    const header = used.map((c) => `${c.name}=${c.value}`).join('; ');
    assert.ok(header.length < 12 * 1024, `the Cookie header (${header.length} B) stays well under 16 KB`);
  });

  it('refuses a session too large for the cookies instead of truncating it', () => {
    const random = Array.from({ length: 4000 }, () => Math.random().toString(36).slice(2));
    assert.equal(sessionCookies(new Sealer([keyA], 'session'), { random }, 60), undefined);
    assert.equal(maxChunks, 3);
  });
});
