// ArgoVue's own service account may do exactly what the code does as itself, nothing more: the
// apiserver's own account of its rules (SelfSubjectRulesReview), less what any service account gets by
// default, equals the list below. Each line names where the code needs it; everything a user does is
// impersonated and needs nothing here. No long-lived token Secret is left for the account.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { devclusterDir } from '../../devcluster/argovue-env.ts';
import { core, kubeConfigWithToken } from '../../devcluster/test/cluster.ts';
import { KubeApi } from '../../server/src/kube/kube-api.ts';

const ownNamespace = 'argovue-system';
const everywhere = [
  // Impersonating the logged-in user and their groups (kube-api.ts); never serviceaccounts, uids or
  // userextras.
  'impersonate core/users',
  'impersonate core/groups',
  // The shared watch caches (kube/cluster-caches.ts).
  'list core/namespaces',
  'watch core/namespaces',
  'list core/resourcequotas',
  'watch core/resourcequotas',
  'list rbac.authorization.k8s.io/rolebindings',
  'watch rbac.authorization.k8s.io/rolebindings',
  'list argoproj.io/workflows',
  'watch argoproj.io/workflows',
  // The service proxy's caches (proxy/instance-targets.ts).
  'list argovue.io/serviceinstances',
  'watch argovue.io/serviceinstances',
  'list discovery.k8s.io/endpointslices',
  'watch discovery.k8s.io/endpointslices',
  'list core/pods',
  'watch core/pods',
  // The ServiceInstance controller (services/controller.ts): its caches, its applies, the status.
  'list argovue.io/servicetemplates',
  'watch argovue.io/servicetemplates',
  'list argovue.io/clusterservicetemplates',
  'watch argovue.io/clusterservicetemplates',
  'patch argovue.io/serviceinstances/status',
  // Idle culling stops an idle instance (services/idle-culler.ts); every replica records the last use
  // in the status (proxy/activity-recorder.ts, the status right above).
  'patch argovue.io/serviceinstances',
  'list apps/deployments',
  'watch apps/deployments',
  'create apps/deployments',
  'patch apps/deployments',
  'create core/services',
  'patch core/services',
  'create core/persistentvolumeclaims',
  'patch core/persistentvolumeclaims',
];
// Logout records shared by replicas (auth/revocation-store.ts), in ArgoVue's namespace only.
const inOwnNamespace = [
  'list core/configmaps',
  'watch core/configmaps',
  'create core/configmaps',
  'patch core/configmaps',
  'delete core/configmaps',
  // The service controller's leader Lease (services/leader-lease.ts).
  'get coordination.k8s.io/leases',
  'create coordination.k8s.io/leases',
  'update coordination.k8s.io/leases',
];

interface RulesReview {
  status?: {
    resourceRules?: {
      verbs: string[];
      apiGroups?: string[];
      resources?: string[];
      resourceNames?: string[];
    }[];
    nonResourceRules?: { verbs: string[]; nonResourceURLs?: string[] }[];
  };
}

/** Every (verb, resource) the caller may use in `namespace`, one string each. */
async function rulesOf(api: KubeApi, namespace: string): Promise<Set<string>> {
  const review = await api.json<RulesReview>({
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } },
    as: 'argovue',
  });
  const rules = new Set<string>();
  for (const rule of review.status?.resourceRules ?? []) {
    const names = rule.resourceNames?.length ? `:${[...rule.resourceNames].sort().join(',')}` : '';
    for (const verb of rule.verbs)
      for (const group of rule.apiGroups ?? [''])
        for (const resource of rule.resources ?? [])
          rules.add(`${verb} ${group === '' ? 'core' : group}/${resource}${names}`);
  }
  for (const rule of review.status?.nonResourceRules ?? [])
    for (const verb of rule.verbs) for (const url of rule.nonResourceURLs ?? []) rules.add(`${verb} ${url}`);
  return rules;
}

describe("ArgoVue's service account", () => {
  const argovueKc = new KubeConfig();
  argovueKc.loadFromFile(`${devclusterDir}/argovue.kubeconfig`);
  const argovue = new KubeApi(argovueKc);
  const baselineName = `baseline-${randomBytes(3).toString('hex')}`;
  let baseline: KubeApi;
  before(async () => {
    // A service account with no bindings of its own: what every account may do anyway.
    await core.createNamespacedServiceAccount({
      namespace: ownNamespace,
      body: { metadata: { name: baselineName } },
    });
    const token = await core.createNamespacedServiceAccountToken({
      name: baselineName,
      namespace: ownNamespace,
      body: { spec: { expirationSeconds: 600 } },
    });
    baseline = new KubeApi(kubeConfigWithToken(token.status?.token ?? ''));
  });
  after(async () => {
    argovue.close();
    baseline.close();
    await core
      .deleteNamespacedServiceAccount({ name: baselineName, namespace: ownNamespace })
      .catch(() => undefined);
  });

  for (const [namespace, expected] of [
    ['team-a', everywhere],
    [ownNamespace, [...everywhere, ...inOwnNamespace]],
  ] as const) {
    it(`may do in ${namespace} exactly what the code uses`, async () => {
      const [own, anyAccount] = await Promise.all([
        rulesOf(argovue, namespace),
        rulesOf(baseline, namespace),
      ]);
      const granted = [...own].filter((rule) => !anyAccount.has(rule)).sort();
      assert.deepEqual(granted, [...expected].sort());
    });
  }

  it('has no long-lived token Secret', async () => {
    const secrets = await core.listNamespacedSecret({ namespace: ownNamespace });
    const tokens = secrets.items.filter(
      (secret) =>
        secret.type === 'kubernetes.io/service-account-token' &&
        secret.metadata?.annotations?.['kubernetes.io/service-account.name'] === 'argovue',
    );
    assert.deepEqual(
      tokens.map((secret) => secret.metadata?.name),
      [],
    );
  });
});
