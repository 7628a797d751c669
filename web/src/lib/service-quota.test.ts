import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askedAmounts, describeShortfall } from './service-quota.ts';

const GiB = 2 ** 30;

describe('describeShortfall', () => {
  it('says what the instance needs and what the quota has left, in units people use', () => {
    assert.equal(
      describeShortfall({ resource: 'requests.nvidia.com/gpu', needed: 1, left: 0, hard: 8 }, 'team-a'),
      "Needs 1 GPU: team-a's quota has 0 of 8 GPUs left.",
    );
    assert.equal(
      describeShortfall(
        { resource: 'requests.memory', needed: 8 * GiB, left: 2 * GiB, hard: 64 * GiB },
        'team-b',
      ),
      "Needs 8 GiB of memory: team-b's quota has 2 of 64 GiB left.",
    );
    assert.equal(
      describeShortfall({ resource: 'limits.cpu', needed: 4, left: 1, hard: 8 }, 'team-a'),
      "Needs 4 cores of CPU limits: team-a's quota has 1 of 8 cores left.",
    );
    assert.equal(
      describeShortfall({ resource: 'pods', needed: 2, left: 0, hard: 0 }, 'team-a'),
      "Needs 2 pods: team-a's quota allows none.",
    );
  });
});

describe('askedAmounts', () => {
  it('sums GPUs of any vendor and shows nothing asked as zero', () => {
    assert.deepEqual(
      askedAmounts({ replicas: 2, requests: { cpu: 1, 'nvidia.com/gpu': 2, 'amd.com/gpu': 1 }, limits: {} }),
      [
        { label: 'CPU', text: '1 core' },
        { label: 'Memory', text: '0 B' },
        { label: 'GPU', text: '3 GPUs' },
      ],
    );
  });
});
