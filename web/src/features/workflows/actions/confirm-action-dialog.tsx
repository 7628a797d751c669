import type { ApiError } from '@argovue/api-types';
import { useState } from 'react';
import { apiErrorOf } from '../../../api/api-error-of.ts';
import { ActionError } from '../../../components/action-error.tsx';
import { ModalDialog } from './modal-dialog.tsx';

export type ConfirmableAction = 'stop' | 'terminate' | 'delete';

// What each one does, in Argo's terms, so the user knows what they confirm.
const WORDS: Record<ConfirmableAction, { title: string; body: string; button: string }> = {
  stop: {
    title: 'Stop',
    body: 'Running steps are stopped and no new ones start; the exit handler still runs.',
    button: 'Stop workflow',
  },
  terminate: {
    title: 'Terminate',
    body: 'Running steps are killed now and the exit handler does not run.',
    button: 'Terminate workflow',
  },
  delete: {
    title: 'Delete',
    body: 'The workflow and its pods (and their logs) are removed. This cannot be undone.',
    button: 'Delete workflow',
  },
};

/** Asks before an action that ends or removes something; a refusal stays in the dialog. */
export function ConfirmActionDialog({
  action,
  workflowName,
  onConfirm,
  onClose,
}: {
  action: ConfirmableAction;
  workflowName: string;
  onConfirm: (action: ConfirmableAction) => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const words = WORDS[action];
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(action);
    } catch (caught) {
      setBusy(false);
      setError(apiErrorOf(caught));
    }
  };
  return (
    <ModalDialog title={`${words.title} ${workflowName}?`} onClose={onClose} busy={busy}>
      <p>{words.body}</p>
      {error !== null && <ActionError error={error} />}
      <div className="modal-actions">
        <button
          type="button"
          className="button"
          onClick={onClose}
          disabled={busy}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- WAI-ARIA's dialog pattern: before a destructive action, focus starts on the least destructive control; showModal() honours autofocus
          autoFocus
        >
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            confirm().catch(reportError);
          }}
          disabled={busy}
        >
          {busy ? `${words.title}…` : words.button}
        </button>
      </div>
    </ModalDialog>
  );
}
