import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loginPageUrl, safeLogoutRedirect } from './return-to.ts';

// safeReturnTo's own tests are beside it in api-types/src/return-to.test.ts.

describe('loginPageUrl', () => {
  it('encodes where to come back to', () => {
    assert.equal(loginPageUrl('/namespaces/team-a?x=1'), '/login?returnTo=%2Fnamespaces%2Fteam-a%3Fx%3D1');
  });

  it('leaves returnTo out when it is home or unsafe', () => {
    assert.equal(loginPageUrl('/'), '/login');
    assert.equal(loginPageUrl('//evil.example'), '/login');
  });
});

describe('safeLogoutRedirect', () => {
  const origin = 'https://argovue.example.com';

  it("follows the provider's end-session URL on another origin", () => {
    const endSession = 'https://login.example.com/logout?id_token_hint=abc&post_logout_redirect_uri=x';
    assert.equal(safeLogoutRedirect(endSession, origin), endSession);
  });

  it('resolves a path against this origin', () => {
    assert.equal(safeLogoutRedirect('/', origin), 'https://argovue.example.com/');
  });

  it('never follows a javascript: or data: URL', () => {
    assert.equal(safeLogoutRedirect('javascript:alert(1)', origin), '/');
    assert.equal(safeLogoutRedirect('data:text/html,hi', origin), '/');
  });
});
