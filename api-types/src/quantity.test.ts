import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatQuantity, isByteResource, parseQuantity } from './quantity.ts';

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

describe('formatQuantity', () => {
  it('writes bytes in binary units and cores as whole numbers or millis', () => {
    assert.equal(formatQuantity(1.5 * 2 ** 30, true), '1.5Gi');
    assert.equal(formatQuantity(512 * 2 ** 20, true), '512Mi');
    assert.equal(formatQuantity(100, true), '100');
    assert.equal(formatQuantity(2, false), '2');
    assert.equal(formatQuantity(1.5, false), '1500m');
    assert.equal(formatQuantity(0.25, false), '250m');
  });

  it('knows which quota resources count bytes', () => {
    assert.equal(isByteResource('requests.memory'), true);
    assert.equal(isByteResource('requests.storage'), true);
    assert.equal(isByteResource('limits.ephemeral-storage'), true);
    assert.equal(isByteResource('requests.nvidia.com/gpu'), false);
    assert.equal(isByteResource('cpu'), false);
  });
});
