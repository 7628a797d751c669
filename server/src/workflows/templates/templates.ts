// The WorkflowTemplates of a namespace and the ClusterWorkflowTemplates a user may submit, read as the
// user (impersonated): Kubernetes decides what they may see. Only what a submit form needs is kept.
import type { TemplateParameter, WorkflowTemplateSummary } from '@argovue/api-types';
import type { KubeIdentity } from '../../auth/identity.ts';
import { isAbsentForUser, refusedAs } from '../../http/kube-errors.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';

const descriptionAnnotation = 'workflows.argoproj.io/description';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** One declared parameter; anything that is not a string is left out (objects written by others). */
function templateParameter(raw: unknown): TemplateParameter | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const p = raw as Record<string, unknown>;
  const name = text(p['name']);
  if (name === undefined || name === '') return undefined;
  // Argo takes `value`, else `default`, as the value when none is given.
  const value = text(p['value']) ?? text(p['default']);
  const options = Array.isArray(p['enum']) ? p['enum'].filter((v): v is string => typeof v === 'string') : [];
  const description = text(p['description']);
  return {
    name,
    ...(value === undefined ? {} : { value }),
    ...(options.length === 0 ? {} : { enum: options }),
    ...(description === undefined || description === '' ? {} : { description }),
  };
}

/** A (Cluster)WorkflowTemplate object as the API shows it. */
export function templateSummary(raw: unknown, cluster: boolean): WorkflowTemplateSummary | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const object = raw as {
    metadata?: { name?: unknown; annotations?: Record<string, unknown> };
    spec?: { arguments?: { parameters?: unknown } };
  };
  const name = text(object.metadata?.name);
  if (name === undefined) return undefined;
  const description = text(object.metadata?.annotations?.[descriptionAnnotation]);
  const declared = object.spec?.arguments?.parameters;
  return {
    name,
    cluster,
    ...(description === undefined || description === '' ? {} : { description }),
    parameters: (Array.isArray(declared) ? declared : [])
      .map(templateParameter)
      .filter((p): p is TemplateParameter => p !== undefined),
  };
}

function summaries(items: unknown, cluster: boolean): WorkflowTemplateSummary[] {
  return (Array.isArray(items) ? items : [])
    .map((item) => templateSummary(item, cluster))
    .filter((t): t is WorkflowTemplateSummary => t !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The namespace's WorkflowTemplates; NOT_FOUND for the namespace when the user may not list them. */
export async function listWorkflowTemplatesForUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
): Promise<WorkflowTemplateSummary[]> {
  const list = await api
    .json<{ items?: unknown }>({ path: apiPath(kinds.workflowTemplates, { namespace }), as: identity })
    // A namespace the user may not read templates in answers exactly like one that does not exist.
    .catch(refusedAs({ kind: 'Namespace', name: namespace }));
  return summaries(list.items, false);
}

/** The ClusterWorkflowTemplates the user may list; none when they may not (most users). */
export async function listClusterWorkflowTemplatesForUser(
  api: KubeApi,
  identity: KubeIdentity,
): Promise<WorkflowTemplateSummary[]> {
  try {
    const list = await api.json<{ items?: unknown }>({
      path: apiPath(kinds.clusterWorkflowTemplates),
      as: identity,
    });
    return summaries(list.items, true);
  } catch (error) {
    // 404: Argo's CRDs without the cluster kind installed; 403: most users, who may use none.
    if (isAbsentForUser(error)) return [];
    throw error;
  }
}
