// The cloud metadata service (169.254.169.254) hands out node credentials to whoever asks. The
// apiserver refuses link-local addresses in an EndpointSlice; an FQDN slice naming it by host name is
// accepted, and a proxy that resolved it would ask it. The proxy dials no host name and no address
// that is not the status IP of one of the instance's ready pods: it says the instance is starting.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  createDecoyInstance,
  createEndpointSlice,
  isStartingPage,
  serviceProxyFixture,
} from '../support/service-proxy.ts';
import { createObject } from '../support/service-templates.ts';

describe('an EndpointSlice pointing at the metadata address', () => {
  const fixture = serviceProxyFixture('proxy-slice-meta');
  before(async () => {
    await createDecoyInstance(fixture.api, fixture.namespace(), 'meta');
    for (const address of ['metadata.google.internal', '169.254.169.254.nip.io'])
      await createEndpointSlice(
        fixture.api,
        fixture.namespace(),
        'meta',
        { address, addressType: 'FQDN' },
        80,
      );
  });

  it('cannot name 169.254.169.254 itself', async () => {
    const refused = await createObject(
      fixture.api,
      `/apis/discovery.k8s.io/v1/namespaces/${fixture.namespace()}/endpointslices`,
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { generateName: 'meta-', labels: { 'kubernetes.io/service-name': 'meta' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: ['169.254.169.254'] }],
      },
    );
    assert.ok(!refused.ok && refused.status === 422);
  });

  it('is never dialled by a host name', async () => {
    const alice = await fixture.browserAs('alice', 'meta');
    const answer = await alice.fetch('/latest/meta-data/');
    assert.ok(isStartingPage(answer), `${answer.status} ${answer.body.toString().slice(0, 300)}`);
  });
});
