import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instanceResources, quotaShortfalls, type FitTemplate } from './service-fit.ts';

const GiB = 2 ** 30;

const template: FitTemplate = {
  inputs: [
    {
      name: 'gpus',
      type: 'number',
      fills: [{ resource: { container: 'main', name: 'nvidia.com/gpu', in: 'limits' } }],
    },
    { name: 'cpu', type: 'string', fills: [{ resource: { container: 'main', name: 'cpu', in: 'both' } }] },
    { name: 'replicas', type: 'number', maximum: 4, fills: [{ replicas: {} }] },
  ],
  workload: {
    deployment: {
      replicas: 1,
      template: {
        spec: {
          containers: [
            { name: 'main', resources: { requests: { cpu: '500m', memory: '1Gi' } } },
            { name: 'sidecar', resources: { limits: { memory: '256Mi' } } },
          ],
        },
      },
    },
  },
};

describe('instanceResources', () => {
  it('adds every container, takes a request from a lone limit, and multiplies by the replicas', () => {
    const asked = instanceResources(template, new Map());
    assert.deepEqual(asked, {
      replicas: 1,
      requests: { cpu: 0.5, memory: GiB + 256 * 2 ** 20 },
      limits: { memory: 256 * 2 ** 20 },
    });
  });

  it('applies the inputs that fill resources and replicas', () => {
    const asked = instanceResources(
      template,
      new Map<string, number | string>([
        ['gpus', 2],
        ['cpu', '2'],
        ['replicas', 3],
      ]),
    );
    assert.equal(asked.replicas, 3);
    assert.equal(asked.requests['nvidia.com/gpu'], 6, 'a GPU limit alone is also its request');
    assert.equal(asked.requests.cpu, 6);
    assert.equal(asked.limits.cpu, 6);
  });
});

describe('quotaShortfalls', () => {
  const asked = instanceResources(template, new Map<string, number | string>([['gpus', 1]]));

  it('names each quota resource the instance would go past, with what is left', () => {
    const shortfalls = quotaShortfalls(asked, [
      { resource: 'requests.nvidia.com/gpu', usedValue: 8, hardValue: 8 },
      { resource: 'requests.cpu', usedValue: 15.75, hardValue: 16 },
      { resource: 'memory', usedValue: 0, hardValue: 64 * GiB },
      { resource: 'count/configmaps', usedValue: 100, hardValue: 100 },
    ]);
    assert.deepEqual(shortfalls, [
      { resource: 'requests.nvidia.com/gpu', needed: 1, left: 0, hard: 8 },
      { resource: 'requests.cpu', needed: 0.5, left: 0.25, hard: 16 },
    ]);
  });

  it('fits exactly what is left, and counts pods', () => {
    assert.deepEqual(
      quotaShortfalls(asked, [
        { resource: 'requests.cpu', usedValue: 15.5, hardValue: 16 },
        { resource: 'pods', usedValue: 9, hardValue: 10 },
      ]),
      [],
    );
    assert.equal(quotaShortfalls(asked, [{ resource: 'pods', usedValue: 10, hardValue: 10 }]).length, 1);
  });
});
