import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preferredEncoding } from './compression.ts';

describe('preferredEncoding', () => {
  it('prefers Brotli, then gzip, as browsers offer them', () => {
    assert.equal(preferredEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(preferredEncoding('gzip, deflate'), 'gzip');
    assert.equal(preferredEncoding('GZIP;q=0.5'), 'gzip');
    assert.equal(preferredEncoding('*'), 'br');
  });

  it('answers none when none is offered, or each is refused', () => {
    assert.equal(preferredEncoding(undefined), undefined);
    assert.equal(preferredEncoding(''), undefined);
    assert.equal(preferredEncoding('identity'), undefined);
    assert.equal(preferredEncoding('deflate'), undefined);
    assert.equal(preferredEncoding('br;q=0, gzip;q=0'), undefined);
    assert.equal(preferredEncoding('br;q=0, *'), 'gzip');
    assert.equal(preferredEncoding('*;q=0'), undefined);
  });
});
