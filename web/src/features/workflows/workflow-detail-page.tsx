import { Link, useParams } from 'react-router';
import { useWorkflow } from '../../api/use-workflow.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { WorkflowDetailView } from './workflow-detail-view.tsx';

/** `/workflows/:namespace/:name`: one workflow, read as the user. */
export function WorkflowDetailPage() {
  const { namespace = '', name = '' } = useParams();
  const { workflow, reload } = useWorkflow(namespace, name);
  useDocumentTitle(name);
  if (workflow.state === 'loading') return <LoadingState label={`Loading ${name}…`} />;
  if (workflow.state === 'failed') {
    // A workflow that does not exist and one the user may not read look the same.
    if (workflow.error.body.status === 404) {
      return (
        <section className="not-found">
          <h1>Workflow not found</h1>
          <p>
            There is no workflow <span className="mono">{name}</span> in namespace{' '}
            <span className="mono">{namespace}</span>, or none of your groups gives you access to it.
          </p>
          <p>
            <Link className="button" to="/workflows">
              Go to your workflows
            </Link>
          </p>
        </section>
      );
    }
    return <ErrorPanel title={`${name} could not be loaded`} error={workflow.error.body} onRetry={reload} />;
  }
  return <WorkflowDetailView workflow={workflow.value} />;
}
