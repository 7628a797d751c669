// Submitting, retrying, resubmitting and the lifecycle actions of a workflow.

/** POST /api/v1/namespaces/:namespace/workflows: run a WorkflowTemplate with parameters. */
export interface SubmitWorkflowRequest {
  template: { name: string; cluster?: boolean | undefined };
  /** Parameter values by name; names must be the template's, values strings. */
  parameters?: Record<string, string> | undefined;
}

/** POST …/workflows/:name/retry: the whole workflow, or from one node; parameters overridden. */
export interface RetryWorkflowRequest {
  nodeId?: string | undefined;
  restartSuccessful?: boolean | undefined;
  parameters?: Record<string, string> | undefined;
}

/** POST …/workflows/:name/resubmit: a new workflow from this one; memoized reuses its results. */
export interface ResubmitWorkflowRequest {
  parameters?: Record<string, string> | undefined;
  memoized?: boolean | undefined;
}

/** The lifecycle actions on one workflow (POST …/workflows/:name/<action>). */
export type WorkflowAction = 'stop' | 'terminate' | 'suspend' | 'resume';

/** The answer to an action, a submit or a delete. */
export interface WorkflowActionResult {
  namespace: string;
  name: string;
  message: string;
}
