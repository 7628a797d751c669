// The messages below were captured from the devcluster (Kubernetes v1.33): a Deployment's ReplicaFailure
// under a ResourceQuota, and the scheduler's PodScheduled message on the three KWOK nodes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuotaResource } from '@argovue/api-types';
import { parseQuantity } from '@argovue/api-types/quantity';
import { pendingReason, podAsks } from './pending-reason.ts';

function quota(resource: string, hard: string, used: string): QuotaResource {
  return { resource, hard, used, hardValue: parseQuantity(hard) ?? 0, usedValue: parseQuantity(used) ?? 0 };
}

const quotaRefusal = (requested: string, used: string, limited: string) =>
  `pods "notebook-994c4b8d4-wrcsr" is forbidden: exceeded quota: compute, requested: ${requested}, used: ${used}, limited: ${limited}`;

const none = { replicaFailure: undefined, unschedulable: undefined, quota: [] };

describe('why an instance is pending, in words', () => {
  it('says which resource the quota lacks, with what is free of it', () => {
    const reason = pendingReason({
      ...none,
      namespace: 'team-a',
      replicaFailure: quotaRefusal(
        'requests.nvidia.com/gpu=1',
        'requests.nvidia.com/gpu=8',
        'requests.nvidia.com/gpu=8',
      ),
      quota: [quota('requests.nvidia.com/gpu', '8', '8'), quota('requests.cpu', '16', '2')],
    });
    assert.equal(reason, "waiting for a GPU: 0 of 8 free in team-a's quota");
  });

  it('takes the free amount from the cached quota, newer than the refusal', () => {
    const reason = pendingReason({
      ...none,
      namespace: 'team-b',
      replicaFailure: quotaRefusal(
        'requests.nvidia.com/gpu=4',
        'requests.nvidia.com/gpu=4',
        'requests.nvidia.com/gpu=4',
      ),
      quota: [quota('requests.nvidia.com/gpu', '4', '2')],
    });
    assert.equal(reason, "waiting for 4 GPUs: 2 of 4 free in team-b's quota");
  });

  it('names every resource the quota lacks, GPUs first, from the refusal when no quota is cached', () => {
    const reason = pendingReason({
      ...none,
      namespace: 'capt',
      replicaFailure: quotaRefusal(
        'limits.memory=8Gi,requests.cpu=3,requests.nvidia.com/gpu=2',
        'limits.memory=0,requests.cpu=0,requests.nvidia.com/gpu=0',
        'limits.memory=4Gi,requests.cpu=2,requests.nvidia.com/gpu=1',
      ),
    });
    assert.equal(
      reason,
      "waiting for 2 GPUs, 3 CPU and 8Gi of memory (limit) in capt's quota: " +
        '1 of 1 GPU free, 2 of 2 CPU free, 4Gi of 4Gi memory (limit) free',
    );
  });

  it('keeps another refusal of its pods in the apiserver’s words', () => {
    const failure = 'pods "x-1" is forbidden: failed quota: compute: must specify limits.memory for: app';
    assert.equal(
      pendingReason({ ...none, namespace: 'team-a', replicaFailure: failure }),
      `its pods cannot be created: ${failure}`,
    );
  });

  it('says no node has a free GPU', () => {
    const message =
      '0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    assert.equal(
      pendingReason({
        ...none,
        namespace: 'team-a',
        unschedulable: { message, asks: { 'nvidia.com/gpu': 1, cpu: 1 } },
      }),
      'no node has a free GPU (of 3 nodes: 3 have too few GPUs free)',
    );
    assert.equal(
      pendingReason({
        ...none,
        namespace: 'team-a',
        unschedulable: { message, asks: { 'nvidia.com/gpu': 16 } },
      }),
      'no node has 16 GPUs free (of 3 nodes: 3 have too few GPUs free)',
    );
  });

  it('says what each node lacks, and which do not match', () => {
    const message =
      "0/3 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.";
    assert.equal(
      pendingReason({
        ...none,
        namespace: 'team-a',
        unschedulable: { message, asks: { cpu: 500, memory: 4 * 2 ** 40 } },
      }),
      'no node has 500 CPU and 4Ti of memory free ' +
        '(of 3 nodes: 1 has too little CPU free, 1 has too little memory free, 2 do not match its node selector)',
    );
  });

  it('says no node can take it when nothing is short', () => {
    const message =
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    assert.equal(
      pendingReason({ ...none, namespace: 'team-a', unschedulable: { message, asks: {} } }),
      'no node can take its pod (of 3 nodes: 3 do not match its node selector)',
    );
  });

  it('keeps a scheduler message it does not know', () => {
    const message = 'running PreBind plugin "VolumeBinding": binding volumes: timed out';
    assert.equal(
      pendingReason({ ...none, namespace: 'team-a', unschedulable: { message, asks: {} } }),
      `waiting for a node: ${message}`,
    );
  });

  it('says nothing when nothing holds the pods back', () => {
    assert.equal(pendingReason({ ...none, namespace: 'team-a' }), undefined);
  });

  it('sums what a pod asks, a limit standing for a missing request', () => {
    assert.deepEqual(
      podAsks([
        { resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { 'nvidia.com/gpu': '2' } } },
        { resources: { requests: { cpu: '1' } } },
        {},
      ]),
      { cpu: 1.5, memory: 2 ** 30, 'nvidia.com/gpu': 2 },
    );
  });
});
