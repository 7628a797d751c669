// erin is in no group: she logs in, sees no namespace, and every namespace looks missing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Me, NamespaceList } from '@argovue/api-types';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('a user with no groups', () => {
  let server: RunningServer;
  let erin: ApiClient;
  before(async () => {
    server = await startServer();
    erin = await loginAs(server.url, 'erin');
  });
  after(async () => {
    await server.stop();
  });

  it('is signed in with no groups and sees no namespace', async () => {
    const me = await erin.json<Me>('/api/v1/me');
    assert.deepEqual(me.body.kubernetesGroups, []);
    const { status, body } = await erin.json<NamespaceList>('/api/v1/namespaces');
    assert.equal(status, 200);
    assert.deepEqual(body.items, []);
    assert.equal((await erin.json('/api/v1/namespaces/team-a')).status, 404);
  });
});
