import { ACTION_ORDER, DESTRUCTIVE_ACTIONS, type WorkflowActionKind } from '../../../lib/workflow-actions.ts';
import { ActionError } from '../../../components/action-error.tsx';
import { useWorkflowActions } from './workflow-actions-context.ts';
import './actions.css';

const LABELS: Record<WorkflowActionKind, string> = {
  retry: 'Retry…',
  resubmit: 'Resubmit…',
  resume: 'Resume',
  suspend: 'Suspend',
  stop: 'Stop…',
  terminate: 'Terminate…',
  delete: 'Delete…',
};

const UNDER_WAY: Record<WorkflowActionKind, string> = {
  retry: 'Retrying…',
  resubmit: 'Resubmitting…',
  resume: 'Resuming…',
  suspend: 'Suspending…',
  stop: 'Stopping…',
  terminate: 'Terminating…',
  delete: 'Deleting…',
};

/**
 * The buttons of the actions the workflow offers in its state, and one live region that says what the
 * last action came to (success, or the server's message and hint).
 */
export function WorkflowActionBar() {
  const actions = useWorkflowActions();
  if (actions === null) return null;
  const { available, start, busy, outcome } = actions;
  return (
    <div className="workflow-actions">
      <div className="action-bar" role="group" aria-label="Workflow actions">
        {ACTION_ORDER.filter((action) => available.has(action)).map((action) => (
          <button
            key={action}
            type="button"
            className={DESTRUCTIVE_ACTIONS.has(action) ? 'button button-danger-outline' : 'button'}
            disabled={busy !== null}
            aria-haspopup={action === 'suspend' || action === 'resume' ? undefined : 'dialog'}
            onClick={() => start(action)}
          >
            {busy === action ? UNDER_WAY[action] : LABELS[action]}
          </button>
        ))}
      </div>
      {/* Always in the page, so screen readers announce what is put in it. */}
      <div className="action-outcome" role="status" aria-live="polite">
        {outcome?.ok === true && <p className="action-success">{outcome.message}</p>}
      </div>
      {outcome?.ok === false && <ActionError error={outcome.error} />}
    </div>
  );
}
