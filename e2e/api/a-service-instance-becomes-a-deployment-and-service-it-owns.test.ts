// The ServiceInstance controller against the real cluster: two replicas, one leader (a Lease); an
// instance becomes a Deployment and a Service it owns, whose pod really serves (the devcluster's pod
// runner) and whose status says Running; stopped scales to zero; an instance with a bad input creates
// nothing and says why; deleting the instance deletes its objects; the other replica takes over.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../../devcluster/test/cluster.ts';
import { fetchWhenServing, readyEndpoint } from '../../devcluster/test/local-pods.ts';
import { ServiceInstanceController } from '../../server/src/services/controller.ts';
import type { ServiceInstance } from '../../server/src/services/template-types.ts';
import { KubeError } from '../../server/src/kube/kube-api.ts';
import {
  createObject,
  describeCreated,
  servicesGroupVersion,
  templateFixture,
} from '../support/service-templates.ts';

const echoTemplate = {
  apiVersion: servicesGroupVersion,
  kind: 'ServiceTemplate',
  metadata: { name: 'echo' },
  spec: {
    title: 'Echo',
    inputs: [
      {
        name: 'greeting',
        type: 'string',
        maxLength: 20,
        default: 'hello',
        fills: [{ env: { container: 'app', name: 'GREETING' } }],
      },
    ],
    ports: [{ name: 'http', port: 8080 }],
    workload: {
      deployment: {
        template: {
          metadata: { labels: { 'argovue.dev/run-locally': 'echo-app' } },
          spec: {
            containers: [{ name: 'app', image: 'example.invalid/echo:1', ports: [{ containerPort: 8080 }] }],
          },
        },
      },
    },
  },
};

describe('the ServiceInstance controller', () => {
  const { api, namespace } = templateFixture('svc-ctrl');
  const controllers: ServiceInstanceController[] = [];
  const instances = () => `/apis/argovue.io/v1alpha1/namespaces/${namespace()}/serviceinstances`;
  const read = (name: string) => api.json<ServiceInstance>({ path: `${instances()}/${name}`, as: 'argovue' });
  const deploymentPath = (name: string) => `/apis/apps/v1/namespaces/${namespace()}/deployments/${name}`;
  const instanceBody = (name: string, inputs: Record<string, unknown>) => ({
    apiVersion: servicesGroupVersion,
    kind: 'ServiceInstance',
    metadata: { name },
    spec: { template: { name: 'echo' }, inputs },
  });
  const phaseOf = (name: string, phase: string) =>
    eventually(`${name} to be ${phase}`, async () => {
      const instance = await read(name);
      return instance.status?.phase === phase ? instance : undefined;
    });

  before(async () => {
    const created = await createObject(
      api,
      `/apis/argovue.io/v1alpha1/namespaces/${namespace()}/servicetemplates`,
      echoTemplate,
    );
    assert.ok(created.ok, describeCreated(created));
    for (const identity of ['replica-a', 'replica-b'])
      controllers.push(
        new ServiceInstanceController({
          api,
          leaseNamespace: namespace(),
          identity,
          log: () => undefined,
        }).start(),
      );
  });
  after(async () => {
    for (const controller of controllers) await controller.stop();
  });

  it('has exactly one leader among two replicas', async () => {
    await eventually('a leader', () =>
      Promise.resolve(controllers.some((c) => c.leading) ? true : undefined),
    );
    assert.equal(controllers.filter((c) => c.leading).length, 1);
  });

  it('turns an instance into an owned Deployment and Service whose pod serves, and says Running', async () => {
    const created = await createObject(api, instances(), instanceBody('mine', { greeting: 'hi' }));
    assert.ok(created.ok, describeCreated(created));
    const running = await phaseOf('mine', 'Running');
    assert.equal(running.status?.readyReplicas, 1);
    const deployment = await api.json<{
      metadata: { ownerReferences: { uid: string; controller: boolean }[] };
      spec: { template: { spec: { containers: { env: unknown[] }[] } } };
    }>({
      path: deploymentPath('mine'),
      as: 'argovue',
    });
    assert.deepEqual(
      deployment.metadata.ownerReferences.map((o) => [o.uid, o.controller]),
      [[running.metadata.uid, true]],
    );
    assert.deepEqual(deployment.spec.template.spec.containers[0]?.env, [{ name: 'GREETING', value: 'hi' }]);
    const endpoint = await readyEndpoint(namespace(), 'mine', 8080);
    const res = await fetchWhenServing(`http://${endpoint.address}:${endpoint.port}/echo`);
    assert.equal(res.status, 200);
  });

  it('scales a stopped instance to zero and says Stopped', async () => {
    await api.json({
      method: 'PATCH',
      path: `${instances()}/mine`,
      contentType: 'application/merge-patch+json',
      body: { spec: { stopped: true } },
      as: 'argovue',
    });
    const stopped = await phaseOf('mine', 'Stopped');
    assert.equal(stopped.status?.readyReplicas, 0);
  });

  it('creates nothing for an input that does not fit, and says why', async () => {
    const created = await createObject(api, instances(), instanceBody('bad', { greeting: 'x'.repeat(21) }));
    assert.ok(created.ok, describeCreated(created));
    const failed = await phaseOf('bad', 'Failed');
    assert.match(failed.status?.message ?? '', /greeting must be at most 20 characters/);
    await assert.rejects(
      api.json({ path: deploymentPath('bad'), as: 'argovue' }),
      (e: unknown) => e instanceof KubeError && e.status === 404,
    );
  });

  it('deletes the objects with the instance', async () => {
    await api.json({ method: 'DELETE', path: `${instances()}/mine`, as: 'argovue' });
    await eventually('the Deployment to be garbage-collected', async () => {
      try {
        await api.json({ path: deploymentPath('mine'), as: 'argovue' });
        return undefined;
      } catch (error) {
        return error instanceof KubeError && error.status === 404 ? true : undefined;
      }
    });
  });

  it('hands the lease to the other replica when the leader stops', async () => {
    const leader = controllers.find((c) => c.leading);
    assert.ok(leader);
    await leader.stop();
    controllers.splice(controllers.indexOf(leader), 1);
    await eventually(
      'the other replica to lead',
      () => Promise.resolve(controllers[0]?.leading === true ? true : undefined),
      30_000,
    );
  });
});
