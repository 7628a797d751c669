import type { WorkflowNode } from '@argovue/api-types';
import { useEffect, useRef } from 'react';
import { RelativeTime } from '../../components/relative-time.tsx';
import { WorkflowPhaseBadge } from '../../components/workflow-phase-badge.tsx';
import { formatElapsed } from '../../lib/duration-format.ts';
import { parseApiTime } from '../../lib/relative-time.ts';
import { RetryFromNodeButton } from './actions/retry-from-node-button.tsx';
import { NodeDetails } from './node-details.tsx';
import { useWorkflowPage } from './workflow-page-context.ts';
import './workflow-graph.css';

function Time({ iso, now }: { iso: string | undefined; now: Date }) {
  const time = iso === undefined ? null : parseApiTime(iso);
  return time === null ? <span className="muted">—</span> : <RelativeTime time={time} now={now} />;
}

/**
 * One node's fields, beside the graph, and — on a workflow's page — its inputs, outputs, pod and events;
 * Escape or the close button closes it.
 */
export function NodePanel({ node, now, onClose }: { node: WorkflowNode; now: Date; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const page = useWorkflowPage();
  useEffect(() => heading.current?.focus(), [node.id]);
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape pressed on any control inside the panel bubbles here and closes it; the panel itself takes no input
    <aside
      className="node-panel panel"
      aria-labelledby="node-panel-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="node-panel-head">
        <h2 id="node-panel-title" ref={heading} tabIndex={-1}>
          {node.displayName}
        </h2>
        <button type="button" className="button" onClick={onClose} aria-label="Close node details">
          ✕
        </button>
      </div>
      <dl className="facts">
        <dt>Phase</dt>
        <dd>
          <WorkflowPhaseBadge phase={node.phase} />
        </dd>
        <dt>Type</dt>
        <dd>{node.type}</dd>
        <dt>Template</dt>
        <dd className="mono">{node.templateName ?? '—'}</dd>
        <dt>Started</dt>
        <dd>
          <Time iso={node.startedAt} now={now} />
        </dd>
        <dt>Finished</dt>
        <dd>
          <Time iso={node.finishedAt} now={now} />
        </dd>
        <dt>Duration</dt>
        <dd>{formatElapsed(node.startedAt, node.finishedAt, now)}</dd>
        <dt>Full name</dt>
        <dd className="mono">{node.name}</dd>
      </dl>
      {node.message !== undefined && node.message !== '' && (
        <p className="node-message">
          <strong>Message:</strong> {node.message}
        </p>
      )}
      <RetryFromNodeButton node={node} />
      {/* Keyed by node: another node's reads start afresh rather than showing the last node's meanwhile. */}
      {page !== null && <NodeDetails key={node.id} page={page} node={node} now={now} />}
    </aside>
  );
}
