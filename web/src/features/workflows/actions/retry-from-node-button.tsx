import type { WorkflowNode } from '@argovue/api-types';
import { useWorkflowActions } from './workflow-actions-context.ts';
import './actions.css';

/** In a node's panel: opens the retry dialog with this node chosen (when the workflow has finished). */
export function RetryFromNodeButton({ node }: { node: WorkflowNode }) {
  const actions = useWorkflowActions();
  if (actions === null || !actions.canRetryFromNode) return null;
  // Group nodes (the DAG, a step group) can be chosen too: everything below them runs again.
  return (
    <p className="node-actions">
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        disabled={actions.busy !== null}
        onClick={() => actions.retryFromNode(node)}
      >
        Retry from this node…
      </button>
    </p>
  );
}
