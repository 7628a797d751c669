import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeLoginError } from './login-error.ts';

describe('describeLoginError', () => {
  it('is null when the page has no error', () => {
    assert.equal(describeLoginError(null, null), null);
    assert.equal(describeLoginError('', 'ignored'), null);
  });

  it("shows the server's message under a title for the code", () => {
    assert.deepEqual(describeLoginError('login_failed', 'The provider refused the code.'), {
      code: 'login_failed',
      title: 'Sign-in failed',
      detail: 'The provider refused the code.',
    });
  });

  it('explains a known code when the server sent no message', () => {
    const error = describeLoginError('state_mismatch', null);
    assert.ok(error);
    assert.equal(error.title, 'Sign-in expired');
    assert.match(error.detail, /Start it again/);
  });

  it('explains that the identity provider could not be reached', () => {
    assert.equal(
      describeLoginError('provider_unavailable', null)?.title,
      'Your company’s sign-in is unavailable',
    );
  });

  it('still shows an unknown code as a failed sign-in', () => {
    assert.equal(describeLoginError('provider_down', 'Try later')?.title, 'Sign-in failed');
  });

  it('cuts a very long message short', () => {
    const detail = describeLoginError('login_failed', 'x'.repeat(5000))?.detail ?? '';
    assert.equal(detail.length, 300);
    assert.ok(detail.endsWith('…'));
  });
});
