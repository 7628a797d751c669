// A namespace of a benchmark's own that alice (team-a) may read, as argovue-user: created once,
// kept between runs (seeding big data is the slow part), removed by the benchmark on request.
import { ApiException } from '@kubernetes/client-node';
import { core, rbac } from '../../devcluster/test/cluster.ts';

function ignoreConflict(error: unknown): void {
  if (!(error instanceof ApiException && error.code === 409)) throw error;
}

export async function ensureBenchNamespace(namespace: string): Promise<void> {
  await core
    .createNamespace({ body: { metadata: { name: namespace, labels: { 'argovue.dev/bench': 'true' } } } })
    .catch(ignoreConflict);
  await rbac
    .createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: 'bench-users' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'argovue-user' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'oidc:team-a' }],
      },
    })
    .catch(ignoreConflict);
}

export async function removeBenchNamespace(namespace: string): Promise<void> {
  await core.deleteNamespace({ name: namespace }).catch(() => undefined);
}
