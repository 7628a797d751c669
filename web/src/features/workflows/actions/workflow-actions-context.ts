import type { ApiError, WorkflowDetail, WorkflowNode } from '@argovue/api-types';
import { createContext, useContext } from 'react';
import type { WorkflowActionKind } from '../../../lib/workflow-actions.ts';

/** What the last action came to, announced in the action bar's live region. */
export type ActionOutcome = { ok: true; message: string } | { ok: false; error: ApiError };

export interface WorkflowActionsValue {
  workflow: WorkflowDetail;
  available: ReadonlySet<WorkflowActionKind>;
  /** A node may be retried from now. */
  canRetryFromNode: boolean;
  /** Opens the action's dialog, or for suspend and resume sends it at once. */
  start: (action: WorkflowActionKind) => void;
  /** Opens the retry dialog for this node. */
  retryFromNode: (node: WorkflowNode) => void;
  /** The action under way, if any: its button says so and the others wait. */
  busy: WorkflowActionKind | null;
  outcome: ActionOutcome | null;
}

export const WorkflowActionsContext = createContext<WorkflowActionsValue | null>(null);

/** The actions of the workflow on this page; null outside a WorkflowActionsProvider. */
export function useWorkflowActions(): WorkflowActionsValue | null {
  return useContext(WorkflowActionsContext);
}
