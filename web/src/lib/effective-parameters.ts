// The parameters a workflow ran with. A workflow made from a template (workflowTemplateRef) often sets
// none or only some in its own spec; the controller stores the template's spec merged with the
// workflow's arguments in status.storedWorkflowTemplateSpec, and that is what ran.
import type { NodeParameter } from '@argovue/api-types';

export interface ShownParameter extends NodeParameter {
  /** Set by the template, not by the workflow's own spec. */
  fromTemplate: boolean;
}

function storedParameters(object: unknown): NodeParameter[] | undefined {
  if (typeof object !== 'object' || object === null || !('status' in object)) return undefined;
  const { status } = object;
  if (typeof status !== 'object' || status === null || !('storedWorkflowTemplateSpec' in status))
    return undefined;
  const stored = status.storedWorkflowTemplateSpec;
  if (typeof stored !== 'object' || stored === null || !('arguments' in stored)) return undefined;
  const args = stored.arguments;
  if (typeof args !== 'object' || args === null || !('parameters' in args) || !Array.isArray(args.parameters))
    return undefined;
  const parameters: NodeParameter[] = [];
  for (const p of args.parameters as unknown[]) {
    if (typeof p !== 'object' || p === null || !('name' in p) || typeof p.name !== 'string') continue;
    const value = 'value' in p && typeof p.value === 'string' ? p.value : undefined;
    parameters.push({ name: p.name, ...(value === undefined ? {} : { value }) });
  }
  return parameters;
}

/** The workflow's own parameters, completed by (and in the order of) the stored template spec's. */
export function effectiveParameters(own: readonly NodeParameter[], object: unknown): ShownParameter[] {
  const stored = storedParameters(object);
  if (stored === undefined) return own.map((p) => ({ ...p, fromTemplate: false }));
  const ownNames = new Set(own.map((p) => p.name));
  const shown = stored.map((p) => ({ ...p, fromTemplate: !ownNames.has(p.name) }));
  const storedNames = new Set(stored.map((p) => p.name));
  for (const p of own) if (!storedNames.has(p.name)) shown.push({ ...p, fromTemplate: false });
  return shown;
}
