// erin is in no group: she logs in, sees no namespace, and every namespace looks missing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Me, NamespaceList } from '@argovue/api-types';
import { apiSuite } from '../support/suites.ts';

describe('a user with no groups', () => {
  const suite = apiSuite('erin');

  it('is signed in with no groups and sees no namespace', async () => {
    const me = await suite.erin.json<Me>('/api/v1/me');
    assert.deepEqual(me.body.kubernetesGroups, []);
    const { status, body } = await suite.erin.json<NamespaceList>('/api/v1/namespaces');
    assert.equal(status, 200);
    assert.deepEqual(body.items, []);
    assert.equal((await suite.erin.json('/api/v1/namespaces/team-a')).status, 404);
  });
});
