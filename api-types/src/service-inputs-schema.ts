// The JSON Schema of a service instance's input values, made from its template's inputs: what the
// server validates a create request against with Ajv before anything is created (and what any client
// outside the browser may use). The browser's form checks with checkInputs (service-inputs.ts): its
// Content-Security-Policy forbids the code Ajv generates. The two say the same; a unit test keeps them so.
import { DEFAULT_INPUT_MAX_LENGTH, inputIsRequired, type TemplateInput } from './service-inputs.ts';

/** The inputs a template may declare (the CRD's maxItems). */
export const MAX_SERVICE_INPUTS = 32;
/** A Kubernetes object name: what a pvc or secretRef input names. */
export const OBJECT_NAME_PATTERN = '^[a-z0-9]([-a-z0-9]{0,251}[a-z0-9])?$';

function propertySchema(input: TemplateInput): Record<string, unknown> {
  const described = {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.help === undefined ? {} : { description: input.help }),
  };
  switch (input.type) {
    case 'boolean':
      return { ...described, type: 'boolean' };
    case 'number':
      return {
        ...described,
        type: input.integer === true ? 'integer' : 'number',
        ...(input.minimum === undefined ? {} : { minimum: input.minimum }),
        ...(input.maximum === undefined ? {} : { maximum: input.maximum }),
      };
    case 'enum':
      return { ...described, type: 'string', enum: [...(input.options ?? [])] };
    case 'pvc':
    case 'secretRef':
      return { ...described, type: 'string', maxLength: 253, pattern: OBJECT_NAME_PATTERN };
    case 'string':
      // maxLength is checked before pattern (Ajv's keyword order), so a developer's pattern never
      // runs on a megabyte of text.
      return {
        ...described,
        type: 'string',
        maxLength: input.maxLength ?? DEFAULT_INPUT_MAX_LENGTH,
        ...(input.pattern === undefined ? {} : { pattern: input.pattern }),
      };
  }
}

/**
 * The schema of the `inputs` object: only the template's inputs, each of its type and bounds; an
 * input that is required and has no default must be given.
 */
export function serviceInputsSchema(inputs: readonly TemplateInput[]): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    maxProperties: MAX_SERVICE_INPUTS,
    properties: Object.fromEntries(inputs.map((input) => [input.name, propertySchema(input)])),
    required: inputs.filter((i) => inputIsRequired(i) && i.default === undefined).map((i) => i.name),
  };
}
