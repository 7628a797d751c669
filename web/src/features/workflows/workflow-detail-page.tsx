import { useCallback, useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useWorkflow } from '../../api/use-workflow.ts';
import { useWorkflowEvents } from '../../api/workflow-events.ts';
import type { WorkflowChange } from '../../lib/live-rows.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { WorkflowActionsProvider } from './actions/workflow-actions-provider.tsx';
import { WorkflowDetailView } from './workflow-detail-view.tsx';

/** `/workflows/:namespace/:name`: one workflow, read as the user. */
export function WorkflowDetailPage() {
  const { namespace = '', name = '' } = useParams();
  const { workflow, reload, refresh } = useWorkflow(namespace, name);
  useDocumentTitle(name);
  // The stream's rows carry the summary, not the nodes: a change reads the cached workflow again (its
  // summary is not patched from the row alone, so summary and graph never disagree), at most once a
  // second for a running workflow that changes often.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshSoon = useCallback(() => {
    if (pending.current !== null) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      refresh();
    }, 1000);
  }, [refresh]);
  useEffect(
    () => () => {
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = null;
    },
    [namespace, name],
  );
  const onChange = useCallback(
    (change: WorkflowChange) => {
      const ref = change.type === 'upsert' ? change.row : change.ref;
      if (ref.namespace === namespace && ref.name === name) refreshSoon();
    },
    [namespace, name, refreshSoon],
  );
  // Opened once the workflow is readable (a 404 stream would only repeat the not-found page).
  const live = useWorkflowEvents({
    namespace,
    lastEventId: workflow.state === 'ready' ? undefined : null,
    onChange,
    onReset: refreshSoon,
  });
  // The stream starts after the workflow was read: a change in between would be missed, so a workflow
  // still running is read once more when the stream is live.
  const running =
    workflow.state === 'ready' &&
    (workflow.value.row.phase === 'Running' || workflow.value.row.phase === 'Pending');
  useEffect(() => {
    if (live === 'live' && running) refreshSoon();
  }, [live, running, refreshSoon]);
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
  return (
    // Keyed by workflow: another workflow's page (after a resubmit) starts with no dialog or outcome.
    <WorkflowActionsProvider key={`${namespace}/${name}`} workflow={workflow.value} onChanged={refresh}>
      <WorkflowDetailView workflow={workflow.value} live={live} />
    </WorkflowActionsProvider>
  );
}
