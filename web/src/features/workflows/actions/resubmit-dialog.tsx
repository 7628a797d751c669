import type { ApiError, WorkflowDetail } from '@argovue/api-types';
import { type SyntheticEvent, useState } from 'react';
import { apiErrorOf } from '../../../api/api-error-of.ts';
import { useIdempotencyKey } from '../../../api/use-idempotency-key.ts';
import { resubmitArchivedWorkflow, resubmitWorkflow } from '../../../api/workflow-actions.ts';
import { parameterOverrides, resubmitRequestBody } from '../../../lib/workflow-actions.ts';
import { ModalDialog } from '../../../components/modal-dialog.tsx';
import { ParametersFormEnd } from './parameters-form-end.tsx';

/** A new workflow from this one, as `argo resubmit` makes it; memoized reuses the steps that succeeded. */
export function ResubmitDialog({
  workflow,
  onDone,
  onClose,
}: {
  workflow: WorkflowDetail;
  onDone: (newName: string, message: string) => Promise<void>;
  onClose: () => void;
}) {
  const [memoized, setMemoized] = useState(false);
  const [values, setValues] = useState(() =>
    Object.fromEntries(workflow.parameters.map((p) => [p.name, p.value ?? ''])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submission = useIdempotencyKey();
  const { namespace, name, archivedUid } = workflow.row;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = resubmitRequestBody(parameterOverrides(workflow.parameters, values), memoized);
      const key = submission.key();
      const result =
        archivedUid === undefined
          ? await resubmitWorkflow(namespace, name, body, key)
          : await resubmitArchivedWorkflow(namespace, archivedUid, body, key);
      await onDone(result.name, result.message);
    } catch (caught) {
      submission.renew();
      setBusy(false);
      setError(apiErrorOf(caught));
    }
  };

  return (
    <ModalDialog title={`Resubmit ${name}`} onClose={onClose} busy={busy} className="modal-wide">
      <form
        onSubmit={(e) => {
          submit(e).catch(reportError);
        }}
      >
        <p className="muted">A new workflow runs with the same spec; this one stays as it is.</p>
        <label className="checkbox-field">
          <input type="checkbox" checked={memoized} onChange={(e) => setMemoized(e.target.checked)} />
          Memoized: reuse the results of the steps that succeeded
        </label>
        <ParametersFormEnd
          parameters={workflow.parameters}
          values={values}
          setValues={setValues}
          error={error}
          busy={busy}
          onCancel={onClose}
          label="Resubmit"
          busyLabel="Resubmitting…"
        />
      </form>
    </ModalDialog>
  );
}
