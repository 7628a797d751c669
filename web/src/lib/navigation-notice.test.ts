import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noticeFrom } from './navigation-notice.ts';

describe('noticeFrom', () => {
  it('reads the message a page left for the next one', () => {
    assert.deepEqual(noticeFrom({ notice: { message: 'Deleted etl-x.' } }), { message: 'Deleted etl-x.' });
  });

  it('is null for no state, other state, or a notice without a message', () => {
    for (const state of [
      null,
      undefined,
      'text',
      {},
      { notice: null },
      { notice: { message: 3 } },
      { notice: { message: '' } },
    ])
      assert.equal(noticeFrom(state), null, JSON.stringify(state));
  });

  it('keeps an overlong message short', () => {
    assert.equal(noticeFrom({ notice: { message: 'x'.repeat(10_000) } })?.message.length, 500);
  });
});
