// The start form's fields as the browser holds them (text as typed, a checkbox's state) turned into the
// typed values an instance carries, and checked by the server's own rules (@argovue/api-types/service-inputs).
import {
  checkInputs,
  inputIsRequired,
  type InputValue,
  type TemplateInput,
} from '@argovue/api-types/service-inputs';

/** What a field holds: a checkbox's state, else the text in it. */
export type FieldDraft = string | boolean;
export type FormDrafts = Readonly<Record<string, FieldDraft>>;

// A number as people type one: no hex, no `1e3` surprises, no spaces.
const decimalNumber = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** The fields as they start: each input's default, else empty (a checkbox unticked). */
export function initialDrafts(inputs: readonly TemplateInput[]): Record<string, FieldDraft> {
  const drafts: Record<string, FieldDraft> = {};
  for (const input of inputs) {
    const preset = input.default;
    if (input.type === 'boolean') drafts[input.name] = preset === true;
    else if (typeof preset === 'string' || typeof preset === 'number') drafts[input.name] = String(preset);
    else drafts[input.name] = '';
  }
  return drafts;
}

/** A field's typed value; undefined for an empty field (the template's default, if any, then applies). */
export function valueOfDraft(input: TemplateInput, draft: FieldDraft | undefined): InputValue | undefined {
  if (draft === undefined) return undefined;
  if (typeof draft === 'boolean') return draft;
  if (input.type === 'number') {
    const text = draft.trim();
    if (text === '') return undefined;
    // Text that is not a number is sent on as text, so the shared check says "must be a number".
    return decimalNumber.test(text) ? Number(text) : draft;
  }
  return draft === '' ? undefined : draft;
}

/** The values an instance is created with: every field with something in it. */
export function instanceValues(
  inputs: readonly TemplateInput[],
  drafts: FormDrafts,
): Record<string, InputValue> {
  const values: Record<string, InputValue> = {};
  for (const input of inputs) {
    const value = valueOfDraft(input, drafts[input.name]);
    if (value !== undefined) values[input.name] = value;
  }
  return values;
}

export interface FormCheck {
  /** Per input name, what is wrong, e.g. "must be at most 4". */
  problems: Record<string, string>;
  /** The checked, typed values (defaults filled in), when there is no problem. */
  values: ReadonlyMap<string, InputValue> | null;
}

/** The form checked exactly as the server will check the instance. */
export function checkForm(inputs: readonly TemplateInput[], drafts: FormDrafts): FormCheck {
  const checked = checkInputs(inputs, instanceValues(inputs, drafts));
  if (checked.ok) return { problems: {}, values: checked.values };
  const problems: Record<string, string> = {};
  for (const problem of checked.problems) problems[problem.input] ??= problem.message;
  return { problems, values: null };
}

/** The name a person reads for an input: its title, else its name. */
export function inputLabel(input: TemplateInput): string {
  return input.title !== undefined && input.title !== '' ? input.title : input.name;
}

/** What a field accepts, said under it: `Whole number from 1 to 4`, `Up to 8 characters`, `Default: 500m`. */
export function inputRules(input: TemplateInput): string[] {
  const rules: string[] = [];
  if (input.type === 'number') {
    const kind = input.integer === true ? 'Whole number' : 'Number';
    if (input.minimum !== undefined && input.maximum !== undefined)
      rules.push(`${kind} from ${input.minimum} to ${input.maximum}`);
    else if (input.minimum !== undefined) rules.push(`${kind}, at least ${input.minimum}`);
    else if (input.maximum !== undefined) rules.push(`${kind}, at most ${input.maximum}`);
    else if (input.integer === true) rules.push(kind);
  }
  if (input.type === 'string' && input.maxLength !== undefined)
    rules.push(`Up to ${input.maxLength} characters`);
  if (input.type === 'string' && input.pattern !== undefined) rules.push(`Matching ${input.pattern}`);
  if (inputIsRequired(input) && input.default === undefined) rules.push('Required');
  return rules;
}

// A Kubernetes object name that is also a DNS label: the instance's name is part of its own host name
// (`<instance>--<namespace>.<base domain>`), and its Service is named after it.
const instanceNamePattern = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;

/** Why `name` cannot name an instance, or undefined. */
export function instanceNameProblem(name: string): string | undefined {
  if (name === '') return 'is required';
  if (name.length > 40) return 'must be at most 40 characters';
  if (name.includes('--'))
    return 'must not contain "--" (it separates instance and namespace in its address)';
  if (!instanceNamePattern.test(name))
    return 'must be lower-case letters, digits and dashes, starting with a letter and not ending with a dash';
  return undefined;
}

/** A first name to offer: the template's, with a short random ending so a second one does not clash. */
export function suggestedInstanceName(template: string, random: () => number = Math.random): string {
  const ending = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  const base = template
    .toLowerCase()
    .replace(/[^-a-z0-9]/g, '')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 30);
  return `${base === '' ? 'service' : base.replace(/-$/, '')}-${ending}`;
}
