// From a workflow's nodes to what the layout and the canvas need: ids, parent → child edges, and the
// size each node is drawn at (group nodes are only junctions, drawn small).
import type { WorkflowNode } from '@argovue/api-types';
import { type Layout, type LayoutInput, defaultLayoutOptions } from './graph-layout.ts';
import type { HitBox } from './graph-view.ts';

const SMALL_TYPES = new Set(['StepGroup', 'TaskGroup']);
export const SMALL_NODE_SIZE = 16;

export function isSmallNode(node: Pick<WorkflowNode, 'type'>): boolean {
  return SMALL_TYPES.has(node.type);
}

/** Ids in the status's order; an edge per child that is itself a node (others are ignored). */
export function layoutInputFromNodes(nodes: readonly WorkflowNode[]): LayoutInput {
  const ids = new Set(nodes.map((n) => n.id));
  const edges: [string, string][] = [];
  for (const node of nodes) {
    for (const child of node.children) if (ids.has(child)) edges.push([node.id, child]);
  }
  return { nodes: nodes.map((n) => n.id), edges };
}

/** The box each placed node is drawn in and clicked by. */
export function hitBoxes(layout: Layout, nodes: readonly WorkflowNode[]): HitBox[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return layout.nodes.map((p) => {
    const node = byId.get(p.id);
    const small = node !== undefined && isSmallNode(node);
    return {
      id: p.id,
      x: p.x,
      y: p.y,
      width: small ? SMALL_NODE_SIZE : defaultLayoutOptions.nodeWidth,
      height: small ? SMALL_NODE_SIZE : defaultLayoutOptions.nodeHeight,
    };
  });
}
