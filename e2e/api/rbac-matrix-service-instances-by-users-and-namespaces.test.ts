// Who may start, open and write services, for every demo user × team namespace, answered by the real
// apiserver's RBAC for the identity ArgoVue impersonates (oidc:-prefixed name and groups). Then the
// same for real: alice creates a ServiceInstance in team-a as herself, and is refused in team-b.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { KubeIdentity } from '../../server/src/auth/identity.ts';
import { demoUsers, type DemoUser } from '../../devcluster/oidc/users.ts';
import { namespacesByUser } from '../support/demo-access.ts';
import {
  adminKubeApi,
  assertRefused,
  createObject,
  describeCreated,
  servicesGroupVersion,
} from '../support/service-templates.ts';

const teams = ['team-a', 'team-b'];
// team-a-developers is bound to argovue-developer in team-a only (devcluster/demo/teams.yaml).
const developerNamespacesByUser: Readonly<Record<string, readonly string[]>> = { dave: ['team-a'] };

function identityOf(user: DemoUser): KubeIdentity {
  return { username: `oidc:${user.email}`, groups: user.groups.map((g) => `oidc:${g}`) };
}

interface Access {
  namespace?: string;
  verb: string;
  resource: string;
  subresource?: string;
}

describe('RBAC matrix: services by users × namespaces', () => {
  const api = adminKubeApi();
  const created: string[] = [];
  after(async () => {
    for (const path of created)
      await api.json({ method: 'DELETE', path, as: 'argovue' }).catch(() => undefined);
    api.close();
  });

  const allowed = async (user: DemoUser, access: Access): Promise<boolean> => {
    const identity = identityOf(user);
    const review = await api.json<{ status: { allowed: boolean } }>({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/subjectaccessreviews',
      as: 'argovue',
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: {
          user: identity.username,
          // What the apiserver adds to every authenticated (and impersonated) user.
          groups: [...identity.groups, 'system:authenticated'],
          resourceAttributes: { group: 'argovue.io', ...access },
        },
      },
    });
    return review.status.allowed;
  };

  for (const user of demoUsers) {
    const userNamespaces = namespacesByUser[user.username] ?? [];
    const developerNamespaces = developerNamespacesByUser[user.username] ?? [];

    it(`${user.username} may start and open instances only in ${userNamespaces.join(', ') || 'no namespace'}`, async () => {
      for (const namespace of teams) {
        const expected = userNamespaces.includes(namespace);
        for (const access of [
          { verb: 'create', resource: 'serviceinstances' },
          { verb: 'delete', resource: 'serviceinstances' },
          { verb: 'get', resource: 'serviceinstances', subresource: 'proxy' },
          { verb: 'list', resource: 'servicetemplates' },
        ]) {
          const got = await allowed(user, { namespace, ...access });
          assert.equal(got, expected, `${user.username} ${access.verb} ${access.resource} in ${namespace}`);
        }
        // The status is the controller's alone.
        const status = await allowed(user, {
          namespace,
          verb: 'update',
          resource: 'serviceinstances',
          subresource: 'status',
        });
        assert.equal(status, false, `${user.username} may not write an instance's status in ${namespace}`);
      }
    });

    it(`${user.username} may write templates only in ${developerNamespaces.join(', ') || 'no namespace'}`, async () => {
      for (const namespace of teams) {
        const got = await allowed(user, { namespace, verb: 'create', resource: 'servicetemplates' });
        assert.equal(
          got,
          developerNamespaces.includes(namespace),
          `${user.username} create servicetemplates in ${namespace}`,
        );
      }
      const clusterWide = await allowed(user, { verb: 'create', resource: 'clusterservicetemplates' });
      assert.equal(clusterWide, false, `${user.username} may not write cluster-wide templates`);
    });

    it(`${user.username} ${userNamespaces.length > 0 ? 'reads' : 'does not read'} the cluster-wide catalogue`, async () => {
      const got = await allowed(user, { verb: 'list', resource: 'clusterservicetemplates' });
      assert.equal(got, userNamespaces.length > 0);
    });
  }

  it('lets alice create a ServiceInstance in team-a as herself, and refuses her in team-b', async () => {
    const alice = demoUsers.find((u) => u.username === 'alice');
    assert.ok(alice);
    const name = `alice-notebook-${process.pid}`;
    const instance = {
      apiVersion: servicesGroupVersion,
      kind: 'ServiceInstance',
      metadata: { name },
      spec: { template: { name: 'notebook' }, inputs: { cpu: '500m' } },
    };
    const inTeamA = '/apis/argovue.io/v1alpha1/namespaces/team-a/serviceinstances';
    const ownCreated = await createObject(api, inTeamA, instance, identityOf(alice));
    if (ownCreated.ok) created.push(`${inTeamA}/${name}`);
    assert.ok(ownCreated.ok, describeCreated(ownCreated));
    const inTeamB = '/apis/argovue.io/v1alpha1/namespaces/team-b/serviceinstances';
    const foreign = await createObject(api, inTeamB, instance, identityOf(alice));
    if (foreign.ok) created.push(`${inTeamB}/${name}`);
    assertRefused(foreign, 403, 'cannot create resource "serviceinstances"');
  });
});
