// The events, node and pod routes refuse a name that is not a Kubernetes name, or a node id that is not
// an Argo node id, with 400 INPUT_INVALID before anything reaches the cluster.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { apiSuite } from '../support/suites.ts';

describe('the workflow detail reads refuse bad names', () => {
  const suite = apiSuite('alice');

  it('refuses a bad workflow name, namespace or node id with INPUT_INVALID', async () => {
    for (const path of [
      '/api/v1/namespaces/team-a/workflows/Bad_Name/events',
      '/api/v1/namespaces/team-a/workflows/a%2F..%2Fb/events',
      '/api/v1/namespaces/TEAM-A/workflows/etl/events',
      '/api/v1/namespaces/team-a/workflows/etl/nodes/..%2F..%2Fsecrets/pod',
      '/api/v1/namespaces/team-a/workflows/etl/nodes/Node_1',
      '/api/v1/namespaces/team-a/workflows/etl/nodes/-starts-with-a-dash/pod',
    ]) {
      const res = await suite.alice.json<ApiError>(path);
      assert.equal(res.status, 400, path);
      assert.equal(res.body.code, 'INPUT_INVALID', path);
    }
  });
});
