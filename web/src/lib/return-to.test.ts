import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loginPageUrl, safeLogoutRedirect, safeReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
  it('keeps a same-origin path with its query and fragment', () => {
    assert.equal(
      safeReturnTo('/namespaces/team-a?tab=members#quota'),
      '/namespaces/team-a?tab=members#quota',
    );
  });

  it('sends a missing or empty returnTo home', () => {
    assert.equal(safeReturnTo(null), '/');
    assert.equal(safeReturnTo(undefined), '/');
    assert.equal(safeReturnTo(''), '/');
  });

  it('rejects an absolute URL to another site', () => {
    assert.equal(safeReturnTo('https://evil.example/phish'), '/');
  });

  it('rejects a protocol-relative URL', () => {
    assert.equal(safeReturnTo('//evil.example/phish'), '/');
  });

  it('rejects a backslash that browsers read as a second slash', () => {
    assert.equal(safeReturnTo('/\\evil.example'), '/');
    assert.equal(safeReturnTo('/profile\\..\\x'), '/');
  });

  it('rejects a tab or newline that browsers drop to make //host', () => {
    assert.equal(safeReturnTo('/\t/evil.example'), '/');
    assert.equal(safeReturnTo('/\n/evil.example'), '/');
  });

  it('rejects a javascript: URL and a relative path', () => {
    assert.equal(safeReturnTo('javascript:alert(1)'), '/');
    assert.equal(safeReturnTo('profile'), '/');
  });

  it('sends an overlong returnTo home', () => {
    assert.equal(safeReturnTo(`/${'a'.repeat(3000)}`), '/');
  });

  it('resolves dot segments so the path stays on this origin', () => {
    assert.equal(safeReturnTo('/a/../profile'), '/profile');
    assert.equal(safeReturnTo('/../../evil.example'), '/evil.example');
  });

  it('does not return to the login page or the server routes, which would loop', () => {
    assert.equal(safeReturnTo('/login?returnTo=/login'), '/');
    assert.equal(safeReturnTo('/auth/login?returnTo=/'), '/');
    assert.equal(safeReturnTo('/api/v1/me'), '/');
  });

  it('keeps a page whose name only starts like a server route', () => {
    assert.equal(safeReturnTo('/namespaces/api'), '/namespaces/api');
    assert.equal(safeReturnTo('/authors'), '/authors');
  });
});

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
