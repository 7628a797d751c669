// RBAC is real: a token whose group is bound in namespace A is refused in namespace B.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CoreV1Api } from '@kubernetes/client-node';
import { createTestNamespace, eventually, kubeConfigWithToken, rbac, staticTokens } from './cluster.ts';

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? Number(error.code) : undefined;
}

describe('RBAC on the local cluster', () => {
  let a: Awaited<ReturnType<typeof createTestNamespace>>;
  let b: Awaited<ReturnType<typeof createTestNamespace>>;
  const user = staticTokens().get('devcluster:test-user-a');

  before(async () => {
    a = await createTestNamespace('rbac-a');
    b = await createTestNamespace('rbac-b');
    await rbac.createNamespacedRoleBinding({
      namespace: a.name,
      body: {
        metadata: { name: 'group-a-view' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'devcluster:test-group-a' }],
      },
    });
  });
  after(async () => {
    await a.remove();
    await b.remove();
  });

  it('lets the group read in the namespace it is bound to', async () => {
    assert.ok(user, 'the static token of test-user-a exists');
    assert.deepEqual(user.groups, ['devcluster:test-group-a']);
    const asUser = kubeConfigWithToken(user.token).makeApiClient(CoreV1Api);
    // The RoleBinding takes effect once the apiserver's RBAC informer has seen it.
    const pods = await eventually(
      'the binding to take effect',
      () => asUser.listNamespacedPod({ namespace: a.name }),
      10_000,
    );
    assert.deepEqual(pods.items, []);
  });

  it('refuses the same token in another namespace', async () => {
    assert.ok(user);
    const asUser = kubeConfigWithToken(user.token).makeApiClient(CoreV1Api);
    await assert.rejects(asUser.listNamespacedPod({ namespace: b.name }), (error: unknown) => {
      assert.equal(statusOf(error), 403);
      return true;
    });
  });

  it('refuses a token the apiserver does not know', async () => {
    const asNobody = kubeConfigWithToken('not-a-real-token').makeApiClient(CoreV1Api);
    await assert.rejects(asNobody.listNamespacedPod({ namespace: a.name }), (error: unknown) => {
      assert.equal(statusOf(error), 401);
      return true;
    });
  });
});
