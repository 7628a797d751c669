// gina is in 300 groups: one Impersonate-Group header each, and a session that browsers keep.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Me, NamespaceList } from '@argovue/api-types';
import { apiSuite } from '../support/suites.ts';

describe('a user in 300 groups', () => {
  const suite = apiSuite('gina');

  it('keeps all 300 groups in a session whose cookies stay under the browser limits', async () => {
    const { body } = await suite.gina.json<Me>('/api/v1/me');
    assert.equal(body.providerGroups.length, 300);
    assert.equal(body.kubernetesGroups.length, 300);
    const sessionCookies = [...suite.gina.cookies].filter(([name]) => name.startsWith('argovue_session'));
    assert.ok(sessionCookies.length >= 1);
    for (const [name, value] of sessionCookies)
      assert.ok(name.length + value.length < 4096, `${name} < 4 KB`);
  });

  it('is authorized through the one group that is bound (team-a)', async () => {
    const { body } = await suite.gina.json<NamespaceList>('/api/v1/namespaces');
    assert.deepEqual(
      body.items.map((ns) => ns.name),
      ['team-a'],
    );
  });
});
