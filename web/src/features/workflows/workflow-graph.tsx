import type { WorkflowNode } from '@argovue/api-types';
import { graphShapeOf, nodePositions } from '@argovue/api-types/workflow-deltas';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { VirtualTable } from '../../components/virtual-table.tsx';
import { WorkflowPhaseBadge } from '../../components/workflow-phase-badge.tsx';
import { formatElapsed } from '../../lib/duration-format.ts';
import { retryKey } from '../../lib/graph-items.ts';
import { sceneItem } from '../../lib/graph-scene.ts';
import { nodeNamesOf, revealStep } from '../../lib/graph-search.ts';
import { type GraphFocus, GraphCanvas } from './graph/graph-canvas.tsx';
import { GraphSearchBox } from './graph/graph-search-box.tsx';
import { RetryAttempts } from './graph/retry-attempts.tsx';
import { useGraphScene } from './graph/use-graph-scene.ts';
import './graph/graph.css';
import { NodeLogs } from './node-logs.tsx';
import { NodePanel } from './node-panel.tsx';
import './workflow-graph.css';

/** Must match `.virtual-table tbody tr` in components/virtual-table.css. */
const NODE_ROW_HEIGHT = 40;

/** A node to show: expand what hides it, then centre it (and select it, for a search or the table). */
interface Reveal {
  id: string;
  select: boolean;
  seq: number;
}

/**
 * The nodes as a graph (grouped and laid out in a worker) and as a list of buttons, which serves keyboard
 * and screen-reader users; either opens the node's panel. Retries and wide fan-outs are folded until
 * expanded; the search box and the table reach every node.
 */
export function WorkflowGraph({
  namespace,
  workflowName,
  nodes,
  now,
  logs = true,
}: {
  namespace: string;
  workflowName: string;
  nodes: WorkflowNode[];
  now: Date;
  /** Whether a pod node's log can be read (not for a run from the archive: its pods are gone). */
  logs?: boolean;
}) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const [focus, setFocus] = useState<GraphFocus | null>(null);
  const { scene, sceneNodes, pending, error, layouts } = useGraphScene(nodes, expanded, workflowName);
  // Node places by id, kept with the list and handed on by each delta that moves no node: a running
  // workflow's update of phases remakes none of its 20,000 entries.
  const indexById = nodePositions(nodes);
  // The scene numbers the nodes it was laid out for; during a live update those are older than `nodes`.
  const sceneIndexById = nodePositions(sceneNodes);
  const shape = graphShapeOf(nodes);
  // What the search reads, made again only when the graph's shape (ids, names) changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `shape` stands for the nodes' ids and names
  const names = useMemo(() => nodeNamesOf(nodes), [shape]);
  const selectedIndex = selectedId === null ? undefined : indexById.get(selectedId);
  const selected = selectedIndex === undefined ? undefined : nodes[selectedIndex];
  const selectedInScene = selectedId === null ? undefined : sceneIndexById.get(selectedId);
  const selectedItem =
    selectedInScene === undefined || scene === null ? -1 : (scene.shownBy[selectedInScene] ?? -1);
  const openIn =
    selectedItem >= 0 && !pending
      ? ((scene === null ? undefined : sceneItem(scene, selectedItem))?.openIn ?? null)
      : null;

  const revealNode = useCallback((id: string, select = true) => {
    setReveal((previous) => ({ id, select, seq: (previous?.seq ?? 0) + 1 }));
  }, []);
  const toggle = useCallback((key: string) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);

  // One step per layout: expand what hides the node, wait for the worker, look again.
  useEffect(() => {
    if (reveal === null || scene === null || pending) return;
    const step = revealStep(scene, sceneIndexById.get(reveal.id) ?? -1, expanded);
    if (step.kind === 'expand') {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- each step answers the worker's latest layout (an external system): expand, wait for the next layout, look again
      setExpanded((previous) => new Set(previous).add(step.key));
      return;
    }
    if (step.kind === 'shown') {
      if (reveal.select) setSelectedId(reveal.id);
      setFocus({ item: step.item, seq: reveal.seq });
    }
    setReveal(null);
  }, [reveal, scene, pending, expanded, sceneIndexById]);

  const onItemClick = useCallback(
    (i: number) => {
      const item = scene === null ? undefined : sceneItem(scene, i);
      if (item === undefined) setSelectedId(null);
      else if (item.kind === 'group') {
        toggle(item.key);
        const first = sceneNodes[item.parent]?.children[0];
        if (first !== undefined) revealNode(first, false);
      } else setSelectedId(sceneNodes[item.node]?.id ?? null);
    },
    [scene, sceneNodes, toggle, revealNode],
  );

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
              onClick={() => revealNode(node.id)}
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
    [nodes, selectedId, now, revealNode],
  );

  const attempts = useMemo(
    () =>
      selected?.type === 'Retry'
        ? selected.children.flatMap((id) => {
            const i = indexById.get(id);
            return i === undefined ? [] : [nodes[i] as WorkflowNode];
          })
        : [],
    [selected, indexById, nodes],
  );

  if (nodes.length === 0) return <p className="muted">This workflow has no nodes yet.</p>;
  const count = nodes.length.toLocaleString('en-US');
  return (
    <>
      <div className={selected === undefined ? 'graph-area' : 'graph-area with-panel'}>
        <GraphCanvas
          scene={scene}
          pending={pending}
          layouts={layouts}
          nodes={sceneNodes}
          selectedItem={selectedItem}
          onItemClick={onItemClick}
          focus={focus}
          now={now}
          progress={
            error === null ? `Laying out ${count} nodes…` : `The graph could not be laid out: ${error}`
          }
          label={`Graph of ${count} nodes (wide fan-outs and retries folded); the table of nodes below lists every node`}
          toolbar={
            <>
              <GraphSearchBox nodes={names} onReveal={revealNode} />
              {openIn !== null && (
                <button type="button" className="button" onClick={() => toggle(openIn)}>
                  {openIn.startsWith('retry:') ? 'Fold the attempts' : 'Collapse the group'}
                </button>
              )}
              {expanded.size > 0 && (
                <button type="button" className="button" onClick={() => setExpanded(new Set())}>
                  Collapse all
                </button>
              )}
            </>
          }
        />
        {selected !== undefined && (
          <NodePanel node={selected} now={now} onClose={() => setSelectedId(null)} />
        )}
      </div>
      {selected?.type === 'Retry' && (
        <RetryAttempts
          retry={selected}
          attempts={attempts}
          expanded={expanded.has(retryKey(selected.id))}
          onToggle={() => toggle(retryKey(selected.id))}
          onOpen={(id) => revealNode(id)}
          now={now}
        />
      )}
      {logs && selected?.type === 'Pod' && (
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
