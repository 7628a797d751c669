// Which actions a workflow offers in its state, and the request bodies the action dialogs send.
// Pure functions: the buttons and dialogs only draw what these decide.
import type {
  ResubmitWorkflowRequest,
  RetryWorkflowRequest,
  WorkflowNode,
  WorkflowRow,
} from '@argovue/api-types';

export type WorkflowActionKind =
  'retry' | 'resubmit' | 'suspend' | 'resume' | 'stop' | 'terminate' | 'delete';

/** The order of the buttons: what moves the workflow on, then what ends or removes it. */
export const ACTION_ORDER: readonly WorkflowActionKind[] = [
  'retry',
  'resubmit',
  'resume',
  'suspend',
  'stop',
  'terminate',
  'delete',
];

/** Actions that end or remove something: each asks for confirmation first. */
export const DESTRUCTIVE_ACTIONS: ReadonlySet<WorkflowActionKind> = new Set(['stop', 'terminate', 'delete']);

const FINISHED = new Set(['Succeeded', 'Failed', 'Error']);

export type ActionState = Pick<WorkflowRow, 'phase' | 'suspended' | 'shutdown' | 'archivedUid'>;

/**
 * Whether the workflow waits to be resumed: `spec.suspend`, or a suspend step waiting (Argo's UI asks
 * the same two things).
 */
export function isSuspended(
  row: ActionState,
  nodes: readonly Pick<WorkflowNode, 'type' | 'phase'>[],
): boolean {
  if (FINISHED.has(row.phase)) return false;
  return row.suspended === true || nodes.some((n) => n.type === 'Suspend' && n.phase === 'Running');
}

/**
 * The actions that make sense now. Retry is for a failed run; resubmit for any finished one; stop,
 * terminate and suspend while it runs (not twice); resume while it waits; delete always.
 */
export function availableActions(
  row: ActionState,
  nodes: readonly Pick<WorkflowNode, 'type' | 'phase'>[],
): Set<WorkflowActionKind> {
  // A run from the archive is no longer in the cluster: all that can be done is to run it again.
  if (row.archivedUid !== undefined) return new Set(['resubmit']);
  const actions = new Set<WorkflowActionKind>(['delete']);
  if (FINISHED.has(row.phase)) {
    actions.add('resubmit');
    if (row.phase !== 'Succeeded') actions.add('retry');
    return actions;
  }
  const suspended = isSuspended(row, nodes);
  if (suspended) actions.add('resume');
  if (row.shutdown === undefined) {
    if (row.suspended !== true) actions.add('suspend');
    actions.add('stop');
    actions.add('terminate');
  } else if (row.shutdown === 'Stop') {
    // A stop waits for running steps; terminate is the way to end it now.
    actions.add('terminate');
  }
  return actions;
}

/**
 * Whether a node may be retried from: any finished workflow. A succeeded one only with "restart
 * successful nodes" (Argo resets nothing else in it), see `restartSuccessfulRequired`.
 */
export function canRetryFromNode(row: ActionState): boolean {
  return FINISHED.has(row.phase) && row.archivedUid === undefined;
}

/** Argo retries a succeeded workflow only from a chosen node, restarting the successful ones. */
export function restartSuccessfulRequired(row: ActionState): boolean {
  return row.phase === 'Succeeded';
}

/** Only the parameters whose value the user changed; values compare exactly (spaces count). */
export function parameterOverrides(
  current: readonly { name: string; value?: string | undefined }[],
  edited: Readonly<Record<string, string>>,
): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const { name, value } of current) {
    const next = edited[name];
    if (next !== undefined && next !== (value ?? '')) overrides[name] = next;
  }
  return overrides;
}

export interface RetryChoice {
  /** Retry from this node (it and what depends on it run again); the whole workflow when absent. */
  nodeId?: string | undefined;
  restartSuccessful: boolean;
  overrides: Readonly<Record<string, string>>;
}

/** The body of POST …/retry: only what differs from a plain retry. */
export function retryRequestBody(choice: RetryChoice): RetryWorkflowRequest {
  return {
    ...(choice.nodeId === undefined ? {} : { nodeId: choice.nodeId }),
    ...(choice.restartSuccessful ? { restartSuccessful: true } : {}),
    ...(Object.keys(choice.overrides).length === 0 ? {} : { parameters: { ...choice.overrides } }),
  };
}

/** The body of POST …/resubmit. */
export function resubmitRequestBody(
  overrides: Readonly<Record<string, string>>,
  memoized: boolean,
): ResubmitWorkflowRequest {
  return {
    ...(Object.keys(overrides).length === 0 ? {} : { parameters: { ...overrides } }),
    ...(memoized ? { memoized: true } : {}),
  };
}
