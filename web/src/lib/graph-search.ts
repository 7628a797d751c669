// Finding nodes by name, and revealing one that a collapsed retry or fan-out group hides: every node
// of a 20,000-node workflow stays reachable from the search box. Pure.
import type { WorkflowNode } from '@argovue/api-types';
import { type GraphScene, sceneItem } from './graph-scene.ts';

export type SearchableNode = Pick<WorkflowNode, 'displayName' | 'name'>;

/** Indexes of the nodes whose display name (or full name) holds `query`, case-insensitively. */
export function findNodes(nodes: readonly SearchableNode[], query: string): number[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const byDisplayName: number[] = [];
  const byName: number[] = [];
  nodes.forEach((node, i) => {
    if (node.displayName.toLowerCase().includes(needle)) byDisplayName.push(i);
    else if (node.name.toLowerCase().includes(needle)) byName.push(i);
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
