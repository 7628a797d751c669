// A service template's typed inputs, and an instance's values checked against them: names, types,
// bounds, patterns, options; defaults filled in. One implementation for the server (which creates
// nothing from values that did not pass) and the browser's start form (which shows the same problems
// before sending). Not Ajv: the web app's Content-Security-Policy (`script-src 'self'`) forbids the
// code generation Ajv compiles schemas with, and a second, hand-kept schema would drift from this one.

export type InputType = 'string' | 'number' | 'boolean' | 'enum' | 'pvc' | 'secretRef';
export type InputValue = string | number | boolean;

/** The one field an input's value goes into (deploy/crds: exactly one target per entry). */
export interface Fill {
  env?: { container: string; name: string };
  arg?: { container: string; flag?: string };
  resource?: { container: string; name: string; in: 'requests' | 'limits' | 'both' };
  replicas?: Record<string, never>;
  imageTag?: { container: string };
  storage?: { claim: string };
  claimName?: { volume: string };
  secretEnv?: { container: string; name: string; key: string };
}

export interface TemplateInput {
  name: string;
  type: InputType;
  title?: string;
  help?: string;
  required?: boolean;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  integer?: boolean;
  pattern?: string;
  maxLength?: number;
  options?: string[];
  fills?: Fill[];
}

// Without a maxLength of the template's, a string input is at most this long (the CRD allows 65536).
export const DEFAULT_INPUT_MAX_LENGTH = 4096;
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

function matches(pattern: string, value: string): boolean | undefined {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    // The CRD only bounds the pattern's length; one JavaScript cannot compile fits no value.
    return undefined;
  }
}

/** Whether an input must be given a value (none given and no default is a problem). */
export function inputIsRequired(input: TemplateInput): boolean {
  return input.required === true || (input.fills ?? []).length > 0;
}

/** Why `value` does not fit `input` ("must be at least 1"), or undefined when it does. */
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
      const max = input.maxLength ?? DEFAULT_INPUT_MAX_LENGTH;
      if (value.length > max) return `must be at most ${max} characters`;
      if (input.pattern === undefined) return undefined;
      // The length is bounded before a developer's pattern runs on it.
      const fits = matches(input.pattern, value);
      if (fits === undefined) return 'cannot be checked: the template’s pattern is not valid';
      return fits ? undefined : `must match ${input.pattern}`;
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
      if (inputIsRequired(input)) problems.push({ input: input.name, message: 'is required' });
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
