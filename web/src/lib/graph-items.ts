// What the workflow graph is drawn from: the nodes it takes, the items and edges collapseGraph
// (graph-collapse.ts) makes of them, and the keys that name an expanded retry or group.
import type { NodePhase, WorkflowNode } from '@argovue/api-types';

export type CollapseNode = Pick<
  WorkflowNode,
  'id' | 'name' | 'displayName' | 'type' | 'phase' | 'children' | 'templateName'
>;

export interface CollapseOptions {
  /** A node with more children than this shows them as one group. */
  fanOutThreshold: number;
  /** Keys (retryKey / groupKey) the user expanded. */
  expanded: ReadonlySet<string>;
  /** Names the exit handler node (`<workflowName>.onExit`). */
  workflowName?: string | undefined;
}

export const FAN_OUT_THRESHOLD = 20;
export const retryKey = (nodeId: string): string => `retry:${nodeId}`;
export const groupKey = (parentId: string): string => `group:${parentId}`;

export type PhaseCounts = Partial<Record<NodePhase, number>>;

interface ItemBase {
  /** The node's id, or `group:<parent id>`. */
  id: string;
  /** Part of the exit handler. */
  exit: boolean;
  /** The key of the expanded retry or group this item is one of, to collapse it again. */
  openIn: string | null;
}
export type GraphItem =
  | (ItemBase & { kind: 'node' | 'junction'; node: number })
  | (ItemBase & {
      kind: 'retry';
      node: number;
      key: string;
      expanded: boolean;
      attempts: number;
      /** The phase of the last attempt. */
      lastPhase: NodePhase | null;
    })
  | (ItemBase & {
      kind: 'group';
      key: string;
      /** The node whose children the group holds. */
      parent: number;
      /** The parent's children shown by the group. */
      members: number;
      /** Every node the group hides (members, their own descendants and attempts). */
      hidden: number;
      /** `1,000 × process-shard`: the members' count and template (or shared name). */
      label: string;
      counts: PhaseCounts;
    });

export interface GraphEdge {
  from: number;
  to: number;
  /** Links the end of the main graph to the exit handler (drawn dashed). */
  exit: boolean;
}

export interface CollapsedGraph {
  items: GraphItem[];
  edges: GraphEdge[];
  /** For each input node, the index of the item that shows it. */
  shownBy: Int32Array;
}
