import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterIdOf, isIPv4, namespacePrefix, podNetworkOf } from './network.ts';

describe('pod network names', () => {
  const uid = '6a445076-76d8-479c-92dc-6b2104af050e';

  it('fit the kernel limit of 15 characters for an interface', () => {
    const net = podNetworkOf(clusterIdOf('/work/main/.devcluster'), uid, '10.0.0.35');
    assert.ok(net.hostInterface.length <= 15, net.hostInterface);
    assert.match(net.hostInterface, /^avp[0-9a-f]{12}$/);
  });

  it('never meet between two clusters for the same pod uid', () => {
    const one = podNetworkOf(clusterIdOf('/work/main/.devcluster'), uid, '10.0.0.35');
    const two = podNetworkOf(clusterIdOf('/work/wt/other/.devcluster'), uid, '10.0.0.35');
    assert.notEqual(one.namespace, two.namespace);
    assert.notEqual(one.hostInterface, two.hostInterface);
    assert.ok(one.namespace.startsWith(namespacePrefix(clusterIdOf('/work/main/.devcluster'))));
  });

  it('refuse a uid or an address that could carry an argument or a path', () => {
    assert.throws(() => podNetworkOf('abcd1234', '../../etc', '10.0.0.1'));
    assert.throws(() => podNetworkOf('abcd1234', uid, '10.0.0.1 dev lo'));
    assert.throws(() => podNetworkOf('abcd1234', uid, '::1'));
  });

  it('read IPv4 addresses strictly', () => {
    assert.equal(isIPv4('10.0.0.255'), true);
    for (const bad of ['10.0.0.256', '10.0.0', '010.0.0.1', '10.0.0.1/24', ''])
      assert.equal(isIPv4(bad), false, bad);
  });
});
