import type { ApiError, TemplateParameter } from '@argovue/api-types';
import type { Dispatch, SetStateAction } from 'react';
import { ActionError } from '../../../components/action-error.tsx';
import { ParameterFields } from './parameter-fields.tsx';
import './actions.css';

/**
 * The end of the retry and resubmit forms: the workflow's parameters to change, the server's refusal
 * if there was one, and Cancel / the action's button.
 */
export function ParametersFormEnd({
  parameters,
  values,
  setValues,
  error,
  busy,
  onCancel,
  label,
  busyLabel,
}: {
  parameters: readonly TemplateParameter[];
  values: Readonly<Record<string, string>>;
  setValues: Dispatch<SetStateAction<Record<string, string>>>;
  error: ApiError | null;
  busy: boolean;
  onCancel: () => void;
  label: string;
  busyLabel: string;
}) {
  return (
    <>
      <fieldset className="parameters-fieldset">
        <legend>Parameters</legend>
        <ParameterFields
          parameters={parameters}
          values={values}
          onChange={(parameter, value) => setValues((v) => ({ ...v, [parameter]: value }))}
        />
      </fieldset>
      {error !== null && <ActionError error={error} />}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? busyLabel : label}
        </button>
      </div>
    </>
  );
}
