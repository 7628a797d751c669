import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeLoginError } from './login-error.ts';

describe('describeLoginError', () => {
  it('is null when the page has no error', () => {
    assert.equal(describeLoginError(null), null);
    assert.equal(describeLoginError(''), null);
  });

  it('explains a known code in our own words', () => {
    const error = describeLoginError('state_mismatch');
    assert.ok(error);
    assert.equal(error.code, 'state_mismatch');
    assert.equal(error.title, 'Sign-in expired');
    assert.match(error.detail, /Start it again/);
  });

  it('explains that the identity provider could not be reached', () => {
    assert.equal(describeLoginError('provider_unavailable')?.title, 'Your company’s sign-in is unavailable');
  });

  it('shows an unknown code as a failed sign-in without echoing it', () => {
    const phishing = 'Your_account_is_locked_call_+1-555-0100';
    const error = describeLoginError(phishing);
    assert.ok(error);
    assert.equal(error.title, 'Sign-in failed');
    assert.equal(error.code, undefined);
    assert.doesNotMatch(JSON.stringify(error), /locked|555/);
  });

  it('does not take a code from the prototype of the table', () => {
    for (const code of ['toString', '__proto__', 'constructor']) {
      assert.equal(describeLoginError(code)?.code, undefined, code);
    }
  });
});
