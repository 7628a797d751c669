// The service templates a user may start instances of, read as the user (impersonated): the
// namespace's ServiceTemplates and the ClusterServiceTemplates. Kubernetes decides what they see.
import type { ServiceTemplateSummary } from '@argovue/api-types';
import type { KubeIdentity } from '../auth/identity.ts';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { templateSummary, type TemplateObject } from './template-summary.ts';
import { apiPath, kinds } from '../kube/api-paths.ts';

function summaries(items: TemplateObject[] | undefined, cluster: boolean): ServiceTemplateSummary[] {
  return (items ?? [])
    .map((item) => templateSummary(item, cluster))
    .filter((t) => t !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title) || a.name.localeCompare(b.name));
}

const isRefusal = (error: unknown): boolean =>
  error instanceof KubeError && (error.status === 403 || error.status === 404);

/** The namespace's templates, then the cluster's; undefined when the user may not list the namespace's. */
export async function listServiceTemplatesForUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
): Promise<ServiceTemplateSummary[] | undefined> {
  const [own, cluster] = await Promise.all([
    api
      .json<{ items?: TemplateObject[] }>({
        path: apiPath(kinds.serviceTemplates, { namespace }),
        as: identity,
      })
      .then((list) => summaries(list.items, false))
      .catch((error: unknown) => {
        if (isRefusal(error)) return undefined;
        throw error;
      }),
    api
      .json<{ items?: TemplateObject[] }>({ path: apiPath(kinds.clusterServiceTemplates), as: identity })
      .then((list) => summaries(list.items, true))
      // Most users may not list the cluster's catalogue: then it is empty for them.
      .catch((error: unknown) => {
        if (isRefusal(error)) return [];
        throw error;
      }),
  ]);
  return own === undefined ? undefined : [...own, ...cluster];
}

/** One template as the user may read it (with its object), or undefined when missing or not theirs. */
export async function readServiceTemplateForUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
  cluster: boolean,
): Promise<(TemplateObject & { spec: NonNullable<TemplateObject['spec']> }) | undefined> {
  const path = cluster
    ? apiPath(kinds.clusterServiceTemplates, { name })
    : apiPath(kinds.serviceTemplates, { namespace, name });
  try {
    const object = await api.json<TemplateObject>({ path, as: identity });
    return object.spec === undefined ? undefined : { ...object, spec: object.spec };
  } catch (error) {
    if (isRefusal(error)) return undefined;
    throw error;
  }
}
