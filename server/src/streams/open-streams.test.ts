import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from '../http/errors.ts';
import { OpenStreams, type StreamEndReason, type StreamRegistration } from './open-streams.ts';

const now = Date.now();
const session = {
  sid: 'session-one-0123456789',
  expiresAt: now / 1000 + 3600,
  idTokenExpiresAt: now / 1000 + 600,
};

function registry(revoked: string[] = [], limits = { perUser: 3, total: 5 }) {
  return new OpenStreams(limits, { isRevoked: (sid) => revoked.includes(sid) }, 0);
}

function stream(
  overrides: Partial<StreamRegistration> = {},
): StreamRegistration & { ended: StreamEndReason[] } {
  const ended: StreamEndReason[] = [];
  return { user: 'alice', session, slots: 1, end: (reason) => ended.push(reason), ended, ...overrides };
}

const tooMany = (error: unknown): boolean =>
  error instanceof HttpError && error.status === 429 && error.code === 'TOO_MANY_STREAMS';

describe('OpenStreams', () => {
  it('caps the streams of one user, and frees a slot when one is released (once)', () => {
    const streams = registry();
    const first = streams.open(stream());
    streams.open(stream());
    streams.open(stream());
    assert.throws(() => streams.open(stream()), tooMany);
    assert.equal(streams.openOf('alice'), 3);
    first.release();
    first.release();
    assert.equal(streams.openOf('alice'), 2);
    streams.open(stream());
  });

  it('caps all users together, and takes a stream’s slots all or none', () => {
    const streams = registry();
    streams.open(stream({ user: 'alice', slots: 3 }));
    assert.throws(() => streams.open(stream({ user: 'bob', slots: 3 })), tooMany);
    assert.equal(streams.openOf('bob'), 0);
    streams.open(stream({ user: 'bob', slots: 2 }));
    assert.throws(() => streams.open(stream({ user: 'carol' })), tooMany);
    assert.equal(streams.total, 5);
  });

  it('ends the streams of a revoked, expired or token-expired session at the next check', () => {
    const revoked: string[] = [];
    const streams = registry(revoked, { perUser: 10, total: 10 });
    const signedOut = stream();
    const expired = stream({
      session: { ...session, sid: 'session-two-0123456789', expiresAt: now / 1000 + 5 },
    });
    const tokenExpired = stream({
      session: { ...session, sid: 'session-three-012345678', idTokenExpiresAt: now / 1000 + 5 },
    });
    for (const s of [signedOut, expired, tokenExpired]) streams.open(s);
    streams.check(now);
    assert.deepEqual([signedOut.ended, expired.ended, tokenExpired.ended], [[], [], []]);
    revoked.push(session.sid);
    streams.check(now + 10_000);
    streams.check(now + 20_000);
    assert.deepEqual(signedOut.ended, ['signed-out']);
    assert.deepEqual(expired.ended, ['session-expired']);
    assert.deepEqual(tokenExpired.ended, ['token-expired']);
    assert.equal(streams.total, 0, 'their slots are free');
  });

  it('ends a stream whose recheck says no, keeps one whose recheck fails', async () => {
    const streams = registry();
    const lost = stream({ recheck: () => Promise.resolve(false) });
    const unsure = stream({ recheck: () => Promise.reject(new Error('apiserver away')) });
    streams.open(lost);
    streams.open(unsure);
    streams.check(now);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(lost.ended, ['access-lost']);
    assert.deepEqual(unsure.ended, []);
    assert.equal(streams.openOf('alice'), 1);
  });

  it('ends every stream when the server stops', () => {
    const streams = registry();
    const open = stream();
    streams.open(open);
    streams.stop();
    assert.deepEqual(open.ended, ['server-stopping']);
    assert.equal(streams.total, 0);
  });

  it('ends every stream of a session at its logout', () => {
    const streams = registry();
    const mine = stream();
    const other = stream({ session: { ...session, sid: 'another-session-0123456' } });
    streams.open(mine);
    streams.open(other);
    streams.endSession(session.sid);
    assert.deepEqual(mine.ended, ['signed-out']);
    assert.deepEqual(other.ended, []);
  });
});
