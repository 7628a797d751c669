import { useParams } from 'react-router';
import { useArchivedWorkflow } from '../../api/use-archived-workflow.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { WorkflowActionsProvider } from './actions/workflow-actions-provider.tsx';
import { WorkflowDetailView } from './workflow-detail-view.tsx';
import { WorkflowNotFound } from './workflow-not-found.tsx';

/** `/archived-workflows/:namespace/:uid`: a run from Argo's workflow archive, read as the user. */
export function ArchivedWorkflowPage() {
  const { namespace = '', uid = '' } = useParams();
  const { workflow, reload } = useArchivedWorkflow(namespace, uid);
  useDocumentTitle(workflow.state === 'ready' ? workflow.value.row.name : 'Archived workflow');
  if (workflow.state === 'loading') return <LoadingState label="Loading the archived workflow…" />;
  if (workflow.state === 'failed') {
    // A run that is not in the archive and one the user may not read look the same.
    if (workflow.error.body.status === 404) {
      return (
        <WorkflowNotFound>
          The workflow archive has no run <span className="mono">{uid}</span> in namespace{' '}
          <span className="mono">{namespace}</span>
        </WorkflowNotFound>
      );
    }
    return (
      <ErrorPanel
        title="The archived workflow could not be loaded"
        error={workflow.error.body}
        onRetry={reload}
      />
    );
  }
  return (
    // Nothing changes an archived run: after a resubmit the page of the new workflow opens.
    <WorkflowActionsProvider key={`${namespace}/${uid}`} workflow={workflow.value} onChanged={reload}>
      <WorkflowDetailView workflow={workflow.value} live="off" />
    </WorkflowActionsProvider>
  );
}
