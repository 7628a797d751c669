import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuotaResource } from '@argovue/api-types';
import { allQuotas, cardQuotas, describeQuota, quotaFillLevel, quotaKind, quotaLabel } from './quota.ts';

const GiB = 1024 ** 3;

function quota(resource: string, usedValue: number, hardValue: number): QuotaResource {
  return { resource, used: String(usedValue), hard: String(hardValue), usedValue, hardValue };
}

describe('quotaFillLevel', () => {
  it('is normal below 80 %', () => {
    assert.equal(quotaFillLevel(0, 16), 'normal');
    assert.equal(quotaFillLevel(7.9, 10), 'normal');
  });

  it('warns from exactly 80 %', () => {
    assert.equal(quotaFillLevel(8, 10), 'warning');
    assert.equal(quotaFillLevel(12.8 * GiB, 16 * GiB), 'warning');
  });

  it('is full at 100 % and over', () => {
    assert.equal(quotaFillLevel(16, 16), 'full');
    assert.equal(quotaFillLevel(18, 16), 'full');
  });

  it('is full when the quota allows nothing', () => {
    assert.equal(quotaFillLevel(0, 0), 'full');
  });
});

describe('quotaKind and quotaLabel', () => {
  it('recognises CPU, memory, storage and GPU resources', () => {
    assert.equal(quotaKind('requests.cpu'), 'cpu');
    assert.equal(quotaKind('cpu'), 'cpu');
    assert.equal(quotaKind('limits.memory'), 'bytes');
    assert.equal(quotaKind('requests.storage'), 'bytes');
    assert.equal(quotaKind('requests.nvidia.com/gpu'), 'gpu');
    assert.equal(quotaKind('pods'), 'count');
  });

  it('labels limits apart from requests and keeps other names as they are', () => {
    assert.equal(quotaLabel('requests.cpu'), 'CPU');
    assert.equal(quotaLabel('limits.cpu'), 'CPU limits');
    assert.equal(quotaLabel('requests.nvidia.com/gpu'), 'GPU');
    assert.equal(quotaLabel('count/workflows.argoproj.io'), 'count/workflows.argoproj.io');
  });
});

describe('describeQuota', () => {
  it('says how much is left in the quota unit', () => {
    const cpu = describeQuota(quota('requests.cpu', 4, 16));
    assert.equal(cpu.remaining, '12 of 16 cores left');
    assert.equal(cpu.usage, '4 of 16 cores used');
    assert.equal(cpu.level, 'normal');
  });

  it('shows memory used in mebibytes as a part of the gibibyte quota', () => {
    const memory = describeQuota(quota('requests.memory', 512 * 1024 ** 2, 16 * GiB));
    assert.equal(memory.remaining, '15.5 of 16 GiB left');
    assert.equal(memory.usage, '0.5 of 16 GiB used');
  });

  it('uses the singular for a quota of one', () => {
    assert.equal(describeQuota(quota('requests.nvidia.com/gpu', 0, 1)).remaining, '1 of 1 GPU left');
  });

  it('says how far a namespace is over its quota', () => {
    const cpu = describeQuota(quota('requests.cpu', 18, 16));
    assert.equal(cpu.remaining, '0 of 16 cores left (2 over)');
    assert.equal(cpu.level, 'full');
  });

  it('says when a quota allows none of a resource', () => {
    const gpu = describeQuota(quota('requests.nvidia.com/gpu', 0, 0));
    assert.equal(gpu.allowed, false);
    assert.equal(gpu.remaining, 'None allowed');
  });

  it('counts plain resources without a unit', () => {
    assert.equal(describeQuota(quota('pods', 3, 20)).remaining, '17 of 20 left');
  });
});

describe('cardQuotas', () => {
  it('picks CPU, memory and GPU in that order, preferring requests over limits', () => {
    const cards = cardQuotas([
      quota('limits.cpu', 8, 32),
      quota('requests.nvidia.com/gpu', 2, 8),
      quota('requests.memory', 4 * GiB, 64 * GiB),
      quota('requests.cpu', 4, 16),
      quota('pods', 1, 10),
    ]);
    assert.deepEqual(
      cards.map((c) => [c.label, c.quota?.resource]),
      [
        ['CPU', 'requests.cpu'],
        ['Memory', 'requests.memory'],
        ['GPU', 'requests.nvidia.com/gpu'],
      ],
    );
  });

  it('falls back to the bare resource name, then to limits', () => {
    const cards = cardQuotas([quota('cpu', 1, 2), quota('limits.memory', GiB, 2 * GiB)]);
    assert.equal(cards[0]?.quota?.resource, 'cpu');
    assert.equal(cards[1]?.quota?.resource, 'limits.memory');
  });

  it('marks a resource the quota does not limit', () => {
    const cards = cardQuotas([quota('requests.cpu', 1, 2)]);
    const gpu = cards[2];
    assert.ok(gpu);
    assert.equal(gpu.label, 'GPU');
    assert.equal(gpu.quota, null);
  });
});

describe('allQuotas', () => {
  it('lists requests before limits of the same resource', () => {
    const listed = allQuotas([quota('limits.cpu', 1, 4), quota('requests.cpu', 1, 2), quota('cpu', 1, 2)]);
    assert.deepEqual(
      listed.map((q) => q.resource),
      ['cpu', 'requests.cpu', 'limits.cpu'],
    );
  });

  it('lists CPU, memory and GPU before other resources, others by name', () => {
    const listed = allQuotas([
      quota('pods', 1, 10),
      quota('requests.nvidia.com/gpu', 0, 8),
      quota('count/configmaps', 2, 50),
      quota('requests.memory', 0, GiB),
      quota('requests.cpu', 0, 1),
    ]);
    assert.deepEqual(
      listed.map((q) => q.resource),
      ['requests.cpu', 'requests.memory', 'requests.nvidia.com/gpu', 'count/configmaps', 'pods'],
    );
  });
});
