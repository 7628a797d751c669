// New parameter values for a retry or a resubmit, checked against what the workflow declares before
// anything is changed. Argo itself takes any `-p name=value` — an unknown name becomes a new global
// parameter, and the override drops the parameter's enum, so a value outside it goes through
// unchecked; ArgoVue refuses both, naming every problem at once.
import type { KubeIdentity } from '../../auth/identity.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { HttpError } from '../../http/errors.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';

interface DeclaredParameter {
  name?: unknown;
  enum?: unknown;
}

interface WorkflowWithParameters {
  spec?: unknown;
  status?: Record<string, unknown>;
}

// The objects come from the cluster as stored: anything that is not a list is no list.
const parametersOf = (spec: unknown): readonly unknown[] => {
  const list = (spec as { arguments?: { parameters?: unknown } } | undefined)?.arguments?.parameters;
  return Array.isArray(list) ? list : [];
};

/**
 * The workflow's parameters by name, with their allowed values when an enum limits them: its own
 * arguments, the spec the controller stored, and the template's spec when the caller read it.
 */
export function declaredParameters(
  workflow: WorkflowWithParameters,
  templateSpec?: unknown,
): Map<string, string[] | undefined> {
  const declared = new Map<string, string[] | undefined>();
  const lists = [
    parametersOf(workflow.spec),
    parametersOf(workflow.status?.['storedWorkflowTemplateSpec']),
    parametersOf(templateSpec),
  ];
  for (const list of lists) {
    for (const raw of list) {
      const parameter = (typeof raw === 'object' && raw !== null ? raw : {}) as DeclaredParameter;
      if (typeof parameter.name !== 'string') continue;
      const values = Array.isArray(parameter.enum)
        ? parameter.enum.filter((v): v is string => typeof v === 'string')
        : [];
      const known = declared.get(parameter.name);
      declared.set(parameter.name, values.length > 0 ? values : known);
    }
  }
  return declared;
}

/** Refuses (400) names the workflow does not declare and values outside a parameter's enum. */
export function checkParameterOverrides(
  workflow: WorkflowWithParameters,
  given: Readonly<Record<string, string>>,
  templateSpec?: unknown,
): void {
  const declared = declaredParameters(workflow, templateSpec);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(given)) {
    if (!declared.has(name)) {
      problems.push(`the workflow has no parameter "${name}"`);
      continue;
    }
    const allowed = declared.get(name);
    if (allowed !== undefined && !allowed.includes(value))
      problems.push(`"${name}" must be one of ${allowed.join(', ')}`);
  }
  if (problems.length > 0) {
    const names = [...declared.keys()];
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `The parameters do not match the workflow: ${problems.join('; ')}.`,
      names.length > 0 ? `Its parameters: ${names.join(', ')}.` : 'This workflow has no parameters.',
    );
  }
}

/**
 * checkParameterOverrides, knowing the enums of the template a workflow was made from. They are only
 * in the template: where the workflow sets a parameter, the controller's merge keeps just its name and
 * value in the stored spec. The template is read as the user; one they cannot read (or that was
 * deleted) adds nothing.
 */
export async function checkParametersAgainstTemplate(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  workflow: WorkflowWithParameters,
  given: Readonly<Record<string, string>>,
): Promise<void> {
  if (Object.keys(given).length === 0) return;
  const ref = (
    workflow.spec as { workflowTemplateRef?: { name?: unknown; clusterScope?: unknown } } | undefined
  )?.workflowTemplateRef;
  let templateSpec: unknown;
  if (typeof ref?.name === 'string' && /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(ref.name)) {
    const path =
      ref.clusterScope === true
        ? apiPath(kinds.clusterWorkflowTemplates, { name: ref.name })
        : apiPath(kinds.workflowTemplates, { namespace, name: ref.name });
    templateSpec = await api.json<{ spec?: unknown }>({ path, as: identity }).then(
      (template) => template.spec,
      () => undefined,
    );
  }
  checkParameterOverrides(workflow, given, templateSpec);
}
