import type { WorkflowDetail } from '@argovue/api-types';
import { useState } from 'react';
import { Link } from 'react-router';
import type { LiveStatus } from '../../api/workflow-events.ts';
import { LiveIndicator } from '../../components/live-indicator.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { useNow } from '../../components/use-now.ts';
import { WorkflowPhaseBadge } from '../../components/workflow-phase-badge.tsx';
import { formatElapsed } from '../../lib/duration-format.ts';
import { parseApiTime } from '../../lib/relative-time.ts';
import { WorkflowActionBar } from './actions/workflow-action-bar.tsx';
import { WorkflowGraph } from './workflow-graph.tsx';

type Tab = 'graph' | 'object';

function Time({ iso, now }: { iso: string | undefined; now: Date }) {
  const time = iso === undefined ? null : parseApiTime(iso);
  return time === null ? <span className="muted">—</span> : <RelativeTime time={time} now={now} />;
}

/** One workflow: its header, parameters, and the graph of its nodes or its stored object. */
export function WorkflowDetailView({ workflow, live }: { workflow: WorkflowDetail; live: LiveStatus }) {
  const now = useNow(1000);
  const [tab, setTab] = useState<Tab>('graph');
  const { row } = workflow;
  return (
    <article className="workflow-detail">
      <p className="breadcrumb">
        <Link to="/workflows">Workflows</Link> /{' '}
        <Link to={`/workflows?namespace=${encodeURIComponent(row.namespace)}`}>{row.namespace}</Link>
      </p>
      <div className="workflow-title">
        <h1>{row.name}</h1>
        <WorkflowPhaseBadge phase={row.phase} />
        <LiveIndicator status={live} />
      </div>
      <WorkflowActionBar />
      {row.message !== undefined && row.message !== '' && <p className="workflow-message">{row.message}</p>}
      <dl className="facts facts-row">
        <div>
          <dt>Namespace</dt>
          <dd>{row.namespace}</dd>
        </div>
        <div>
          <dt>Template</dt>
          <dd>{row.template?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>Submitter</dt>
          <dd>{row.submitter ?? '—'}</dd>
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
      </dl>

      <h2>Parameters</h2>
      {workflow.parameters.length === 0 ? (
        <p className="muted">No parameters.</p>
      ) : (
        <table className="table parameters-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {workflow.parameters.map((p) => (
              <tr key={p.name}>
                <td className="mono">{p.name}</td>
                <td className="mono">{p.value ?? <span className="muted">(none)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="tabs" role="tablist" aria-label="Workflow views">
        <button
          type="button"
          role="tab"
          id="tab-graph"
          aria-controls="panel-graph"
          aria-selected={tab === 'graph'}
          onClick={() => setTab('graph')}
        >
          Graph
        </button>
        <button
          type="button"
          role="tab"
          id="tab-object"
          aria-controls="panel-object"
          aria-selected={tab === 'object'}
          onClick={() => setTab('object')}
        >
          Object (JSON)
        </button>
      </div>
      {tab === 'graph' ? (
        <section role="tabpanel" id="panel-graph" aria-labelledby="tab-graph">
          {workflow.nodesError !== undefined ? (
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
            />
          )}
        </section>
      ) : (
        <section role="tabpanel" id="panel-object" aria-labelledby="tab-object">
          <pre className="object-json">{JSON.stringify(workflow.object, null, 2)}</pre>
        </section>
      )}
    </article>
  );
}
