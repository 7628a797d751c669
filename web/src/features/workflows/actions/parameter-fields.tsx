import type { TemplateParameter } from '@argovue/api-types';
import { useId } from 'react';
import './actions.css';

/**
 * One labelled field per parameter: a select when the template lists the allowed values, else a text
 * field; the description and any problem are tied to the field for screen readers.
 */
export function ParameterFields({
  parameters,
  values,
  onChange,
  problems = {},
}: {
  parameters: readonly TemplateParameter[];
  values: Readonly<Record<string, string>>;
  onChange: (name: string, value: string) => void;
  problems?: Readonly<Record<string, string>>;
}) {
  const prefix = useId();
  if (parameters.length === 0) return <p className="muted">No parameters.</p>;
  return (
    <div className="parameter-fields">
      {parameters.map((parameter, index) => {
        const id = `${prefix}-${index}`;
        const value = values[parameter.name] ?? '';
        const problem = problems[parameter.name];
        const described = [
          parameter.description === undefined ? null : `${id}-description`,
          problem === undefined ? null : `${id}-problem`,
        ]
          .filter((x) => x !== null)
          .join(' ');
        const common = {
          id,
          value,
          'aria-invalid': problem !== undefined,
          ...(described === '' ? {} : { 'aria-describedby': described }),
        };
        return (
          <div className="parameter-field" key={parameter.name}>
            <label htmlFor={id} className="mono">
              {parameter.name}
            </label>
            {parameter.enum !== undefined && parameter.enum.length > 0 ? (
              <select {...common} onChange={(e) => onChange(parameter.name, e.target.value)}>
                {!parameter.enum.includes(value) && <option value={value}>{value || '(choose)'}</option>}
                {parameter.enum.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type="text"
                spellCheck={false}
                onChange={(e) => onChange(parameter.name, e.target.value)}
              />
            )}
            {parameter.description !== undefined && (
              <p id={`${id}-description`} className="muted small">
                {parameter.description}
              </p>
            )}
            {problem !== undefined && (
              <p id={`${id}-problem`} className="field-problem">
                {problem}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
