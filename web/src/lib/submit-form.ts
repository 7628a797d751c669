// The submit page's pure parts: its shareable URL, the form's first values, the problems to show
// before anything is sent (the server checks the same again), and the request body.
import type { SubmitWorkflowRequest, WorkflowTemplateSummary } from '@argovue/api-types';

export interface SubmitTarget {
  namespace: string;
  template: string;
  /** The template is a ClusterWorkflowTemplate. */
  cluster: boolean;
}

export function submitTargetFromParams(params: URLSearchParams): SubmitTarget {
  return {
    namespace: (params.get('namespace') ?? '').trim(),
    template: (params.get('template') ?? '').trim(),
    cluster: params.get('cluster') === 'true',
  };
}

/** The URL of the submit page for a namespace and template, to link to and share. */
export function submitPagePath(target: Partial<SubmitTarget>): string {
  const params = new URLSearchParams();
  if (target.namespace) params.set('namespace', target.namespace);
  if (target.template) params.set('template', target.template);
  if (target.template && target.cluster === true) params.set('cluster', 'true');
  const query = params.toString();
  return `/workflows/new${query === '' ? '' : `?${query}`}`;
}

/** The form starts with each parameter's default. */
export function initialParameterValues(template: WorkflowTemplateSummary): Record<string, string> {
  return Object.fromEntries(template.parameters.map((p) => [p.name, p.value ?? '']));
}

/**
 * What is wrong with the values, by parameter name: a parameter without a default needs one; a listed
 * parameter takes only its listed values. (An empty value is allowed where the template has a default.)
 */
export function parameterProblems(
  template: WorkflowTemplateSummary,
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const parameter of template.parameters) {
    const value = values[parameter.name] ?? '';
    if (parameter.value === undefined && value === '') {
      problems[parameter.name] = `Give ${parameter.name} a value: the template has no default.`;
    } else if (parameter.enum !== undefined && parameter.enum.length > 0 && !parameter.enum.includes(value)) {
      problems[parameter.name] = `Choose one of ${parameter.enum.join(', ')}.`;
    }
  }
  return problems;
}

/** The body of POST …/workflows: the template, and every declared parameter's value. */
export function submitRequestBody(
  template: WorkflowTemplateSummary,
  values: Readonly<Record<string, string>>,
): SubmitWorkflowRequest {
  const parameters = Object.fromEntries(
    template.parameters.map((p) => [p.name, values[p.name] ?? p.value ?? '']),
  );
  return {
    template: { name: template.name, ...(template.cluster ? { cluster: true } : {}) },
    ...(template.parameters.length === 0 ? {} : { parameters }),
  };
}
