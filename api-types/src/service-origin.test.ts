import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instanceOfHost, instanceOrigin } from './service-origin.ts';

const base = new URL('http://localhost:8081');
const tls = new URL('https://apps.example.com');

describe('instance origins', () => {
  it('puts the instance and its namespace in one label under the base', () => {
    assert.equal(
      instanceOrigin(base, { namespace: 'team-a', name: 'lab' }),
      'http://lab--team-a.localhost:8081',
    );
    assert.equal(
      instanceOrigin(tls, { namespace: 'team-a', name: 'lab' }),
      'https://lab--team-a.apps.example.com',
    );
  });

  it('reads a Host header back, case-insensitively, and only with the base host and port', () => {
    assert.deepEqual(instanceOfHost('lab--team-a.localhost:8081', base), {
      namespace: 'team-a',
      name: 'lab',
    });
    assert.deepEqual(instanceOfHost('LAB--Team-A.localhost:8081', base), {
      namespace: 'team-a',
      name: 'lab',
    });
    assert.deepEqual(instanceOfHost('lab--team-a.apps.example.com', tls), {
      namespace: 'team-a',
      name: 'lab',
    });
    assert.equal(instanceOfHost('lab--team-a.localhost:9999', base), undefined);
    assert.equal(instanceOfHost('lab--team-a.localhost', base), undefined);
    assert.equal(instanceOfHost('localhost:8081', base), undefined);
    assert.equal(instanceOfHost('x.lab--team-a.localhost:8081', base), undefined);
    assert.equal(instanceOfHost('lab--team-a.evil.example:8081', base), undefined);
    assert.equal(instanceOfHost(undefined, base), undefined);
  });

  it('reads the namespace after the last separator, so one label never names two instances', () => {
    assert.deepEqual(instanceOfHost('my--lab--team-a.localhost:8081', base), {
      namespace: 'team-a',
      name: 'my--lab',
    });
    // A namespace with `--` in it would read as another instance: it gets no URL at all.
    assert.equal(instanceOrigin(base, { namespace: 'lab--team-a', name: 'my' }), undefined);
  });

  it('refuses names that cannot make one DNS label', () => {
    assert.equal(instanceOrigin(base, { namespace: 'team-a', name: 'has.dots' }), undefined);
    assert.equal(instanceOrigin(base, { namespace: 'team-a', name: 'x'.repeat(60) }), undefined);
    assert.equal(instanceOfHost('-lab--team-a.localhost:8081', base), undefined);
    assert.equal(instanceOfHost('lab---team-a.localhost:8081', base), undefined);
    assert.equal(instanceOfHost('--team-a.localhost:8081', base), undefined);
    assert.equal(instanceOfHost(`${'x'.repeat(60)}--team-a.localhost:8081`, base), undefined);
  });
});
