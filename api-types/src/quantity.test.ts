import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  it('reads CPU in cores and millicores', () => {
    assert.equal(parseQuantity('16'), 16);
    assert.equal(parseQuantity('500m'), 0.5);
    assert.equal(parseQuantity('1.5'), 1.5);
  });

  it('reads memory in binary and decimal units', () => {
    assert.equal(parseQuantity('64Gi'), 64 * 2 ** 30);
    assert.equal(parseQuantity('128Mi'), 128 * 2 ** 20);
    assert.equal(parseQuantity('1G'), 1e9);
    assert.equal(parseQuantity('2k'), 2000);
  });

  it('reads exponent notation', () => {
    assert.equal(parseQuantity('1e3'), 1000);
    assert.equal(parseQuantity('5E-1'), 0.5);
  });

  it('rejects text that is not a quantity', () => {
    for (const bad of ['', 'Gi', '12 Gi', '1.2.3', 'ten', '5Gb', '1Z'])
      assert.equal(parseQuantity(bad), undefined, bad);
  });
});
