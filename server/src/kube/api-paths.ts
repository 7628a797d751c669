// Every Kubernetes API path ArgoVue calls is built here, one way: the group's root (/api/v1 for the
// core group, /apis/<group>/<version> otherwise), the namespace, the resource, the name and a
// subresource, each name escaped so that no value can add a path segment.

/** A resource type of the Kubernetes API: its group ('' for core), version and plural. */
export interface ApiResource {
  group: string;
  version: string;
  plural: string;
}

const resource = (group: string, version: string, plural: string): ApiResource => ({
  group,
  version,
  plural,
});

/** The resource types ArgoVue calls. */
export const kinds = {
  namespaces: resource('', 'v1', 'namespaces'),
  pods: resource('', 'v1', 'pods'),
  services: resource('', 'v1', 'services'),
  persistentVolumeClaims: resource('', 'v1', 'persistentvolumeclaims'),
  events: resource('', 'v1', 'events'),
  configMaps: resource('', 'v1', 'configmaps'),
  resourceQuotas: resource('', 'v1', 'resourcequotas'),
  roleBindings: resource('rbac.authorization.k8s.io', 'v1', 'rolebindings'),
  leases: resource('coordination.k8s.io', 'v1', 'leases'),
  deployments: resource('apps', 'v1', 'deployments'),
  replicaSets: resource('apps', 'v1', 'replicasets'),
  endpointSlices: resource('discovery.k8s.io', 'v1', 'endpointslices'),
  selfSubjectAccessReviews: resource('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews'),
  workflows: resource('argoproj.io', 'v1alpha1', 'workflows'),
  workflowTemplates: resource('argoproj.io', 'v1alpha1', 'workflowtemplates'),
  clusterWorkflowTemplates: resource('argoproj.io', 'v1alpha1', 'clusterworkflowtemplates'),
  serviceInstances: resource('argovue.io', 'v1alpha1', 'serviceinstances'),
  serviceTemplates: resource('argovue.io', 'v1alpha1', 'servicetemplates'),
  clusterServiceTemplates: resource('argovue.io', 'v1alpha1', 'clusterservicetemplates'),
} as const;

export interface PathOptions {
  /** Omitted: across all namespaces (or a cluster-scoped resource). */
  namespace?: string | undefined;
  name?: string | undefined;
  /** `log`, `status`, …; needs a name. */
  subresource?: string | undefined;
}

/** The apiVersion of a resource type as objects carry it: `v1`, `apps/v1`. */
export function apiVersionOf(type: ApiResource): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** The path of a collection, or of one object with a name, e.g. /api/v1/namespaces/team-a/pods/x/log. */
export function apiPath(type: ApiResource, { namespace, name, subresource }: PathOptions = {}): string {
  const root = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  const scope = namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
  const object = name === undefined ? '' : `/${encodeURIComponent(name)}`;
  const sub = name === undefined || subresource === undefined ? '' : `/${subresource}`;
  return `${root}${scope}/${type.plural}${object}${sub}`;
}
