import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuotaResource } from '@argovue/api-types';
import { parseQuantity } from '@argovue/api-types/quantity';
import { instanceResources, quotaShortfalls } from '@argovue/api-types/service-fit';
import { quotaLeftOf, requestsOf, shortfallWords } from './quota.ts';

function quota(resource: string, hard: string, used: string): QuotaResource {
  return { resource, hard, used, hardValue: parseQuantity(hard) ?? 0, usedValue: parseQuantity(used) ?? 0 };
}

const template = (requests: Record<string, string>, replicas = 1) => ({
  workload: {
    deployment: { replicas, template: { spec: { containers: [{ name: 'app', resources: { requests } }] } } },
  },
});

describe('quota, in words', () => {
  const left = quotaLeftOf([
    quota('requests.nvidia.com/gpu', '8', '8'),
    quota('requests.cpu', '4', '3500m'),
    quota('requests.memory', '8Gi', '1Gi'),
    quota('pods', '2', '3'),
  ]);

  it('says what is left, never below zero', () => {
    assert.deepEqual(
      left.map((l) => [l.resource, l.left]),
      [
        ['requests.nvidia.com/gpu', '0'],
        ['requests.cpu', '500m'],
        ['requests.memory', '7Gi'],
        ['pods', '0'],
      ],
    );
  });

  it('writes what one instance asks for in the quota’s names', () => {
    const asked = instanceResources(template({ cpu: '500m', memory: '1Gi' }, 2), new Map());
    assert.deepEqual(requestsOf(asked), { 'requests.cpu': '1', 'requests.memory': '2Gi', pods: '2' });
  });

  it('names each resource that does not fit with the numbers', () => {
    const asked = instanceResources(template({ cpu: '1', 'nvidia.com/gpu': '1' }), new Map());
    assert.deepEqual(shortfallWords('team-a', quotaShortfalls(asked, left)), [
      "GPU: needs 1, 0 of 8 free in team-a's quota",
      "CPU: needs 1, 500m of 4 free in team-a's quota",
      "pods: needs 1, 0 of 2 free in team-a's quota",
    ]);
  });
});
