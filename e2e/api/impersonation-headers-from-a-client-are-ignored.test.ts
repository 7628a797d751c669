// A client cannot choose who ArgoVue acts as: Impersonate-* and identity headers it sends are dropped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Me, NamespaceList } from '@argovue/api-types';
import { apiSuite } from '../support/suites.ts';

describe('identity headers from a client', () => {
  const suite = apiSuite('alice');

  it('does not widen what alice sees', async () => {
    const headers = {
      'Impersonate-User': 'devcluster-admin',
      'Impersonate-Group': 'system:masters',
      'Impersonate-Uid': '0',
      'X-Remote-User': 'admin',
      'X-Remote-Group': 'oidc:team-b',
      'X-Forwarded-User': 'bob@example.com',
    };
    const plain = await suite.alice.json<NamespaceList>('/api/v1/namespaces');
    const { status, body } = await suite.alice.json<NamespaceList>('/api/v1/namespaces', { headers });
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
    const team_b = await suite.alice.json('/api/v1/namespaces/team-b', { headers });
    assert.equal(team_b.status, 404);
    const me = await suite.alice.json<Me>('/api/v1/me', { headers });
    assert.equal(me.body.username, 'oidc:alice@example.com');
  });
});
