// The scene of a workflow's graph, computed by the layout worker. `pending` is derived from what the
// scene was computed for, so it is true in the very render that changes the nodes or the expanded
// set (no frame where an old scene passes for the new one). Nodes of the same shape with other phases
// (a running workflow's update that added or removed no node) are not laid out again: the scene is
// kept and its phase counts changed here by the nodes that changed (sceneWithPhaseChanges), in the
// same render.
import type { WorkflowNode } from '@argovue/api-types';
import { changedPlaces, sameGraphShape } from '@argovue/api-types/workflow-deltas';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type CollapseNode, FAN_OUT_THRESHOLD } from '../../../lib/graph-items.ts';
import { sceneWithPhaseChanges } from '../../../lib/graph-scene-phases.ts';
import type { GraphScene } from '../../../lib/graph-scene.ts';
import type { LayoutReply, LayoutRequest } from './layout-protocol.ts';

interface Computed {
  scene: GraphScene;
  nodes: readonly WorkflowNode[];
  expanded: ReadonlySet<string>;
  /** The nodes the worker held (their phases made the scene's counts): maybe older, of the same shape. */
  workerNodes: readonly WorkflowNode[];
}

/**
 * The scene last shown for a layout and its nodes: the next update of phases counts again only the
 * nodes that differ from these (a cache; any same-shape nodes give the same scene from it).
 */
const lastShown = new WeakMap<Computed, { scene: GraphScene; nodes: readonly WorkflowNode[] }>();
function withPhasesOf(computed: Computed, nodes: readonly WorkflowNode[]): GraphScene {
  const from = lastShown.get(computed) ?? { scene: computed.scene, nodes: computed.workerNodes };
  const scene = sceneWithPhaseChanges(from.scene, from.nodes, nodes, changedPlaces(from.nodes, nodes));
  lastShown.set(computed, { scene, nodes });
  return scene;
}

export interface GraphSceneState {
  /** The newest scene, possibly for older nodes or expansions while `pending`. */
  scene: GraphScene | null;
  /** The nodes the scene was computed for: its node numbers index these, not newer ones. */
  sceneNodes: readonly WorkflowNode[];
  pending: boolean;
  error: string | null;
  /** Scenes laid out so far (a phase-only update lays nothing out), for tests and benchmarks. */
  layouts: number;
}

/** Only what the grouping and layout read goes to the worker (less to copy). */
const slim = (node: WorkflowNode): CollapseNode => ({
  id: node.id,
  name: node.name,
  displayName: node.displayName,
  type: node.type,
  phase: node.phase,
  children: node.children,
  ...(node.templateName === undefined ? {} : { templateName: node.templateName }),
});

const noNodes: readonly WorkflowNode[] = [];

export function useGraphScene(
  nodes: readonly WorkflowNode[],
  expanded: ReadonlySet<string>,
  workflowName: string,
): GraphSceneState {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const requests = useRef(
    new Map<
      number,
      {
        nodes: readonly WorkflowNode[];
        expanded: ReadonlySet<string>;
        workerNodes: readonly WorkflowNode[];
      }
    >(),
  );
  const sent = useRef<{ expanded: ReadonlySet<string>; workflowName: string } | null>(null);
  const sentNodes = useRef<readonly WorkflowNode[] | null>(null);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [layouts, setLayouts] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const w = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    sentNodes.current = null;
    sent.current = null;
    w.onmessage = (event: MessageEvent<LayoutReply>) => {
      const reply = event.data;
      const request = requests.current.get(reply.seq);
      if (request === undefined || reply.seq !== seq.current) return; // overtaken by a newer request
      requests.current.clear();
      if (reply.type === 'scene') {
        setError(null);
        setComputed({ scene: reply.scene, ...request });
        setLayouts((n) => n + 1);
      } else setError(reply.message);
    };
    w.onerror = (event) => setError(event.message || 'the layout worker failed');
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    const w = worker.current;
    if (w === null) return;
    // Only phases changed: no layout (the render below keeps the scene and counts them again).
    if (
      sent.current?.expanded === expanded &&
      sent.current.workflowName === workflowName &&
      sentNodes.current !== null &&
      sameGraphShape(sentNodes.current, nodes)
    )
      return;
    sent.current = { expanded, workflowName };
    const next = ++seq.current;
    const request: LayoutRequest = {
      seq: next,
      expanded: [...expanded],
      workflowName,
      fanOutThreshold: FAN_OUT_THRESHOLD,
    };
    if (sentNodes.current !== nodes) {
      request.nodes = nodes.map(slim);
      sentNodes.current = nodes;
    }
    requests.current.set(next, { nodes, expanded, workerNodes: sentNodes.current });
    w.postMessage(request);
  }, [nodes, expanded, workflowName]);

  // The computed scene, for these nodes when they have its shape (their phases counted again).
  const shown = useMemo(() => {
    if (computed === null) return null;
    const current =
      computed.expanded === expanded && (computed.nodes === nodes || sameGraphShape(computed.nodes, nodes));
    if (!current) return { scene: computed.scene, nodes: computed.nodes, pending: true };
    const scene = computed.workerNodes === nodes ? computed.scene : withPhasesOf(computed, nodes);
    return { scene, nodes, pending: false };
  }, [computed, nodes, expanded]);

  return {
    scene: shown?.scene ?? null,
    sceneNodes: shown?.nodes ?? noNodes,
    pending: shown?.pending ?? true,
    error,
    layouts,
  };
}
