// Submitting a WorkflowTemplate as the user: a Workflow that references the template and carries only
// parameter values — never pod fields such as podSpecPatch, serviceAccountName or securityContext,
// which users must not choose.
import type { SubmitWorkflowRequest, WorkflowActionResult } from '@argovue/api-types';
import type { KubeIdentity } from '../../auth/identity.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { refusedAs, type Answer } from '../../http/kube-errors.ts';
import { HttpError } from '../../http/errors.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';

interface Workflow {
  metadata?: { name?: string };
}

interface TemplateParameter {
  name?: string;
  value?: string;
  enum?: string[];
}

interface Template {
  spec?: { arguments?: { parameters?: TemplateParameter[] } };
}

/** The parameters to send: the template's, with the user's values; every problem named at once. */
export function resolveParameters(
  declared: readonly TemplateParameter[],
  given: Readonly<Record<string, string>>,
): { name: string; value: string }[] {
  const problems: string[] = [];
  const known = new Map(declared.filter((p) => p.name).map((p) => [p.name as string, p]));
  for (const name of Object.keys(given))
    if (!known.has(name)) problems.push(`the template has no parameter "${name}"`);
  const resolved: { name: string; value: string }[] = [];
  for (const [name, parameter] of known) {
    const value = given[name] ?? parameter.value;
    if (value === undefined) {
      problems.push(`"${name}" needs a value`);
      continue;
    }
    if (parameter.enum !== undefined && parameter.enum.length > 0 && !parameter.enum.includes(value)) {
      problems.push(`"${name}" must be one of ${parameter.enum.join(', ')}`);
      continue;
    }
    resolved.push({ name, value });
  }
  if (problems.length > 0) {
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `The parameters do not match the template: ${problems.join('; ')}.`,
      'Fix the values and submit again.',
    );
  }
  return resolved;
}

export async function submitWorkflow(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  request: SubmitWorkflowRequest,
): Promise<WorkflowActionResult> {
  const { name: templateName, cluster = false } = request.template;
  const templatePath = cluster
    ? apiPath(kinds.clusterWorkflowTemplates, { name: templateName })
    : apiPath(kinds.workflowTemplates, { namespace, name: templateName });
  const template = await api
    .json<Template>({ path: templatePath, as: identity })
    .catch(refusedAs({ kind: 'Template', name: templateName }));
  const parameters = resolveParameters(template.spec?.arguments?.parameters ?? [], request.parameters ?? {});
  const created = await api
    .json<Workflow>({
      method: 'POST',
      path: apiPath(kinds.workflows, { namespace }),
      as: identity,
      body: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        metadata: {
          generateName: `${templateName.slice(0, 50)}-`,
          annotations: { 'argovue.dev/submitted-by': identity.username },
          labels: {
            [cluster
              ? 'workflows.argoproj.io/cluster-workflow-template'
              : 'workflows.argoproj.io/workflow-template']: templateName,
          },
        },
        spec: {
          workflowTemplateRef: { name: templateName, ...(cluster ? { clusterScope: true } : {}) },
          arguments: { parameters },
        },
      },
    })
    .catch(
      refusedAs(
        { kind: 'Workflow', namespace, name: templateName },
        {
          403: namespaceRefusal(namespace),
          404: namespaceRefusal(namespace),
        },
      ),
    );
  const name = created.metadata?.name ?? '';
  return { namespace, name, message: `Submitted ${name} from ${templateName}.` };
}

// Creating a workflow is refused (or 404) only where the user may not run workflows at all.
function namespaceRefusal(namespace: string): Answer {
  return {
    code: 'NOT_FOUND',
    message: `Namespace ${namespace} was not found, or you have no access to it.`,
    hint: 'You may not run workflows there.',
  };
}
