import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiPath, kinds } from './api-paths.ts';

describe('Kubernetes API paths', () => {
  it('puts the core group under /api and the others under /apis', () => {
    assert.equal(apiPath(kinds.pods, { namespace: 'team-a' }), '/api/v1/namespaces/team-a/pods');
    assert.equal(apiPath(kinds.workflows), '/apis/argoproj.io/v1alpha1/workflows');
    assert.equal(apiPath(kinds.namespaces), '/api/v1/namespaces');
  });

  it('names an object, its subresource, and a cluster-scoped one', () => {
    assert.equal(
      apiPath(kinds.pods, { namespace: 'team-a', name: 'etl-1', subresource: 'log' }),
      '/api/v1/namespaces/team-a/pods/etl-1/log',
    );
    assert.equal(
      apiPath(kinds.clusterWorkflowTemplates, { name: 'nightly' }),
      '/apis/argoproj.io/v1alpha1/clusterworkflowtemplates/nightly',
    );
  });

  it('escapes a name so that it cannot add a segment or a query', () => {
    assert.equal(
      apiPath(kinds.workflows, { namespace: 'team-a', name: '../../secrets?x=1' }),
      '/apis/argoproj.io/v1alpha1/namespaces/team-a/workflows/..%2F..%2Fsecrets%3Fx%3D1',
    );
  });
});
