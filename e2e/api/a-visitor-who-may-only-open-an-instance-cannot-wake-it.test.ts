// Waking an idle instance is a Start, made as the visitor: one who may open the instance (RBAC `get
// serviceinstances/proxy`, shared with another team) but not start it (`patch serviceinstances`) gets
// a page saying it is stopped, why, and who can start it — and it stays stopped, although ArgoVue's own
// account could have started it. Its creator's visit then starts it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rbac } from '../../devcluster/test/cluster.ts';
import { idleStoppedAnnotation } from '../../server/src/services/idle.ts';
import { idleFixture, navigate } from '../support/idle-services.ts';

describe('a visitor who may only open an instance', () => {
  // Bob (team-b) may open the instances of this namespace, and do nothing else there.
  const fixture = idleFixture('svc-idle-share', {
    prepare: async (namespace) => {
      await rbac.createNamespacedRole({
        namespace,
        body: {
          metadata: { name: 'open-services' },
          rules: [{ apiGroups: ['argovue.io'], resources: ['serviceinstances/proxy'], verbs: ['get'] }],
        },
      });
      await rbac.createNamespacedRoleBinding({
        namespace,
        body: {
          metadata: { name: 'team-b-opens-services' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'open-services' },
          subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'oidc:team-b' }],
        },
      });
    },
  });
  const name = 'shared';

  it('opens it while it runs', async () => {
    await fixture.startInstance('alice', name);
    await fixture.untilPhase(name, 'Running');
    const bob = await fixture.browserAs('bob', name);
    await fixture.untilServed(bob, name);
  });

  it('is told it is stopped, why, and who can start it, and it stays stopped', async () => {
    const stopped = await fixture.untilPhase(name, 'Stopped', true);
    assert.equal(stopped.row.message, 'stopped after 5 seconds without use');
    const bob = await fixture.browserAs('bob', name);
    const answer = await bob.fetch('/', { headers: navigate });
    assert.equal(answer.status, 503);
    const page = answer.body.toString();
    assert.match(page, new RegExp(`${name} is stopped`));
    assert.match(page, /stopped after 5 seconds without use/);
    assert.match(page, /You may open it but not start it/);
    assert.match(page, /oidc:alice@example.com, who created it/);
    assert.doesNotMatch(page, /http-equiv="refresh"/, 'it does not pretend to be starting');
    const instance = await fixture.read(name);
    assert.equal(instance.spec.stopped, true, 'still stopped');
    assert.ok(instance.metadata.annotations?.[idleStoppedAnnotation], 'still marked as idle');
  });

  it('is started by the visit of one who may start it', async () => {
    const alice = await fixture.browserAs('alice', name);
    const answer = await alice.fetch('/', { headers: navigate });
    assert.equal(answer.status, 503);
    assert.match(answer.body.toString(), new RegExp(`${name} is starting`));
    assert.equal((await fixture.read(name)).spec.stopped, false);
  });
});
