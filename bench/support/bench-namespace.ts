// A namespace of a benchmark's own: created once, kept between runs (seeding big data is the slow
// part), removed by the benchmark on request. Alice may read it only during a run (grantAliceAccess).
import { ApiException } from '@kubernetes/client-node';
import { core } from '../../devcluster/test/cluster.ts';

function ignoreConflict(error: unknown): void {
  if (!(error instanceof ApiException && error.code === 409)) throw error;
}

export async function ensureBenchNamespace(namespace: string): Promise<void> {
  await core
    .createNamespace({ body: { metadata: { name: namespace, labels: { 'argovue.dev/bench': 'true' } } } })
    .catch(ignoreConflict);
}

export async function removeBenchNamespace(namespace: string): Promise<void> {
  await core.deleteNamespace({ name: namespace }).catch(() => undefined);
}
