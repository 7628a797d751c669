import type { ApiError, WorkflowDetail, WorkflowNode } from '@argovue/api-types';
import { type SyntheticEvent, useState } from 'react';
import { apiErrorOf } from '../../../api/api-error-of.ts';
import { useIdempotencyKey } from '../../../api/use-idempotency-key.ts';
import { retryWorkflow } from '../../../api/workflow-actions.ts';
import {
  parameterOverrides,
  restartSuccessfulRequired,
  retryRequestBody,
} from '../../../lib/workflow-actions.ts';
import { ModalDialog } from '../../../components/modal-dialog.tsx';
import { ParametersFormEnd } from './parameters-form-end.tsx';

function initialValues(workflow: WorkflowDetail): Record<string, string> {
  return Object.fromEntries(workflow.parameters.map((p) => [p.name, p.value ?? '']));
}

/**
 * Retry in place, as `argo retry` does: the failed nodes run again — or, from a chosen node with
 * "restart successful nodes", that node and what hangs below it — with parameters changed if asked.
 */
export function RetryDialog({
  workflow,
  node,
  onDone,
  onClose,
}: {
  workflow: WorkflowDetail;
  node?: WorkflowNode | undefined;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const required = restartSuccessfulRequired(workflow.row);
  // From a chosen node, restarting it is the point; Argo ignores the node otherwise.
  const [restartSuccessful, setRestartSuccessful] = useState(required || node !== undefined);
  const [values, setValues] = useState(() => initialValues(workflow));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submission = useIdempotencyKey();
  const { namespace, name } = workflow.row;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = retryRequestBody({
        nodeId: node?.id,
        restartSuccessful,
        overrides: parameterOverrides(workflow.parameters, values),
      });
      onDone((await retryWorkflow(namespace, name, body, submission.key())).message);
    } catch (caught) {
      submission.renew();
      setBusy(false);
      setError(apiErrorOf(caught));
    }
  };

  return (
    <ModalDialog
      title={node === undefined ? `Retry ${name}` : `Retry ${name} from ${node.displayName}`}
      onClose={onClose}
      busy={busy}
      className="modal-wide"
    >
      <form
        onSubmit={(e) => {
          submit(e).catch(reportError);
        }}
      >
        <p className="muted">
          {node === undefined
            ? 'The failed nodes run again; the nodes that succeeded keep their results.'
            : `${node.displayName} and the nodes that depend on it run again.`}
        </p>
        {node !== undefined && (
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={restartSuccessful}
              disabled={required}
              onChange={(e) => setRestartSuccessful(e.target.checked)}
            />
            Restart successful nodes too (at and below {node.displayName})
          </label>
        )}
        {node !== undefined && !restartSuccessful && (
          <p className="hint small">Without it only failed nodes run again, wherever they are.</p>
        )}
        {node === undefined && (
          <p className="hint small">
            To run a successful node again, choose it in the graph and use “Retry from this node”.
          </p>
        )}
        <ParametersFormEnd
          parameters={workflow.parameters}
          values={values}
          setValues={setValues}
          error={error}
          busy={busy}
          onCancel={onClose}
          label="Retry"
          busyLabel="Retrying…"
        />
      </form>
    </ModalDialog>
  );
}
