import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handshakeCodeOf, proxySessionOf } from './session-shape.ts';

const session = {
  origin: 'http://lab--team-a.localhost:8081',
  sid: 's'.repeat(24),
  expiresAt: 1_900_000_000,
  idTokenExpiresAt: 1_900_000_000,
  user: { username: 'oidc:alice', groups: ['oidc:team-a'], email: 'alice@example.com' },
};
const code = {
  ...session,
  jti: 'j'.repeat(24),
  exp: 1_900_000_000_000,
  stateId: 'abcdefgh',
  stateHash: 'h'.repeat(43),
  path: '/tree',
};

describe('the shapes the proxy unseals', () => {
  it('reads a session and a code, keeping only their fields', () => {
    assert.deepEqual(proxySessionOf({ ...session, extra: 1 }), session);
    assert.deepEqual(proxySessionOf({ ...session, user: { ...session.user, role: 'admin' } }), session);
    assert.deepEqual(handshakeCodeOf(code), code);
    const { jti: _jti, exp: _exp, stateId: _id, stateHash: _hash, path: _path, ...asSession } = code;
    assert.deepEqual(proxySessionOf(code), asSession);
  });

  it('refuses a session of any other shape', () => {
    const broken: unknown[] = [
      undefined,
      null,
      'a session',
      [session],
      { ...session, origin: 1 },
      { ...session, sid: 'short' },
      { ...session, expiresAt: '1900000000' },
      { ...session, idTokenExpiresAt: null },
      { ...session, user: undefined },
      { ...session, user: { ...session.user, username: '' } },
      { ...session, user: { ...session.user, groups: 'oidc:team-a' } },
      { ...session, user: { ...session.user, groups: ['oidc:team-a', 7] } },
      { ...session, user: { ...session.user, email: ['a@example.com'] } },
      { ...session, user: { ...session.user, name: 1 } },
    ];
    for (const value of broken) assert.equal(proxySessionOf(value), undefined, JSON.stringify(value));
  });

  it('refuses a code that lacks what binds it', () => {
    for (const field of ['jti', 'exp', 'stateId', 'stateHash', 'path'] as const) {
      const { [field]: _dropped, ...rest } = code;
      assert.equal(handshakeCodeOf(rest), undefined, field);
    }
    assert.equal(handshakeCodeOf({ ...code, jti: 'short' }), undefined);
    assert.equal(handshakeCodeOf({ ...code, stateId: 'short' }), undefined);
    assert.equal(handshakeCodeOf({ ...code, exp: Number.NaN }), undefined);
    assert.equal(handshakeCodeOf({ ...code, sid: undefined }), undefined);
  });
});
