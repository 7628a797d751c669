import type { TemplateInput } from '@argovue/api-types/service-inputs';
import { useId } from 'react';
import { type FieldDraft, type FormDrafts, inputLabel, inputRules } from '../../lib/service-form.ts';
import './services.css';

interface FieldProps {
  id: string;
  input: TemplateInput;
  draft: FieldDraft | undefined;
  problem: string | undefined;
  describedBy: string | undefined;
  claims: readonly string[] | null;
  onChange: (value: FieldDraft) => void;
}

/** The control for one input's type: a checkbox, a select of options or claims, else a text field. */
function InputControl({ id, input, draft, problem, describedBy, claims, onChange }: FieldProps) {
  const common = {
    id,
    name: input.name,
    'aria-invalid': problem !== undefined,
    ...(describedBy === undefined ? {} : { 'aria-describedby': describedBy }),
  };
  if (input.type === 'boolean')
    return (
      <input
        {...common}
        type="checkbox"
        checked={draft === true}
        onChange={(e) => onChange(e.target.checked)}
      />
    );
  const text = typeof draft === 'string' ? draft : '';
  const choices = input.type === 'enum' ? (input.options ?? []) : input.type === 'pvc' ? claims : null;
  if (choices !== null) {
    return (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        {(text === '' || !choices.includes(text)) && <option value={text}>{text || 'Choose…'}</option>}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      {...common}
      type="text"
      // Numbers are typed as text: a browser's number field turns "abc" into "" and hides the mistake.
      inputMode={input.type === 'number' ? (input.integer === true ? 'numeric' : 'decimal') : undefined}
      spellCheck={false}
      autoComplete="off"
      value={text}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * One labelled field per template input, of the input's type. The help text, what the field accepts
 * and any problem are tied to the field for screen readers; a problem names the field it is about.
 */
export function ServiceInputFields({
  inputs,
  drafts,
  problems,
  claims = null,
  onChange,
}: {
  inputs: readonly TemplateInput[];
  drafts: FormDrafts;
  /** Per input name, what is wrong ("must be at most 4"); shown once the user has tried to start. */
  problems: Readonly<Record<string, string>>;
  /** The namespace's claims, for pvc inputs; null when they are not known (a text field then). */
  claims?: readonly string[] | null;
  onChange: (name: string, value: FieldDraft) => void;
}) {
  const prefix = useId();
  if (inputs.length === 0) return <p className="muted">This template takes no inputs.</p>;
  return (
    <div className="parameter-fields service-input-fields">
      {inputs.map((input, index) => {
        const id = `${prefix}-${index}`;
        const problem = problems[input.name];
        const rules = inputRules(input);
        const label = inputLabel(input);
        const described = [
          input.help === undefined ? null : `${id}-help`,
          rules.length === 0 ? null : `${id}-rules`,
          problem === undefined ? null : `${id}-problem`,
        ].filter((x) => x !== null);
        const control = (
          <InputControl
            id={id}
            input={input}
            draft={drafts[input.name]}
            problem={problem}
            describedBy={described.length === 0 ? undefined : described.join(' ')}
            claims={claims}
            onChange={(value) => onChange(input.name, value)}
          />
        );
        return (
          <div className={`parameter-field service-input service-input-${input.type}`} key={input.name}>
            {input.type === 'boolean' ? (
              <div className="service-input-check">
                {control}
                <label htmlFor={id}>{label}</label>
              </div>
            ) : (
              <>
                <label htmlFor={id}>
                  {label}
                  {input.title !== undefined && input.title !== input.name && (
                    <span className="mono muted small"> {input.name}</span>
                  )}
                </label>
                {control}
              </>
            )}
            {input.help !== undefined && (
              <p id={`${id}-help`} className="muted small">
                {input.help}
              </p>
            )}
            {rules.length > 0 && (
              <p id={`${id}-rules`} className="muted small">
                {rules.join(' · ')}
              </p>
            )}
            {problem !== undefined && (
              <p id={`${id}-problem`} className="field-problem">
                {label} {problem}.
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
