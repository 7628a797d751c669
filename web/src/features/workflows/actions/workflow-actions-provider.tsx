import type { WorkflowDetail, WorkflowNode } from '@argovue/api-types';
import { graphShapeOf } from '@argovue/api-types/workflow-deltas';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { actOnWorkflow, deleteWorkflow } from '../../../api/workflow-actions.ts';
import { apiErrorOf } from '../../../api/api-error-of.ts';
import {
  availableActions,
  canRetryFromNode,
  type WorkflowActionKind,
} from '../../../lib/workflow-actions.ts';
import { noticeFrom, type NavigationNotice } from '../../../lib/navigation-notice.ts';
import { ConfirmActionDialog, type ConfirmableAction } from './confirm-action-dialog.tsx';
import { ResubmitDialog } from './resubmit-dialog.tsx';
import { RetryDialog } from './retry-dialog.tsx';
import { type ActionOutcome, WorkflowActionsContext } from './workflow-actions-context.ts';

type OpenDialog =
  | { kind: 'retry'; node?: WorkflowNode | undefined }
  | { kind: 'resubmit' }
  | { kind: 'confirm'; action: ConfirmableAction }
  | null;

/**
 * Holds the workflow page's actions: which are available, the open dialog, and what the last one came
 * to. `onChanged` says an action changed the workflow (the live stream brings the change).
 */
export function WorkflowActionsProvider({
  workflow,
  onChanged,
  children,
}: {
  workflow: WorkflowDetail;
  onChanged: () => void;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const { namespace, name } = workflow.row;
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState<WorkflowActionKind | null>(null);
  // A page reached by a resubmit or submit says so (the notice travels in the history entry).
  const [outcome, setOutcome] = useState<ActionOutcome | null>(() => {
    const notice = noticeFrom(location.state);
    return notice === null ? null : { ok: true, message: notice.message };
  });

  const { row, nodes } = workflow;
  const shape = graphShapeOf(nodes);
  // Whether a suspend step waits is read from the Suspend nodes alone, found once per graph shape (a
  // node's type is part of it): not all 20,000 nodes of a running workflow on each update.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `shape` stands for the nodes' types and places
  const suspendAt = useMemo(() => nodes.flatMap((n, i) => (n.type === 'Suspend' ? [i] : [])), [shape]);
  const available = useMemo(
    () =>
      availableActions(
        row,
        suspendAt.flatMap((i) => nodes[i] ?? []),
      ),
    [row, nodes, suspendAt],
  );
  const closeDialog = useCallback(() => setDialog(null), []);
  const done = useCallback(
    (message: string) => {
      setDialog(null);
      setOutcome({ ok: true, message });
      onChanged();
    },
    [onChanged],
  );

  const send = useCallback(
    async (action: 'suspend' | 'resume') => {
      setBusy(action);
      setOutcome(null);
      try {
        done((await actOnWorkflow(namespace, name, action)).message);
      } catch (error) {
        setOutcome({ ok: false, error: apiErrorOf(error) });
      } finally {
        setBusy(null);
      }
    },
    [namespace, name, done],
  );

  /** A confirmed stop, terminate or delete; throws so the dialog can show the refusal. */
  const confirmed = useCallback(
    async (action: ConfirmableAction) => {
      setBusy(action);
      try {
        if (action === 'delete') {
          const result = await deleteWorkflow(namespace, name);
          const notice: NavigationNotice = { message: result.message };
          await navigate(`/workflows?namespace=${encodeURIComponent(namespace)}`, { state: { notice } });
          return;
        }
        done((await actOnWorkflow(namespace, name, action)).message);
      } finally {
        setBusy(null);
      }
    },
    [namespace, name, navigate, done],
  );

  const resubmitted = useCallback(
    async (newName: string, message: string) => {
      const notice: NavigationNotice = { message };
      await navigate(`/workflows/${encodeURIComponent(namespace)}/${encodeURIComponent(newName)}`, {
        state: { notice },
      });
    },
    [namespace, navigate],
  );

  const start = useCallback(
    (action: WorkflowActionKind) => {
      if (action === 'suspend' || action === 'resume') send(action).catch(reportError);
      else if (action === 'retry') setDialog({ kind: 'retry' });
      else if (action === 'resubmit') setDialog({ kind: 'resubmit' });
      else setDialog({ kind: 'confirm', action });
    },
    [send],
  );
  const retryFromNode = useCallback((node: WorkflowNode) => setDialog({ kind: 'retry', node }), []);

  const value = useMemo(
    () => ({
      workflow,
      available,
      canRetryFromNode: canRetryFromNode(workflow.row),
      start,
      retryFromNode,
      busy,
      outcome,
    }),
    [workflow, available, start, retryFromNode, busy, outcome],
  );

  return (
    <WorkflowActionsContext value={value}>
      {children}
      {dialog?.kind === 'retry' && (
        <RetryDialog workflow={workflow} node={dialog.node} onDone={done} onClose={closeDialog} />
      )}
      {dialog?.kind === 'resubmit' && (
        <ResubmitDialog workflow={workflow} onDone={resubmitted} onClose={closeDialog} />
      )}
      {dialog?.kind === 'confirm' && (
        <ConfirmActionDialog
          action={dialog.action}
          workflowName={name}
          onConfirm={confirmed}
          onClose={closeDialog}
        />
      )}
    </WorkflowActionsContext>
  );
}
