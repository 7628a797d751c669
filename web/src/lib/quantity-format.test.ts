import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayUnitFor, formatInUnit, formatQuantity } from './quantity-format.ts';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

describe('formatQuantity', () => {
  it('shows CPU in cores, singular for one', () => {
    assert.equal(formatQuantity(16, 'cpu'), '16 cores');
    assert.equal(formatQuantity(1, 'cpu'), '1 core');
    assert.equal(formatQuantity(0.5, 'cpu'), '0.5 cores');
  });

  it('keeps millicores exact', () => {
    assert.equal(formatQuantity(0.125, 'cpu'), '0.125 cores');
    assert.equal(formatQuantity(0.001, 'cpu'), '0.001 cores');
  });

  it('shows gibibytes with one decimal and mebibytes whole', () => {
    assert.equal(formatQuantity(16 * GiB, 'bytes'), '16 GiB');
    assert.equal(formatQuantity(7.5 * GiB, 'bytes'), '7.5 GiB');
    assert.equal(formatQuantity(512 * MiB, 'bytes'), '512 MiB');
    assert.equal(formatQuantity(2048, 'bytes'), '2 KiB');
    assert.equal(formatQuantity(100, 'bytes'), '100 B');
  });

  it('groups thousands of gibibytes', () => {
    assert.equal(formatQuantity(2048 * GiB, 'bytes'), '2,048 GiB');
  });

  it('shows GPUs as whole devices, singular for one', () => {
    assert.equal(formatQuantity(8, 'gpu'), '8 GPUs');
    assert.equal(formatQuantity(1, 'gpu'), '1 GPU');
    assert.equal(formatQuantity(0, 'gpu'), '0 GPUs');
  });

  it('shows a plain count without a unit', () => {
    assert.equal(formatQuantity(20, 'count'), '20');
  });
});

describe('formatInUnit', () => {
  it('never shows a small non-zero amount as zero', () => {
    const gib = displayUnitFor('bytes', 16 * GiB);
    assert.equal(formatInUnit(10 * 1024, gib), '<0.1');
    assert.equal(formatInUnit(0, gib), '0');
  });

  it('shows mebibytes in gibibytes when the quota is in gibibytes', () => {
    assert.equal(formatInUnit(512 * MiB, displayUnitFor('bytes', 16 * GiB)), '0.5');
  });
});
