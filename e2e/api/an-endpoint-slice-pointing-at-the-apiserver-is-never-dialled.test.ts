// A team-a instance's EndpointSlice naming the apiserver (the `kubernetes` Service's ClusterIP, as a
// slice could name any address the proxy's network reaches) must not make the proxy dial it — not
// even when its targetRef names the instance's own pod, which a proxy trusting the reference would
// accept: the proxy dials only the IP the pod's status gives. The loopback address the local
// apiserver listens on is refused by the apiserver itself in a slice ("may not be in the loopback
// range"). Dialled, the ClusterIP would fail (502); the proxy says the instance is starting.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  createDecoyInstance,
  createEndpointSlice,
  isStartingPage,
  podOfInstance,
  serviceProxyFixture,
} from '../support/service-proxy.ts';
import { createObject } from '../support/service-templates.ts';

describe('an EndpointSlice pointing at the apiserver', () => {
  const fixture = serviceProxyFixture('proxy-slice-api');
  before(async () => {
    const kubernetes = await fixture.api.json<{ spec: { clusterIP: string } }>({
      path: '/api/v1/namespaces/default/services/kubernetes',
      as: 'argovue',
    });
    await fixture.startInstance('echo');
    const pod = await podOfInstance(fixture.api, fixture.namespace(), 'echo');
    await createDecoyInstance(fixture.api, fixture.namespace(), 'api');
    await createEndpointSlice(
      fixture.api,
      fixture.namespace(),
      'api',
      { address: kubernetes.spec.clusterIP },
      443,
    );
    await createDecoyInstance(fixture.api, fixture.namespace(), 'api-as-pod');
    await createEndpointSlice(
      fixture.api,
      fixture.namespace(),
      'api-as-pod',
      { address: kubernetes.spec.clusterIP, targetRef: { kind: 'Pod', name: pod.name } },
      443,
    );
    // The slices above were read before this one (see untilServed).
    await fixture.startInstance('control');
    await fixture.untilServed('control');
  });

  for (const name of ['api', 'api-as-pod'])
    it(`is never dialled (${name})`, async () => {
      const alice = await fixture.browserAs('alice', name);
      const answer = await alice.fetch('/');
      assert.ok(isStartingPage(answer), `${answer.status} ${answer.body.toString().slice(0, 300)}`);
    });

  it('cannot name the loopback address the apiserver listens on at all', async () => {
    const refused = await createObject(
      fixture.api,
      `/apis/discovery.k8s.io/v1/namespaces/${fixture.namespace()}/endpointslices`,
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { generateName: 'api-', labels: { 'kubernetes.io/service-name': 'api' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: ['127.0.0.1'] }],
      },
    );
    assert.ok(!refused.ok && refused.status === 422);
  });

  it('leaves the instance’s own pod reachable', async () => {
    const alice = await fixture.browserAs('alice', 'echo');
    assert.equal((await alice.echo()).status, 200);
  });
});
