import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeReturnTo } from './return-to.ts';

// What a browser does with a Location or a link made of the result: it must stay on this site.
function landsOnThisSite(path: string): boolean {
  const base = 'https://argovue.example.com/login';
  const url = new URL(path, base);
  return url.origin === 'https://argovue.example.com' && !url.pathname.startsWith('//');
}

describe('safeReturnTo', () => {
  it('keeps a page of this site with its query and fragment', () => {
    assert.equal(safeReturnTo('/namespaces/team-a?tab=quota#top'), '/namespaces/team-a?tab=quota#top');
    assert.equal(safeReturnTo('/workflows/team-a/etl-1?tab=logs'), '/workflows/team-a/etl-1?tab=logs');
    assert.equal(safeReturnTo('/workflows?name=a%2Fb&phase=Failed'), '/workflows?name=a%2Fb&phase=Failed');
  });

  it('keeps a page whose name only starts like a server route', () => {
    assert.equal(safeReturnTo('/namespaces/api'), '/namespaces/api');
    assert.equal(safeReturnTo('/authors'), '/authors');
  });

  it('resolves harmless dot segments to the page they name', () => {
    assert.equal(safeReturnTo('/a/../profile'), '/profile');
    assert.equal(safeReturnTo('/../../evil.example'), '/evil.example');
  });

  it('sends a missing, empty, overlong or non-string value home', () => {
    for (const value of [null, undefined, '', 42, {}, `/${'a'.repeat(3000)}`]) {
      assert.equal(safeReturnTo(value), '/', typeof value);
    }
  });

  it('does not return to the login page or the server routes, which would loop', () => {
    for (const loop of [
      '/login',
      '/login?returnTo=/login',
      '/auth/login?returnTo=/',
      '/auth',
      '/api/v1/me',
    ]) {
      assert.equal(safeReturnTo(loop), '/', loop);
    }
  });

  const attacks: Record<string, string[]> = {
    'absolute and scheme URLs': [
      'https://evil.example/',
      'http:evil.example',
      'javascript:alert(1)',
      'data:text/html,hi',
      'evil.example',
    ],
    'protocol-relative URLs': ['//evil.example/path', '///evil.example'],
    'dot segments that resolve to //host': [
      '/.//evil.example',
      '/././/evil.example',
      '/a/..//evil.example',
      '/%2e//evil.example',
      '/%2E%2E//evil.example',
      '/.%2F/evil.example',
      '/..%2F/evil.example',
      '/%2e%2F/evil.example',
    ],
    backslashes: [
      '/\\evil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      '/profile\\..\\x',
      '/%5Cevil.example',
      '/%5C%5Cevil.example',
      '/%5c/evil.example',
    ],
    'encoded slashes': ['/%2F%2Fevil.example', '/%2F/evil.example', '/%2f%2fevil.example'],
    'double and triple encoding': [
      '/%252F%252Fevil.example',
      '/%255C%255Cevil.example',
      '/%25252F%25252Fevil.example',
      '/%2e%252F/evil.example',
      '/%25%32%46%25%32%46evil.example',
    ],
    'tabs, newlines and control characters': [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '/\u0000/evil.example',
      '/%09/evil.example',
      '/%0a/evil.example',
      '/%0d%0aSet-Cookie:x=1',
      '/%00',
    ],
    'malformed escapes': ['/%', '/%E0%A4%A', '/%zz'],
  };
  for (const [kind, values] of Object.entries(attacks)) {
    it(`refuses ${kind}`, () => {
      for (const value of values) {
        const result = safeReturnTo(value);
        assert.equal(result, '/', `${JSON.stringify(value)} → ${result}`);
      }
    });
  }

  it('never answers anything a browser would take off this site, whatever it is given', () => {
    const pieces = [
      '/',
      '//',
      '.',
      '..',
      '\\',
      '%2F',
      '%5C',
      '%2e',
      '%252F',
      '\t',
      'evil.example',
      '?',
      '#',
      '@',
    ];
    // Every sequence of three pieces after a leading slash: 14^3 inputs.
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const value = `/${a}${b}${c}`;
          const result = safeReturnTo(value);
          assert.ok(landsOnThisSite(result), `${JSON.stringify(value)} → ${result}`);
          assert.equal(safeReturnTo(result), result, `not stable: ${JSON.stringify(value)} → ${result}`);
        }
  });
});
