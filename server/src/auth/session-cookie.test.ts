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
  it('round-trips a session', async () => {
    const sealer = new Sealer([keyA], 'session');
    const cookies = await sessionCookies(sealer, { sid: 'abc', n: 1 }, 60);
    assert.ok(cookies);
    assert.deepEqual(await readSessionCookies(sealer, jar(cookies)), { sid: 'abc', n: 1 });
  });

  it('is a JWE compact string, dir + A256GCM, deflated inside', async () => {
    const sealed = await new Sealer([keyA], 'session').seal({ sid: 'abc' });
    const parts = sealed.split('.');
    assert.equal(parts.length, 5);
    assert.equal(parts[1], '', 'dir: no encrypted key');
    const header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString()) as Record<string, unknown>;
    assert.deepEqual(
      { ...header, kid: typeof header['kid'] },
      {
        alg: 'dir',
        enc: 'A256GCM',
        zip: 'DEF',
        kid: 'string',
      },
    );
  });

  it('refuses a tampered cookie: header, IV, ciphertext or tag', async () => {
    const sealer = new Sealer([keyA], 'session');
    const cookies = jar((await sessionCookies(sealer, { sid: 'abc' }, 60)) ?? []);
    const value = cookies['argovue_session.0'] ?? '';
    const parts = value.split('.');
    for (const part of [0, 2, 3, 4]) {
      const tampered = parts.map((text, i) =>
        i === part ? (text[0] === 'A' ? 'B' : 'A') + text.slice(1) : text,
      );
      assert.equal(
        await readSessionCookies(sealer, { 'argovue_session.0': tampered.join('.') }),
        undefined,
        `part ${part} changed`,
      );
    }
  });

  it('refuses a cookie sealed with another key (forged)', async () => {
    const forged = jar((await sessionCookies(new Sealer([keyB], 'session'), { sid: 'evil' }, 60)) ?? []);
    assert.equal(await readSessionCookies(new Sealer([keyA], 'session'), forged), undefined);
  });

  it('refuses a forged cookie that names our key id but was made with another key', async () => {
    const ours = await new Sealer([keyA], 'session').seal({ sid: 'abc' });
    const forged = await new Sealer([keyB], 'session').seal({ sid: 'evil' });
    const withOurKid = [ours.split('.')[0], ...forged.split('.').slice(1)].join('.');
    assert.equal(
      await readSessionCookies(new Sealer([keyA], 'session'), { 'argovue_session.0': withOurKid }),
      undefined,
    );
  });

  it('refuses a value sealed for another purpose', async () => {
    const login = await new Sealer([keyA], 'login').seal('x');
    assert.equal(
      await readSessionCookies(new Sealer([keyA], 'session'), { 'argovue_session.0': login }),
      undefined,
    );
  });

  it('refuses an unsealed JWE (alg none or another algorithm) and plain garbage', async () => {
    const header = (h: object) => Buffer.from(JSON.stringify(h)).toString('base64url');
    const payload = Buffer.from('{"sid":"evil"}').toString('base64url');
    for (const text of [
      `${header({ alg: 'none' })}..${payload}..`,
      `${header({ alg: 'A256KW', enc: 'A256GCM' })}.AAAA.AAAAAAAAAAAAAAAA.${payload}.AAAAAAAAAAAAAAAAAAAAAA`,
      'not-a-jwe',
    ])
      assert.equal(await new Sealer([keyA], 'session').unseal(text), undefined, text);
  });

  it('accepts a cookie sealed with a previous key after rotation', async () => {
    const old = jar((await sessionCookies(new Sealer([keyB], 'session'), { sid: 'old' }, 60)) ?? []);
    assert.deepEqual(await readSessionCookies(new Sealer([keyA, keyB], 'session'), old), { sid: 'old' });
  });

  it('fits a user in 300 groups under the browsers’ cookie limits', async () => {
    const groups = Array.from(
      { length: 300 },
      (_, i) => `okta-analytics-guild-${String(i * 7919).padStart(6, '0')}`,
    );
    const cookies = await sessionCookies(new Sealer([keyA], 'session'), { sid: 'x', claims: { groups } }, 60);
    assert.ok(cookies, 'the session fits');
    const used = cookies.filter((c) => c.value !== '');
    for (const cookie of used)
      assert.ok(cookie.name.length + cookie.value.length < 4096, 'each cookie < 4 KB');
    const header = used.map((c) => `${c.name}=${c.value}`).join('; ');
    assert.ok(header.length < 12 * 1024, `the Cookie header (${header.length} B) stays well under 16 KB`);
  });

  it('refuses a session too large for the cookies instead of truncating it', async () => {
    const random = Array.from({ length: 4000 }, () => Math.random().toString(36).slice(2));
    assert.equal(await sessionCookies(new Sealer([keyA], 'session'), { random }, 60), undefined);
    assert.equal(maxChunks, 3);
  });
});
