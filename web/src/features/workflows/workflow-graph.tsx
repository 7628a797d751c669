import type { WorkflowNode } from '@argovue/api-types';
import { useCallback, useMemo, useState } from 'react';
import { VirtualTable } from '../../components/virtual-table.tsx';
import { WorkflowGraphCanvas } from '../../components/workflow-graph-canvas.tsx';
import { WorkflowPhaseBadge } from '../../components/workflow-phase-badge.tsx';
import { formatElapsed } from '../../lib/duration-format.ts';
import { layoutGraph } from '../../lib/graph-layout.ts';
import { hitBoxes, layoutInputFromNodes } from '../../lib/workflow-graph-input.ts';
import { NodeLogs } from './node-logs.tsx';
import { NodePanel } from './node-panel.tsx';

/** Must match `.node-table tbody tr` in app.css. */
const NODE_ROW_HEIGHT = 40;

/**
 * The nodes as a graph (laid out once per set of nodes) and as a list of buttons, which serves keyboard
 * and screen-reader users; either opens the node's panel.
 */
export function WorkflowGraph({
  namespace,
  workflowName,
  nodes,
  now,
}: {
  namespace: string;
  workflowName: string;
  nodes: WorkflowNode[];
  now: Date;
}) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const layout = useMemo(() => layoutGraph(layoutInputFromNodes(nodes)), [nodes]);
  const boxes = useMemo(() => hitBoxes(layout, nodes), [layout, nodes]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const selected = selectedId === null ? undefined : byId.get(selectedId);

  const renderRow = useCallback(
    (index: number) => {
      const node = nodes[index];
      if (node === undefined) return null;
      return (
        <tr
          key={node.id}
          aria-rowindex={index + 2}
          className={node.id === selectedId ? 'selected' : undefined}
        >
          <td>
            <button
              type="button"
              className="link-button"
              aria-pressed={node.id === selectedId}
              onClick={() => setSelectedId(node.id)}
            >
              {node.displayName}
            </button>
          </td>
          <td>
            <WorkflowPhaseBadge phase={node.phase} />
          </td>
          <td>{node.type}</td>
          <td className="mono">{node.templateName ?? '—'}</td>
          <td className="numeric">{formatElapsed(node.startedAt, node.finishedAt, now)}</td>
        </tr>
      );
    },
    [nodes, selectedId, now],
  );

  if (nodes.length === 0) return <p className="muted">This workflow has no nodes yet.</p>;
  return (
    <>
      <div className={selected === undefined ? 'graph-area' : 'graph-area with-panel'}>
        <WorkflowGraphCanvas
          layout={layout}
          boxes={boxes}
          nodes={byId}
          selectedId={selectedId}
          onSelect={setSelectedId}
          label={`Graph of ${nodes.length} nodes; the table of nodes below lists the same`}
        />
        {selected !== undefined && (
          <NodePanel node={selected} now={now} onClose={() => setSelectedId(null)} />
        )}
      </div>
      {selected?.type === 'Pod' && (
        // Keyed by node: another node's log is a new stream, and the old one is cancelled.
        <NodeLogs key={selected.id} namespace={namespace} workflowName={workflowName} node={selected} />
      )}
      <h3>Nodes</h3>
      <VirtualTable
        label="Nodes"
        className="node-table"
        columnCount={5}
        rowCount={nodes.length}
        rowHeight={NODE_ROW_HEIGHT}
        renderRow={renderRow}
        head={
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Node</th>
              <th scope="col" className="col-phase">
                Phase
              </th>
              <th scope="col">Type</th>
              <th scope="col">Template</th>
              <th scope="col" className="numeric">
                Duration
              </th>
            </tr>
          </thead>
        }
      />
    </>
  );
}
