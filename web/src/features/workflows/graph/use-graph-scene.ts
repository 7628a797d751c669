// The scene of a workflow's graph, computed by the layout worker. `pending` is derived from what the
// scene was computed for, so it is true in the very render that changes the nodes or the expanded
// set (no frame where an old scene passes for the new one).
import type { WorkflowNode } from '@argovue/api-types';
import { useEffect, useRef, useState } from 'react';
import { type CollapseNode, FAN_OUT_THRESHOLD } from '../../../lib/graph-collapse.ts';
import type { GraphScene } from '../../../lib/graph-scene.ts';
import type { LayoutReply, LayoutRequest } from './layout-protocol.ts';

interface Computed {
  scene: GraphScene;
  nodes: readonly WorkflowNode[];
  expanded: ReadonlySet<string>;
}

export interface GraphSceneState {
  /** The newest scene, possibly for older nodes or expansions while `pending`. */
  scene: GraphScene | null;
  /** The nodes the scene was computed for: its node numbers index these, not newer ones. */
  sceneNodes: readonly WorkflowNode[];
  pending: boolean;
  error: string | null;
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
    new Map<number, { nodes: readonly WorkflowNode[]; expanded: ReadonlySet<string> }>(),
  );
  const sentNodes = useRef<readonly WorkflowNode[] | null>(null);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const w = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    sentNodes.current = null;
    w.onmessage = (event: MessageEvent<LayoutReply>) => {
      const reply = event.data;
      const request = requests.current.get(reply.seq);
      if (request === undefined || reply.seq !== seq.current) return; // overtaken by a newer request
      requests.current.clear();
      if (reply.type === 'scene') {
        setError(null);
        setComputed({ scene: reply.scene, ...request });
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
    const next = ++seq.current;
    requests.current.set(next, { nodes, expanded });
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
    w.postMessage(request);
  }, [nodes, expanded, workflowName]);

  return {
    scene: computed?.scene ?? null,
    sceneNodes: computed?.nodes ?? noNodes,
    pending: computed === null || computed.nodes !== nodes || computed.expanded !== expanded,
    error,
  };
}
