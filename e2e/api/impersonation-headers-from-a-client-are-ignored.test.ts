// A client cannot choose who ArgoVue acts as: Impersonate-* and identity headers it sends are dropped.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Me, NamespaceList } from '@argovue/api-types';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('identity headers from a client', () => {
  let server: RunningServer;
  let alice: ApiClient;
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
  });
  after(async () => {
    await server.stop();
  });

  it('does not widen what alice sees', async () => {
    const headers = {
      'Impersonate-User': 'devcluster-admin',
      'Impersonate-Group': 'system:masters',
      'Impersonate-Uid': '0',
      'X-Remote-User': 'admin',
      'X-Remote-Group': 'oidc:team-b',
      'X-Forwarded-User': 'bob@example.com',
    };
    const plain = await alice.json<NamespaceList>('/api/v1/namespaces');
    const { status, body } = await alice.json<NamespaceList>('/api/v1/namespaces', { headers });
    assert.equal(status, 200);
    assert.deepEqual(
      body.items.map((ns) => ns.name),
      plain.body.items.map((ns) => ns.name),
      'the same namespaces as without the headers',
    );
    assert.deepEqual(
      body.items.map((ns) => ns.name),
      ['team-a'],
    );
    const team_b = await alice.json('/api/v1/namespaces/team-b', { headers });
    assert.equal(team_b.status, 404);
    const me = await alice.json<Me>('/api/v1/me', { headers });
    assert.equal(me.body.username, 'oidc:alice@example.com');
  });
});
