// New parameter values for a retry or a resubmit, checked against what the workflow declares before
// anything is changed. Argo itself takes any `-p name=value` — an unknown name becomes a new global
// parameter, and the override drops the parameter's enum, so a value outside it goes through
// unchecked; ArgoVue refuses both, naming every problem at once.
import { ActionRefused } from './actions.ts';

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

/** The workflow's parameters by name, with their allowed values when an enum limits them. */
export function declaredParameters(workflow: WorkflowWithParameters): Map<string, string[] | undefined> {
  const declared = new Map<string, string[] | undefined>();
  // The workflow's own arguments, then the template's as the controller stored them (a workflow made
  // from a WorkflowTemplate carries only the values it was given; the enum lives in the template).
  const lists = [parametersOf(workflow.spec), parametersOf(workflow.status?.['storedWorkflowTemplateSpec'])];
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
): void {
  const declared = declaredParameters(workflow);
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
    throw new ActionRefused(
      400,
      'INPUT_INVALID',
      `The parameters do not match the workflow: ${problems.join('; ')}.`,
      names.length > 0 ? `Its parameters: ${names.join(', ')}.` : 'This workflow has no parameters.',
    );
  }
}
