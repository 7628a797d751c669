import type { WorkflowDetail } from '@argovue/api-types';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { LiveStatus } from '../../api/workflow-events.ts';
import { LiveIndicator } from '../../components/live-indicator.tsx';
import { ObjectYaml } from '../../components/object-yaml.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { type TabItem, Tabs } from '../../components/tabs.tsx';
import { useNow } from '../../components/use-now.ts';
import { WorkflowPhaseBadge } from '../../components/workflow-phase-badge.tsx';
import { formatElapsed } from '../../lib/duration-format.ts';
import { effectiveParameters } from '../../lib/effective-parameters.ts';
import { withoutManagedFields } from '../../lib/object-for-yaml.ts';
import { parseApiTime } from '../../lib/relative-time.ts';
import { tabFromQuery } from '../../lib/tab-keys.ts';
import { WorkflowActionBar } from './actions/workflow-action-bar.tsx';
import { ParameterTable } from './node-io-tables.tsx';
import { WorkflowEventsTab } from './workflow-events-tab.tsx';
import { WorkflowGraph } from './workflow-graph.tsx';
import { WorkflowLogs } from './workflow-logs.tsx';
import { type WorkflowPage, WorkflowPageContext } from './workflow-page-context.ts';
import { TemplateLink, WorkflowSummary } from './workflow-summary.tsx';
import './workflow-detail.css';

// The views of a workflow; `?tab=` names the open one, so a link can open it (graph needs no parameter).
const TABS = [
  { id: 'graph', label: 'Graph' },
  { id: 'logs', label: 'Logs' },
  { id: 'events', label: 'Events' },
  { id: 'yaml', label: 'YAML' },
] as const satisfies readonly TabItem<string>[];
type Tab = (typeof TABS)[number]['id'];
const TAB_IDS: readonly Tab[] = TABS.map((t) => t.id);
// A run from the archive has no pods and no events left in the cluster: its graph and object only.
const ARCHIVED_TABS = TABS.filter((t) => t.id === 'graph' || t.id === 'yaml');
const ARCHIVED_TAB_IDS: readonly Tab[] = ARCHIVED_TABS.map((t) => t.id);

function Time({ iso, now }: { iso: string | undefined; now: Date }) {
  const time = iso === undefined ? null : parseApiTime(iso);
  return time === null ? <span className="muted">—</span> : <RelativeTime time={time} now={now} />;
}

/** The object's resourceVersion: it changes with every update of the workflow. */
function resourceVersionOf(object: unknown): string {
  if (typeof object !== 'object' || object === null || !('metadata' in object)) return '';
  const { metadata } = object;
  if (typeof metadata !== 'object' || metadata === null || !('resourceVersion' in metadata)) return '';
  return typeof metadata.resourceVersion === 'string' ? metadata.resourceVersion : '';
}

/** One workflow: its header, summary, and tabs for the graph of its nodes, its events and its YAML. */
export function WorkflowDetailView({ workflow, live }: { workflow: WorkflowDetail; live: LiveStatus }) {
  const now = useNow(1000);
  const [params, setParams] = useSearchParams();
  const { row } = workflow;
  const archived = row.archivedUid !== undefined;
  const tab = tabFromQuery(params.get('tab'), archived ? ARCHIVED_TAB_IDS : TAB_IDS, 'graph');
  const selectTab = (id: Tab) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id === 'graph') next.delete('tab');
        else next.set('tab', id);
        return next;
      },
      { replace: true },
    );
  const version = resourceVersionOf(workflow.object);
  const yamlObject = useMemo(() => withoutManagedFields(workflow.object), [workflow.object]);
  const parameters = useMemo(
    () => effectiveParameters(workflow.parameters, workflow.object),
    [workflow.parameters, workflow.object],
  );
  const page = useMemo<WorkflowPage>(
    () => ({ namespace: row.namespace, name: row.name, version }),
    [row.namespace, row.name, version],
  );
  return (
    // Parts that read more about the workflow (a node's pod, events, logs) read the live one: not here.
    <WorkflowPageContext value={archived ? null : page}>
      <article className="workflow-detail">
        <p className="breadcrumb">
          <Link to="/workflows">Workflows</Link> /{' '}
          <Link to={`/workflows?namespace=${encodeURIComponent(row.namespace)}`}>{row.namespace}</Link>
        </p>
        <div className="workflow-title">
          <h1>{row.name}</h1>
          <WorkflowPhaseBadge phase={row.phase} />
          {archived ? (
            <span className="badge badge-muted" data-archived="true">
              Archived
            </span>
          ) : (
            <LiveIndicator status={live} />
          )}
        </div>
        {archived && (
          <p className="muted">
            From the workflow archive: this run is no longer in the cluster, and its pods, logs and events
            went with it.
          </p>
        )}
        <WorkflowActionBar />
        {row.message !== undefined && row.message !== '' && <p className="workflow-message">{row.message}</p>}
        <dl className="facts facts-row">
          <div>
            <dt>Namespace</dt>
            <dd>{row.namespace}</dd>
          </div>
          <div>
            <dt>Template</dt>
            <dd>
              <TemplateLink template={row.template} namespace={row.namespace} />
            </dd>
          </div>
          <div>
            <dt>Submitter</dt>
            <dd>{row.submitter ?? '—'}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>
              <Time iso={row.createdAt} now={now} />
            </dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>
              <Time iso={row.startedAt} now={now} />
            </dd>
          </div>
          <div>
            <dt>Finished</dt>
            <dd>
              <Time iso={row.finishedAt} now={now} />
            </dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{formatElapsed(row.startedAt, row.finishedAt, now)}</dd>
          </div>
          <div>
            <dt>Progress</dt>
            <dd>{row.progress === undefined ? '—' : `${row.progress.done}/${row.progress.total}`}</dd>
          </div>
          {workflow.entrypoint !== undefined && (
            <div>
              <dt>Entrypoint</dt>
              <dd className="mono">{workflow.entrypoint}</dd>
            </div>
          )}
        </dl>

        <h2>Parameters</h2>
        {parameters.length === 0 ? (
          <p className="muted">No parameters.</p>
        ) : (
          <ParameterTable label="Parameters" parameters={parameters} />
        )}
        <WorkflowSummary workflow={workflow} />

        <Tabs
          label="Workflow views"
          idPrefix="workflow"
          tabs={archived ? ARCHIVED_TABS : TABS}
          selected={tab}
          onSelect={selectTab}
        >
          {tab === 'graph' &&
            (workflow.nodesError !== undefined ? (
              <div className="panel panel-error" role="alert">
                <h3>The graph could not be drawn</h3>
                <p>{workflow.nodesError}</p>
              </div>
            ) : (
              <WorkflowGraph
                namespace={row.namespace}
                workflowName={row.name}
                nodes={workflow.nodes}
                now={now}
                logs={!archived}
              />
            ))}
          {tab === 'logs' && (
            <WorkflowLogs
              namespace={row.namespace}
              workflowName={row.name}
              running={row.finishedAt === undefined}
            />
          )}
          {tab === 'events' && (
            <WorkflowEventsTab namespace={row.namespace} name={row.name} version={version} now={now} />
          )}
          {tab === 'yaml' && (
            <>
              <p className="muted small">
                The object as stored, without its node map (<span className="mono">status.nodes</span>, which
                the graph shows) and, as kubectl prints it, without{' '}
                <span className="mono">metadata.managedFields</span>.
              </p>
              <ObjectYaml object={yamlObject} label={`YAML of ${row.name}`} />
            </>
          )}
        </Tabs>
      </article>
    </WorkflowPageContext>
  );
}
