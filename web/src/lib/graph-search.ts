// Finding nodes by name, and revealing one that a collapsed retry or fan-out group hides: every node
// of a 20,000-node workflow stays reachable from the search box. Pure.
import type { WorkflowNode } from '@argovue/api-types';
import { type GraphScene, sceneItem } from './graph-scene.ts';

export type SearchableNode = Pick<WorkflowNode, 'id' | 'displayName' | 'name'>;

/**
 * What a search reads of the nodes, by place: their ids and names, which only a change of the graph's
 * shape changes (a running workflow's update of phases keeps it, and the search box with it).
 */
export interface NodeNames {
  ids: readonly string[];
  displayNames: readonly string[];
  names: readonly string[];
}

export function nodeNamesOf(nodes: readonly SearchableNode[]): NodeNames {
  return {
    ids: nodes.map((n) => n.id),
    displayNames: nodes.map((n) => n.displayName),
    names: nodes.map((n) => n.name),
  };
}

/** Places of the nodes whose display name (or full name) holds `query`, case-insensitively. */
export function findNodes(nodes: NodeNames, query: string): number[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const byDisplayName: number[] = [];
  const byName: number[] = [];
  nodes.displayNames.forEach((displayName, i) => {
    if (displayName.toLowerCase().includes(needle)) byDisplayName.push(i);
    else if (nodes.names[i]?.toLowerCase().includes(needle)) byName.push(i);
  });
  // What the user sees on the nodes first; matches only in the full name after.
  return [...byDisplayName, ...byName];
}

export type RevealStep =
  /** The node is an item of its own: centre and select it. */
  | { kind: 'shown'; item: number }
  /** Expand this retry or group, lay out again, and ask again (a group may hold another). */
  | { kind: 'expand'; key: string }
  /** The node is not in the graph, or expanding did not show it. */
  | { kind: 'missing' };

export function revealStep(scene: GraphScene, node: number, expanded: ReadonlySet<string>): RevealStep {
  const index = scene.shownBy[node] ?? -1;
  const item = sceneItem(scene, index);
  if (item === undefined) return { kind: 'missing' };
  if (item.kind === 'group' || (item.kind === 'retry' && item.node !== node)) {
    return expanded.has(item.key) ? { kind: 'missing' } : { kind: 'expand', key: item.key };
  }
  return item.node === node ? { kind: 'shown', item: index } : { kind: 'missing' };
}
