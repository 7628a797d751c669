// An instance whose pod cannot run says why in words, in its status and in the API's row: one asking
// for more GPUs than any of the devcluster's KWOK nodes has (the GPU node has 8) gets the scheduler's
// reason; one the namespace's ResourceQuota refuses gets the quota's, with what is free of it. The
// start API refuses an instance that does not fit the quota, so the quota is made after the first
// instance exists (its pending pod counts against it), and the second instance is written as admin,
// as kubectl would. Raising the quota changes the words without the instance or its Deployment
// changing (the controller follows the quota's watch), and then the instance runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ServiceInstanceDetail } from '@argovue/api-types';
import { core, eventually } from '../../devcluster/test/cluster.ts';
import { withComponentsDown } from '../support/cluster-faults.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTeamANamespace } from '../support/service-proxy.ts';
import { adminKubeApi, createTemplate, servicesGroupVersion } from '../support/service-templates.ts';

const gpuTemplate = {
  apiVersion: servicesGroupVersion,
  kind: 'ServiceTemplate',
  metadata: { name: 'gpu-box' },
  spec: {
    title: 'GPU box',
    inputs: [
      {
        name: 'gpus',
        type: 'number',
        integer: true,
        minimum: 1,
        maximum: 64,
        default: 1,
        fills: [{ resource: { container: 'main', name: 'nvidia.com/gpu', in: 'both' } }],
      },
    ],
    ports: [{ name: 'http', port: 8080 }],
    workload: {
      deployment: {
        template: {
          spec: {
            containers: [
              {
                name: 'main',
                image: 'example.invalid/gpu:1',
                ports: [{ containerPort: 8080 }],
                resources: { requests: { cpu: '100m', memory: '64Mi' } },
              },
            ],
          },
        },
      },
    },
  },
};

describe('a pending instance says why in words', () => {
  const admin = adminKubeApi();
  let ns: Awaited<ReturnType<typeof createTeamANamespace>>;
  let server: RunningServer;
  let alice: ApiClient;
  const instancePath = (name: string) => `/api/v1/namespaces/${ns.name}/service-instances/${name}`;
  /** The API's row and the instance's own status, once the status message matches `words`. */
  const saysWhy = (name: string, words: RegExp) =>
    eventually(`${name} to say ${String(words)}`, async () => {
      const detail = await alice.json<ServiceInstanceDetail>(instancePath(name));
      const { row } = detail.body;
      return row.phase === 'Pending' && words.test(row.message ?? '') ? row : undefined;
    });
  const statusOf = (name: string) =>
    admin.json<{ status?: { phase?: string; message?: string } }>({
      path: `/apis/argovue.io/v1alpha1/namespaces/${ns.name}/serviceinstances/${name}`,
      as: 'argovue',
    });

  before(async () => {
    ns = await createTeamANamespace('pending-why');
    const created = await createTemplate(admin, gpuTemplate, ns.name);
    assert.ok(created.ok, JSON.stringify(created));
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
  });
  after(async () => {
    await server.stop();
    await ns.remove();
    admin.close();
  });

  it('one asking for more GPUs than any node has names the GPUs and the nodes', async () => {
    const created = await alice.send('POST', `/api/v1/namespaces/${ns.name}/service-instances`, {
      name: 'too-big',
      template: { name: 'gpu-box' },
      inputs: { gpus: 16 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const row = await saysWhy(
      'too-big',
      /^no node has 16 GPUs free \(of 3 nodes: 3 have too few GPUs free\)$/,
    );
    assert.equal(row.conditions.find((c) => c.type === 'Ready')?.reason, 'Waiting');
    const status = (await statusOf('too-big')).status ?? {};
    assert.equal(status.phase, 'Pending');
    assert.equal(status.message, row.message);
  });

  it('one the quota refuses says what is free in the quota', async () => {
    await core.createNamespacedResourceQuota({
      namespace: ns.name,
      body: { metadata: { name: 'gpus' }, spec: { hard: { 'requests.nvidia.com/gpu': '8' } } },
    });
    // The quota controller counts the pending pod of too-big (16) before admission uses the quota.
    await eventually('the quota to count too-big', async () => {
      const quota = await core.readNamespacedResourceQuota({ namespace: ns.name, name: 'gpus' });
      return quota.status?.used?.['requests.nvidia.com/gpu'] === '16' ? true : undefined;
    });
    await admin.json({
      method: 'POST',
      path: `/apis/argovue.io/v1alpha1/namespaces/${ns.name}/serviceinstances`,
      as: 'argovue',
      body: {
        apiVersion: servicesGroupVersion,
        kind: 'ServiceInstance',
        metadata: { name: 'one-more' },
        spec: { template: { name: 'gpu-box' }, inputs: { gpus: 1 } },
      },
    });
    const words = `waiting for a GPU: 0 of 8 free in ${ns.name}'s quota`;
    const row = await saysWhy('one-more', new RegExp(`^${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    assert.equal(row.message, words);
    assert.equal((await statusOf('one-more')).status?.message, words);
  });

  it('follows its quota: raised, the numbers change with nothing else changing, then it runs', async () => {
    const refusal = () =>
      admin
        .json<{ status?: { conditions?: { type: string; message?: string }[] } }>({
          path: `/apis/apps/v1/namespaces/${ns.name}/deployments/one-more`,
          as: 'argovue',
        })
        .then((d) => d.status?.conditions?.find((c) => c.type === 'ReplicaFailure')?.message ?? '');
    const before = await statusOf('one-more');
    // With the controller-manager stopped, no ReplicaSet retries the pod meanwhile (a retry would
    // rewrite the Deployment's refusal, which also moves the instance): the quota alone changes,
    // its status written here as the stopped quota controller would write it.
    await withComponentsDown(['kube-controller-manager'], async () => {
      const hard = { 'requests.nvidia.com/gpu': '24' };
      const quotaPath = `/api/v1/namespaces/${ns.name}/resourcequotas/gpus`;
      for (const [path, body] of [
        [quotaPath, { spec: { hard } }],
        [`${quotaPath}/status`, { status: { hard } }],
      ] as const)
        await admin.json({
          method: 'PATCH',
          path,
          contentType: 'application/merge-patch+json',
          body,
          as: 'argovue',
        });
      const words = `waiting for a GPU: 8 of 24 free in ${ns.name}'s quota`;
      const row = await saysWhy('one-more', new RegExp(`^${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      assert.equal(row.message, words);
      assert.match(await refusal(), /limited: requests\.nvidia\.com\/gpu=8$/, 'the refusal is the old one');
    });
    const after = await statusOf('one-more');
    assert.notEqual(after.status?.message, before.status?.message);
    // The restarted controller-manager's ReplicaSet controller makes the pod the quota now admits.
    await eventually('one-more to run', async () => {
      const detail = await alice.json<ServiceInstanceDetail>(instancePath('one-more'));
      return detail.body.row.phase === 'Running' ? true : undefined;
    });
  });
});
