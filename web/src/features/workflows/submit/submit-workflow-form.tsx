import type { ApiError, WorkflowTemplateSummary } from '@argovue/api-types';
import { type SyntheticEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { apiErrorOf } from '../../../api/api-error-of.ts';
import { useIdempotencyKey } from '../../../api/use-idempotency-key.ts';
import { submitWorkflow } from '../../../api/workflow-actions.ts';
import { ActionError } from '../../../components/action-error.tsx';
import type { NavigationNotice } from '../../../lib/navigation-notice.ts';
import { initialParameterValues, parameterProblems, submitRequestBody } from '../../../lib/submit-form.ts';
import { ParameterFields } from '../actions/parameter-fields.tsx';
import './submit.css';
import '../actions/actions.css';

/**
 * The parameters of one template, checked before sending (problems shown after the first try, focus on
 * the first); a submitted workflow opens its page, a refusal shows the server's message and hint.
 */
export function SubmitWorkflowForm({
  namespace,
  template,
}: {
  namespace: string;
  template: WorkflowTemplateSummary;
}) {
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => initialParameterValues(template));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submission = useIdempotencyKey();
  const problems = parameterProblems(template, values);
  const problemCount = Object.keys(problems).length;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    if (problemCount > 0) {
      // After this render the fields carry aria-invalid: focus the first.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const result = await submitWorkflow(namespace, submitRequestBody(template, values), submission.key());
      const notice: NavigationNotice = { message: result.message };
      await navigate(`/workflows/${encodeURIComponent(namespace)}/${encodeURIComponent(result.name)}`, {
        state: { notice },
      });
    } catch (caught) {
      submission.renew();
      setBusy(false);
      setError(apiErrorOf(caught));
    }
  };

  return (
    <form
      ref={form}
      className="submit-form panel"
      onSubmit={(e) => {
        submit(e).catch(reportError);
      }}
      noValidate
    >
      <h2>
        Parameters of <span className="mono">{template.name}</span>
      </h2>
      {attempted && problemCount > 0 && (
        <p className="field-problem" role="alert">
          {problemCount === 1 ? 'One parameter needs' : `${problemCount} parameters need`} a fix before
          submitting.
        </p>
      )}
      <ParameterFields
        parameters={template.parameters}
        values={values}
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        problems={attempted ? problems : {}}
      />
      {error !== null && <ActionError error={error} />}
      <div className="modal-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Submitting…' : `Submit in ${namespace}`}
        </button>
      </div>
    </form>
  );
}
