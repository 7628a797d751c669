import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    assert.equal(safeReturnTo('/namespaces/team-a?tab=quota#top'), '/namespaces/team-a?tab=quota#top');
  });

  it('refuses every way of naming another site', () => {
    for (const evil of [
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/%0d%0aSet-Cookie:x=1',
      '/\t/evil.example',
      'evil.example',
      '',
      42,
      undefined,
    ]) {
      const result = safeReturnTo(evil);
      assert.ok(result.startsWith('/') && !result.startsWith('//'), `${String(evil)} → ${result}`);
      assert.doesNotMatch(result, /evil\.example/, String(evil));
    }
  });

  it('does not return to the login routes', () => {
    assert.equal(safeReturnTo('/auth/logout'), '/');
  });
});
