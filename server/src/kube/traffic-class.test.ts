import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trafficClassOf } from './kube-api.ts';

const alice = { username: 'oidc:alice@example.com', groups: ['oidc:team-a'] };

describe('trafficClassOf', () => {
  it('sends ArgoVue’s own calls (the caches’ watches) over their own pool, whatever they say', () => {
    assert.equal(trafficClassOf({ as: 'argovue' }), 'own');
    assert.equal(trafficClassOf({ as: 'argovue', traffic: 'stream' }), 'own');
  });

  it('keeps a user’s streams apart from the user’s short calls', () => {
    assert.equal(trafficClassOf({ as: alice }), 'request');
    assert.equal(trafficClassOf({ as: alice, traffic: 'request' }), 'request');
    assert.equal(trafficClassOf({ as: alice, traffic: 'stream' }), 'stream');
  });
});
