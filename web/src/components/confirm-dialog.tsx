import type { ApiError } from '@argovue/api-types';
import { useState } from 'react';
import { apiErrorOf } from '../api/api-error-of.ts';
import { ActionError } from './action-error.tsx';
import { ModalDialog } from './modal-dialog.tsx';

/**
 * Asks before an action that ends, replaces or removes something (a workflow's stop or delete, a
 * service's restart): what it does, Cancel (focused first), and the action; while it runs both wait,
 * and a refusal stays in the dialog.
 */
export function ConfirmDialog({
  title,
  body,
  button,
  busyLabel,
  danger,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  /** The action's button, and what it says while the action runs. */
  button: string;
  busyLabel: string;
  /** Whether it cannot be undone (a red button). */
  danger: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setBusy(false);
      setError(apiErrorOf(caught));
    }
  };
  return (
    <ModalDialog title={title} onClose={onClose} busy={busy}>
      <p>{body}</p>
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
          className={danger ? 'button button-danger' : 'button button-primary'}
          onClick={() => {
            confirm().catch(reportError);
          }}
          disabled={busy}
        >
          {busy ? busyLabel : button}
        </button>
      </div>
    </ModalDialog>
  );
}
