import { useParams } from 'react-router';
import { useLiveWorkflow } from '../../api/use-live-workflow.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { WorkflowActionsProvider } from './actions/workflow-actions-provider.tsx';
import { WorkflowDetailView } from './workflow-detail-view.tsx';
import { WorkflowNotFound } from './workflow-not-found.tsx';

/**
 * `/workflows/:namespace/:name`: one workflow, followed live by deltas (its own stream, opened as the
 * user): the whole state once, then only what changed, never the whole workflow again.
 */
export function WorkflowDetailPage() {
  const { namespace = '', name = '' } = useParams();
  const { workflow, live, reconnect } = useLiveWorkflow(namespace, name);
  useDocumentTitle(name);
  if (workflow.state === 'loading') return <LoadingState label={`Loading ${name}…`} />;
  if (workflow.state === 'failed') {
    // A workflow that does not exist and one the user may not read look the same.
    if (workflow.error.body.status === 404) {
      return (
        <WorkflowNotFound>
          There is no workflow <span className="mono">{name}</span> in namespace{' '}
          <span className="mono">{namespace}</span>
        </WorkflowNotFound>
      );
    }
    return (
      <ErrorPanel title={`${name} could not be loaded`} error={workflow.error.body} onRetry={reconnect} />
    );
  }
  return (
    // Keyed by workflow: another workflow's page (after a resubmit) starts with no dialog or outcome.
    // An action's outcome arrives on the live stream; when it is not live, it is opened again.
    <WorkflowActionsProvider key={`${namespace}/${name}`} workflow={workflow.value} onChanged={reconnect}>
      <WorkflowDetailView workflow={workflow.value} live={live} />
    </WorkflowActionsProvider>
  );
}
