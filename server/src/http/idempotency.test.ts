import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from './errors.ts';
import { IdempotencyKeys } from './idempotency.ts';

describe('IdempotencyKeys', () => {
  it('does the work once for two concurrent requests with one key, and answers both alike', async () => {
    const keys = new IdempotencyKeys();
    let runs = 0;
    let finish: (value: string) => void = () => undefined;
    const work = () => {
      runs++;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const first = keys.run('alice', 'key-0001', 'POST /x', work);
    const second = keys.run('alice', 'key-0001', 'POST /x', work);
    finish('wf-abcde');
    assert.deepEqual(await first, { value: 'wf-abcde', replayed: false });
    assert.deepEqual(await second, { value: 'wf-abcde', replayed: true });
    assert.equal(runs, 1);
  });

  it('keeps keys apart by user', async () => {
    const keys = new IdempotencyKeys();
    let runs = 0;
    await keys.run('alice', 'key-0001', 'f', () => Promise.resolve(++runs));
    await keys.run('bob', 'key-0001', 'f', () => Promise.resolve(++runs));
    assert.equal(runs, 2);
  });

  it('refuses one key for a different request', async () => {
    const keys = new IdempotencyKeys();
    await keys.run('alice', 'key-0001', 'POST /a', () => Promise.resolve(1));
    await assert.rejects(
      keys.run('alice', 'key-0001', 'POST /b', () => Promise.resolve(2)),
      (error) => {
        assert.ok(error instanceof HttpError);
        assert.equal(error.status, 422);
        return true;
      },
    );
  });

  it('answers a refusal again, but lets a failure of the server be tried again', async () => {
    const keys = new IdempotencyKeys();
    const refused = new HttpError(409, 'CONFLICT', 'not failed');
    await assert.rejects(
      keys.run('alice', 'key-0001', 'f', () => Promise.reject(refused)),
      refused,
    );
    let runs = 0;
    await assert.rejects(
      keys.run('alice', 'key-0001', 'f', () => Promise.resolve(++runs)),
      refused,
    );
    assert.equal(runs, 0);
    await assert.rejects(keys.run('alice', 'key-0002', 'f', () => Promise.reject(new Error('ECONNREFUSED'))));
    assert.deepEqual(await keys.run('alice', 'key-0002', 'f', () => Promise.resolve('ok')), {
      value: 'ok',
      replayed: false,
    });
  });

  it('forgets keys past their time and past the cap of a user', async () => {
    let runs = 0;
    const expired = new IdempotencyKeys({ rememberMs: -1 });
    await expired.run('alice', 'key-0001', 'f', () => Promise.resolve(++runs));
    await expired.run('alice', 'key-0001', 'f', () => Promise.resolve(++runs));
    assert.equal(runs, 2);
    const capped = new IdempotencyKeys({ maxKeysPerUser: 2 });
    for (const key of ['key-0001', 'key-0002', 'key-0003', 'key-0001'])
      await capped.run('alice', key, 'f', () => Promise.resolve(++runs));
    assert.equal(runs, 6, 'the oldest key was forgotten at the cap');
  });
});
