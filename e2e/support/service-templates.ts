// Service templates for tests against the real apiserver: one template that uses every kind of
// input and fill and is accepted, and a way to make it bad in exactly one place. Writes go through
// server/src/kube's KubeApi, as admin (the kubeconfig's identity) or impersonating a user.
import { after, before } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { createTestNamespace } from '../../devcluster/test/cluster.ts';
import { KubeApi, KubeError, type KubeCaller } from '../../server/src/kube/kube-api.ts';

export const servicesGroupVersion = 'argovue.io/v1alpha1';

/** The admin kubeconfig's client; `as: 'argovue'` sends no impersonation, so calls are made as admin. */
export function adminKubeApi(): KubeApi {
  const kc = new KubeConfig();
  kc.loadFromDefault();
  return new KubeApi(kc);
}

export { goodServiceTemplate, type TemplateBody } from '../../server/src/services/example-template.ts';
import { goodServiceTemplate, type TemplateBody } from '../../server/src/services/example-template.ts';

interface PodTemplate {
  containers: Record<string, unknown>[];
  volumes: Record<string, unknown>[];
  [field: string]: unknown;
}

/** The good template with its pod spec changed by `change` (a deep copy: the original stays good). */
export function templateWithPod(name: string, change: (pod: PodTemplate) => void): TemplateBody {
  const template = goodServiceTemplate(name);
  const workload = template.spec['workload'] as { deployment: { template: { spec: PodTemplate } } };
  change(workload.deployment.template.spec);
  return template;
}

/** The good template with its first container changed by `change`. */
export function templateWithContainer(
  name: string,
  change: (container: Record<string, unknown>) => void,
): TemplateBody {
  return templateWithPod(name, (pod) => {
    const first = pod.containers[0];
    if (first === undefined) throw new Error('the good template has a container');
    change(first);
  });
}

/** The good template with one more input. */
export function templateWithInput(name: string, input: Record<string, unknown>): TemplateBody {
  const template = goodServiceTemplate(name);
  (template.spec['inputs'] as unknown[]).push(input);
  return template;
}

export type Created =
  { ok: true; body: unknown } | { ok: false; status: number; reason: string; message: string };

/** Creates a ServiceTemplate in `namespace` (or a ClusterServiceTemplate without one); never throws on a refusal. */
export async function createTemplate(
  api: KubeApi,
  template: TemplateBody,
  namespace?: string,
  as: KubeCaller = 'argovue',
): Promise<Created> {
  const path =
    namespace === undefined
      ? '/apis/argovue.io/v1alpha1/clusterservicetemplates'
      : `/apis/argovue.io/v1alpha1/namespaces/${namespace}/servicetemplates`;
  const body = namespace === undefined ? { ...template, kind: 'ClusterServiceTemplate' } : template;
  return createObject(api, path, body, as);
}

/** POSTs `body` to `path`; a refusal is returned, not thrown. */
export async function createObject(
  api: KubeApi,
  path: string,
  body: unknown,
  as: KubeCaller = 'argovue',
): Promise<Created> {
  try {
    return { ok: true, body: await api.json({ method: 'POST', path, body, as }) };
  } catch (error) {
    if (!(error instanceof KubeError)) throw error;
    return { ok: false, status: error.status, reason: error.reason, message: error.message };
  }
}

/** Asserts-friendly summary of a refusal: what a failing assertion should print. */
export function describeCreated(created: Created): string {
  return created.ok ? 'accepted' : `${created.status} ${created.reason}: ${created.message}`;
}

export async function deleteClusterTemplate(api: KubeApi, name: string): Promise<void> {
  await api
    .json({
      method: 'DELETE',
      path: `/apis/argovue.io/v1alpha1/clusterservicetemplates/${name}`,
      as: 'argovue',
    })
    .catch(() => undefined);
}

/** Fails unless `created` is a refusal with `status` whose message contains every fragment. */
export function assertRefused(created: Created, status: number, ...fragments: string[]): void {
  if (created.ok) throw new Error('the apiserver accepted what it should refuse');
  const problems = [
    ...(created.status === status ? [] : [`status ${created.status}, expected ${status}`]),
    ...fragments.filter((f) => !created.message.includes(f)).map((f) => `no "${f}" in the message`),
  ];
  if (problems.length > 0) throw new Error(`${problems.join('; ')}: ${describeCreated(created)}`);
}

export interface TemplateFixture {
  api: KubeApi;
  /** The test namespace (valid inside tests, after `before`). */
  namespace: () => string;
  /** A ClusterServiceTemplate name of this test file, deleted afterwards. */
  clusterName: string;
}

/** Call inside a describe: a fresh namespace and an admin client, removed after the tests. */
export function templateFixture(prefix: string): TemplateFixture {
  const api = adminKubeApi();
  let ns: Awaited<ReturnType<typeof createTestNamespace>> | undefined;
  const clusterName = `${prefix}-${process.pid}`;
  before(async () => {
    ns = await createTestNamespace(prefix);
  });
  after(async () => {
    await deleteClusterTemplate(api, clusterName);
    await ns?.remove();
    api.close();
  });
  return {
    api,
    clusterName,
    namespace: () => {
      if (ns === undefined) throw new Error('the namespace is made in before()');
      return ns.name;
    },
  };
}
