import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dialableEndpoints, isNeverDialled, type CachedPod, type CachedSlice } from './endpoints.ts';

const pod: CachedPod = {
  namespace: 'team-a',
  name: 'lab-1',
  instance: 'lab',
  ips: ['10.244.0.5'],
  ready: true,
  deleting: false,
};

function slice(
  address: string,
  overrides: Partial<CachedSlice> = {},
  ref: Record<string, string> = {},
): CachedSlice {
  return {
    namespace: 'team-a',
    service: 'lab',
    ports: [{ name: 'http', port: 8888, protocol: 'TCP' }],
    endpoints: [{ addresses: [address], ready: true, targetRef: { kind: 'Pod', name: 'lab-1', ...ref } }],
    ...overrides,
  };
}

const pods = (list: CachedPod[]) => (namespace: string, name: string) =>
  list.find((p) => p.namespace === namespace && p.name === name);

describe('dialableEndpoints', () => {
  it('dials the ready pod of the instance at its own IP', () => {
    assert.deepEqual(dialableEndpoints('team-a', 'lab', [slice('10.244.0.5')], pods([pod])), [
      { address: '10.244.0.5', port: 8888, pod: 'lab-1' },
    ]);
  });

  it('never dials an address that is not the pod’s own: the apiserver, metadata, anything', () => {
    for (const address of ['10.96.0.1', '169.254.169.254', '127.0.0.1', '10.244.0.6'])
      assert.deepEqual(dialableEndpoints('team-a', 'lab', [slice(address)], pods([pod])), [], address);
  });

  it('never dials a pod of another namespace or of another instance, or one not ready', () => {
    const other = { ...pod, namespace: 'team-b' };
    assert.deepEqual(
      dialableEndpoints(
        'team-a',
        'lab',
        [slice('10.244.0.5', {}, { namespace: 'team-b' })],
        pods([pod, other]),
      ),
      [],
    );
    assert.deepEqual(
      dialableEndpoints('team-a', 'lab', [slice('10.244.0.5', { namespace: 'team-b' })], pods([other])),
      [],
    );
    assert.deepEqual(
      dialableEndpoints('team-a', 'lab', [slice('10.244.0.5')], pods([{ ...pod, instance: 'x' }])),
      [],
    );
    assert.deepEqual(
      dialableEndpoints('team-a', 'lab', [slice('10.244.0.5')], pods([{ ...pod, ready: false }])),
      [],
    );
    assert.deepEqual(
      dialableEndpoints('team-a', 'lab', [slice('10.244.0.5')], pods([{ ...pod, deleting: true }])),
      [],
    );
    assert.deepEqual(
      dialableEndpoints('team-a', 'lab', [slice('10.244.0.5', { service: 'other' })], pods([pod])),
      [],
    );
  });

  it('never dials what is denied by name, even as a pod IP', () => {
    const hostPod = { ...pod, ips: ['10.0.0.1'] };
    assert.deepEqual(
      dialableEndpoints('team-a', 'lab', [slice('10.0.0.1')], pods([hostPod]), new Set(['10.0.0.1'])),
      [],
    );
  });
});

describe('isNeverDialled', () => {
  it('refuses loopback, link-local, unspecified, multicast and non-addresses', () => {
    for (const bad of [
      '127.0.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      '::ffff:169.254.169.254',
      'example.com',
    ])
      assert.equal(isNeverDialled(bad), true, bad);
    for (const good of ['10.244.0.5', '198.18.1.2', 'fd00::5'])
      assert.equal(isNeverDialled(good), false, good);
  });
});
