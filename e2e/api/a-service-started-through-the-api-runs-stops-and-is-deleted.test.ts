// The whole path of a service instance through ArgoVue, on the real cluster: alice starts the echo
// template through the API (as herself), the controller inside the server — leader-elected, acting as
// ArgoVue's own service account — makes its Deployment and Service, owned and labelled, and the
// status says Running with its URL once the pod (a real process, devcluster/pod-runner) is ready. The
// detail shows her as the creator, the pod's container statuses and its events; stop scales to zero,
// start brings it back, delete takes every object with it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError, ServiceInstanceActionResult, ServiceInstanceDetail } from '@argovue/api-types';
import { eventually } from '../../devcluster/test/cluster.ts';
import { KubeError } from '../../server/src/kube/kube-api.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { adminKubeApi } from '../support/service-templates.ts';

const name = `echo-${randomBytes(3).toString('hex')}`;
const path = `/api/v1/namespaces/team-a/service-instances/${name}`;

interface Owned {
  metadata: { labels?: Record<string, string>; ownerReferences?: { kind: string; name: string }[] };
}

describe('a service started through the API', () => {
  const admin = adminKubeApi();
  let server: RunningServer;
  let alice: ApiClient;
  const detail = () => alice.json<ServiceInstanceDetail>(path);
  const phase = (wanted: string) =>
    eventually(`${name} to be ${wanted}`, async () => {
      const res = await detail();
      return res.body.row.phase === wanted ? res.body : undefined;
    });

  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
  });
  after(async () => {
    await alice.send('DELETE', path).catch(() => undefined);
    await server.stop();
  });

  it('runs: owned, labelled objects, Running with a URL, alice as creator, pods and events', async () => {
    const created = await alice.send<ServiceInstanceActionResult>(
      'POST',
      '/api/v1/namespaces/team-a/service-instances',
      {
        name,
        template: { name: 'echo' },
        inputs: { greeting: 'Hi there' },
      },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const running = await phase('Running');
    assert.equal(running.row.readyReplicas, 1);
    assert.match(running.row.url ?? '', new RegExp(`^https?://${name}--team-a\\.`));
    assert.equal(running.row.creator, 'oidc:alice@example.com');
    assert.equal(running.row.conditions.find((c) => c.type === 'Ready')?.status, 'True');
    assert.equal(running.pods.length, 1);
    const [pod] = running.pods;
    assert.ok(pod);
    assert.equal(pod.ready, true);
    const [container] = pod.containers;
    assert.ok(container);
    assert.equal(container.state, 'running');
    assert.deepEqual(container.requests, { cpu: '100m', memory: '64Mi' });
    assert.ok(running.events.some((e) => e.object.kind === 'Pod' || e.object.kind === 'ReplicaSet'));
    // Its log is read as a workflow node's is (the same pod-log code): what the echo app printed
    // (Ready comes from KWOK, not the process, so its first line may be a moment behind).
    await eventually('the echo app’s first line in its log', async () => {
      const log = await alice.fetch(`${path}/logs`);
      assert.equal(log.status, 200);
      const started = new RegExp(`^echo-app team-a/${pod.name} listening on `, 'm');
      return started.test(await log.text()) ? true : undefined;
    });
    const noContainer = await alice.json<ApiError>(`${path}/logs?container=sidecar`);
    assert.equal(noContainer.status, 404);
    assert.equal(noContainer.body.code, 'NOT_FOUND');
    assert.match(noContainer.body.hint ?? '', new RegExp(container.name));
    for (const collection of [
      '/apis/apps/v1/namespaces/team-a/deployments',
      '/api/v1/namespaces/team-a/services',
    ]) {
      const object = await admin.json<Owned>({ path: `${collection}/${name}`, as: 'argovue' });
      const labels = object.metadata.labels ?? {};
      assert.equal(labels['argovue.io/instance'], name);
      assert.equal(labels['argovue.io/template'], 'echo');
      assert.deepEqual(
        object.metadata.ownerReferences?.map((o) => [o.kind, o.name]),
        [['ServiceInstance', name]],
      );
    }
  });

  it('stops (no pods), starts again, and is deleted with its objects', async () => {
    assert.equal((await alice.send('POST', `${path}/stop`)).status, 200);
    const stopped = await phase('Stopped');
    assert.equal(stopped.row.stopped, true);
    await eventually('its pods to go', async () =>
      (await detail()).body.pods.length === 0 ? true : undefined,
    );
    assert.equal((await alice.send('POST', `${path}/start`)).status, 200);
    await phase('Running');
    assert.equal((await alice.send('DELETE', path)).status, 200);
    assert.equal((await detail()).status, 404);
    await eventually('the Deployment to be collected', async () => {
      try {
        await admin.json({ path: `/apis/apps/v1/namespaces/team-a/deployments/${name}`, as: 'argovue' });
        return undefined;
      } catch (error) {
        return error instanceof KubeError && error.status === 404 ? true : undefined;
      }
    });
  });
});
