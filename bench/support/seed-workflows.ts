// Seeds N finished workflows (e2e/support/finished-workflows.ts: 8 pod nodes each) into a namespace
// of their own, fast and idempotent: the names already there (labelled team=bench) are kept, only the
// missing ones are created, so a 20,000-workflow run pays for seeding once.
import { performance } from 'node:perf_hooks';
import { adminKubeConfig } from '../../devcluster/test/cluster.ts';
import { KubeApi, KubeError } from '../../server/src/kube/kube-api.ts';
import { mapConcurrent } from '../../server/src/lib/map-concurrent.ts';
import { finishedWorkflow } from '../../e2e/support/finished-workflows.ts';

export const benchNamespace = 'bench-list';
const workflowsPath = `/apis/argoproj.io/v1alpha1/namespaces/${benchNamespace}/workflows`;
// The seeded workflows carry this label (the same objects as the figures were taken on).
const seedSelector = 'team=bench';

export const admin = new KubeApi(adminKubeConfig());

export function benchWorkflowName(i: number): string {
  return `bench-${String(i).padStart(6, '0')}`;
}

async function ignoreConflict(call: Promise<unknown>): Promise<void> {
  await call.catch((error: unknown) => {
    if (!(error instanceof KubeError && error.status === 409)) throw error;
  });
}

/** The names of this seed's workflows already in the namespace (metadata only: cheap). */
async function seededNames(): Promise<Set<string>> {
  const names = new Set<string>();
  let token: string | undefined;
  do {
    const page = await admin.json<{
      metadata?: { continue?: string };
      items?: { metadata?: { name?: string } }[];
    }>({
      as: 'argovue',
      path: workflowsPath,
      query: { labelSelector: seedSelector, limit: 5000, continue: token },
      accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
    });
    for (const item of page.items ?? []) if (item.metadata?.name) names.add(item.metadata.name);
    token = page.metadata?.continue || undefined;
  } while (token !== undefined);
  return names;
}

/** Makes the namespace hold workflows bench-000000 … bench-(count-1); returns how many it created. */
export async function seedWorkflows(count: number): Promise<number> {
  await ignoreConflict(
    admin.json({
      as: 'argovue',
      method: 'POST',
      path: '/api/v1/namespaces',
      body: { metadata: { name: benchNamespace } },
    }),
  );
  // Anything else in the namespace (a leftover of a test) would skew the figures: removed.
  await admin.json({
    as: 'argovue',
    method: 'DELETE',
    path: workflowsPath,
    query: { labelSelector: 'team!=bench' },
  });
  const present = await seededNames();
  const missing = Array.from({ length: count }, (_, i) => i).filter(
    (i) => !present.has(benchWorkflowName(i)),
  );
  const wanted = new Set(Array.from({ length: count }, (_, i) => benchWorkflowName(i)));
  const extra = [...present].filter((name) => !wanted.has(name));
  const t0 = performance.now();
  await mapConcurrent(missing, 32, (i) =>
    ignoreConflict(
      admin.json({
        as: 'argovue',
        method: 'POST',
        path: workflowsPath,
        body: finishedWorkflow(benchWorkflowName(i), { team: 'bench' }),
      }),
    ),
  );
  await mapConcurrent(extra, 32, (name) =>
    admin.json({ as: 'argovue', method: 'DELETE', path: `${workflowsPath}/${name}` }).catch(() => undefined),
  );
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `seed: ${benchNamespace} had ${present.size} seeded workflows; created ${missing.length}, ` +
      `deleted ${extra.length} in ${seconds} s`,
  );
  return missing.length;
}

/**
 * Lets alice (team-a) use a benchmark's namespace, as argovue-user, for one run: the kept namespace
 * must not show up in other tests' views of alice's namespaces. Returns how to take it back.
 */
export async function grantAliceAccess(namespace = benchNamespace): Promise<() => Promise<void>> {
  const bindingPath = `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings`;
  await ignoreConflict(
    admin.json({
      as: 'argovue',
      method: 'POST',
      path: bindingPath,
      body: {
        metadata: { name: 'bench-users' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'argovue-user' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'oidc:team-a' }],
      },
    }),
  );
  return async () => {
    await admin
      .json({ as: 'argovue', method: 'DELETE', path: `${bindingPath}/bench-users` })
      .catch(() => undefined);
  };
}

/** Deletes the namespace and its workflows (BENCH_CLEANUP=1): the next run seeds again. */
export async function removeSeed(): Promise<void> {
  await admin
    .json({ as: 'argovue', method: 'DELETE', path: `/api/v1/namespaces/${benchNamespace}` })
    .catch(() => undefined);
}
