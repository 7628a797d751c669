// An EndpointSlice is a claim anyone who may write one in a namespace can make. A team-a instance's
// slice naming a pod of another namespace (by its IP, with or without a targetRef to it), or a slice
// in another namespace naming itself the instance's, must not make the proxy dial that pod: it dials
// only the status IP of a ready pod of the instance in the instance's own namespace. The victim's
// echo app would answer 200 if it were dialled; the proxy says the instance is starting instead.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestNamespace } from '../../devcluster/test/cluster.ts';
import {
  createDecoyInstance,
  createEndpointSlice,
  isStartingPage,
  podOfInstance,
  serviceProxyFixture,
} from '../support/service-proxy.ts';

describe('an EndpointSlice pointing at another namespace', () => {
  const fixture = serviceProxyFixture('proxy-slice-ns');
  let other: Awaited<ReturnType<typeof createTestNamespace>> | undefined;
  let victim: { name: string; ip: string };
  before(async () => {
    other = await createTestNamespace('proxy-victim');
    await fixture.startInstance('victim', { namespace: other.name });
    victim = await podOfInstance(fixture.api, other.name, 'victim');
    for (const name of ['by-ip', 'by-ref', 'from-there'])
      await createDecoyInstance(fixture.api, fixture.namespace(), name);
    await createEndpointSlice(fixture.api, fixture.namespace(), 'by-ip', { address: victim.ip });
    await createEndpointSlice(fixture.api, fixture.namespace(), 'by-ref', {
      address: victim.ip,
      targetRef: { kind: 'Pod', name: victim.name, namespace: other.name },
    });
    // A slice in the victim's namespace that calls itself the team-a instance's.
    await createEndpointSlice(fixture.api, other.name, 'from-there', {
      address: victim.ip,
      targetRef: { kind: 'Pod', name: victim.name },
    });
    await fixture.startInstance('control');
    await fixture.untilServed('control');
  });
  after(async () => {
    await other?.remove();
  });

  for (const name of ['by-ip', 'by-ref', 'from-there'])
    it(`is never dialled (${name})`, async () => {
      const alice = await fixture.browserAs('alice', name);
      const answer = await alice.fetch('/echo');
      assert.ok(isStartingPage(answer), `${answer.status} ${answer.body.toString().slice(0, 300)}`);
    });
});
