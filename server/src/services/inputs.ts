// An instance's input values checked against its template's inputs: names, types, bounds, patterns,
// options; defaults filled in. Nothing is created from values that did not pass.
import type { InputValue, TemplateInput } from './template-types.ts';

// Without a maxLength of the template's, a string input is at most this long (the CRD allows 65536).
const defaultMaxLength = 4096;
const kubernetesName = /^[a-z0-9]([-a-z0-9]{0,251}[a-z0-9])?$/;

export interface InputProblem {
  input: string;
  message: string;
}

export type InputCheck =
  { ok: true; values: Map<string, InputValue> } | { ok: false; problems: InputProblem[] };

function isInputValue(value: unknown): value is InputValue {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** Why `value` does not fit `input`, or undefined when it does. */
export function problemWith(input: TemplateInput, value: InputValue): string | undefined {
  switch (input.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'number': {
      if (typeof value !== 'number') return 'must be a number';
      if (input.integer === true && !Number.isInteger(value)) return 'must be a whole number';
      if (input.minimum !== undefined && value < input.minimum) return `must be at least ${input.minimum}`;
      if (input.maximum !== undefined && value > input.maximum) return `must be at most ${input.maximum}`;
      return undefined;
    }
    case 'enum':
      return typeof value === 'string' && (input.options ?? []).includes(value)
        ? undefined
        : `must be one of ${(input.options ?? []).join(', ')}`;
    case 'pvc':
    case 'secretRef':
      return typeof value === 'string' && kubernetesName.test(value)
        ? undefined
        : 'must be the name of an object';
    case 'string': {
      if (typeof value !== 'string') return 'must be text';
      const max = input.maxLength ?? defaultMaxLength;
      if (value.length > max) return `must be at most ${max} characters`;
      // The length is bounded before a developer's pattern runs on it.
      if (input.pattern !== undefined && !new RegExp(input.pattern, 'u').test(value))
        return `must match ${input.pattern}`;
      return undefined;
    }
  }
}

/** The values to fill: the instance's, else the template's defaults; every problem, not only the first. */
export function checkInputs(
  inputs: readonly TemplateInput[],
  given: Record<string, unknown> = {},
): InputCheck {
  const problems: InputProblem[] = [];
  const values = new Map<string, InputValue>();
  const known = new Set(inputs.map((i) => i.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) problems.push({ input: name, message: 'is not an input of the template' });
  }
  for (const input of inputs) {
    const raw = Object.hasOwn(given, input.name) ? given[input.name] : input.default;
    if (raw === undefined) {
      if (input.required === true || (input.fills ?? []).length > 0)
        problems.push({ input: input.name, message: 'is required' });
      continue;
    }
    if (!isInputValue(raw)) {
      problems.push({ input: input.name, message: 'must be a string, number or boolean' });
      continue;
    }
    const problem = problemWith(input, raw);
    if (problem === undefined) values.set(input.name, raw);
    else problems.push({ input: input.name, message: problem });
  }
  return problems.length === 0 ? { ok: true, values } : { ok: false, problems };
}
