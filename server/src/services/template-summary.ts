// A ServiceTemplate or ClusterServiceTemplate as the catalogue and the start form show it: its typed
// inputs (without their fills: where a value goes is the developer's business), the JSON Schema a
// create request's inputs are validated against, and what one instance asks of the quota.
import type { ServiceTemplateInput, ServiceTemplateSummary } from '@argovue/api-types';
import { serviceInputsSchema } from '@argovue/api-types/service-inputs-schema';
import { instanceResources } from '@argovue/api-types/service-fit';
import { checkInputs } from '@argovue/api-types/service-inputs';
import { requestsOf } from './quota.ts';
import type { InputValue, ServiceTemplateSpec, TemplateInput } from './template-types.ts';

export interface TemplateObject {
  metadata?: { name?: string; namespace?: string; uid?: string };
  spec?: ServiceTemplateSpec;
}

function isInputValue(value: unknown): value is InputValue {
  return typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number';
}

/** An input as the form sees it; one that fills a field must have a value. */
export function inputSummary(input: TemplateInput): ServiceTemplateInput {
  const optional = <K extends keyof TemplateInput>(key: K) =>
    input[key] === undefined ? {} : { [key]: input[key] };
  return {
    name: input.name,
    type: input.type,
    required: input.required === true || (input.fills ?? []).length > 0,
    ...optional('title'),
    ...optional('help'),
    ...(isInputValue(input.default) ? { default: input.default } : {}),
    ...optional('minimum'),
    ...optional('maximum'),
    ...optional('integer'),
    ...optional('pattern'),
    ...optional('maxLength'),
    ...(input.options === undefined ? {} : { options: [...input.options] }),
  };
}

/** What one instance with the default inputs asks of the quota; empty when the defaults do not pass. */
function defaultRequests(spec: ServiceTemplateSpec): Record<string, string> {
  const checked = checkInputs(spec.inputs ?? [], {});
  return checked.ok ? requestsOf(instanceResources(spec, checked.values)) : {};
}

/** The summary of a template read from the cluster, or undefined when it has no usable spec. */
export function templateSummary(
  object: TemplateObject,
  cluster: boolean,
): ServiceTemplateSummary | undefined {
  const name = object.metadata?.name;
  const spec = object.spec;
  if (name === undefined || spec === undefined || !Array.isArray(spec.ports)) return undefined;
  const inputs = (spec.inputs ?? []).map(inputSummary);
  return {
    name,
    cluster,
    title: spec.title,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(spec.icon === undefined ? {} : { icon: spec.icon }),
    inputs,
    ports: spec.ports.map((p) => ({
      name: p.name,
      port: p.port,
      ...(p.path === undefined ? {} : { path: p.path }),
      ...(p.websocket === undefined ? {} : { websocket: p.websocket }),
    })),
    ...(spec.idleTimeout === undefined ? {} : { idleTimeout: spec.idleTimeout }),
    inputsSchema: serviceInputsSchema(inputs),
    requests: defaultRequests(spec),
  };
}
