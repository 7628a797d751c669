import { useWorkflowKubeEvents } from '../../api/use-workflow-reads.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { KubeEventsTable } from '../../components/kube-events-table.tsx';

/** The Events tab: the workflow's and its pods' Kubernetes events, read again on every live change. */
export function WorkflowEventsTab({
  namespace,
  name,
  version,
  now,
}: {
  namespace: string;
  name: string;
  version: string;
  now: Date;
}) {
  const { events, refresh } = useWorkflowKubeEvents(namespace, name, version);
  return (
    <div className="workflow-events">
      <div className="panel-actions">
        <p className="muted small">
          Kubernetes events of the workflow and its pods, newest first. Kubernetes keeps events for about an
          hour.
        </p>
        <button type="button" className="button" onClick={refresh}>
          Refresh events
        </button>
      </div>
      {events.state === 'loading' && <p className="muted">Loading events…</p>}
      {events.state === 'failed' && (
        <ErrorPanel title="The events could not be read" error={events.error.body} onRetry={refresh} />
      )}
      {events.state === 'ready' && (
        <>
          {events.value.notice !== undefined && <p className="hint">{events.value.notice}</p>}
          <KubeEventsTable label={`Events of ${name}`} events={events.value.items} now={now} />
        </>
      )}
    </div>
  );
}
