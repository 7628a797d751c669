// A workflow's nodes, in either form Argo stores them: `status.nodes`, or — when the object grew past
// what etcd takes (~1.5 MB, about 5,000 nodes) — `status.compressedNodes`, the same map as
// gzip + base64. Anything else (a malformed status) is an error the caller shows, never a crash.
import { gunzipSync } from 'node:zlib';

export interface WorkflowStatusNodes {
  nodes?: unknown;
  compressedNodes?: unknown;
}

/** A raw node as Argo writes it; fields are checked where they are used. */
export type RawNode = Record<string, unknown>;

export type NodesResult = { ok: true; nodes: Map<string, RawNode> } | { ok: false; reason: string };

// 20,000 nodes of ~1 KB each inflate to ~20 MB; refuse a "gzip bomb" well past that.
const maxInflatedBytes = 256 * 1024 * 1024;

export function workflowNodes(
  status: WorkflowStatusNodes | undefined,
  limitBytes = maxInflatedBytes,
): NodesResult {
  if (status === undefined) return { ok: true, nodes: new Map() };
  let raw: unknown = status.nodes;
  if (raw === undefined && status.compressedNodes !== undefined) {
    if (typeof status.compressedNodes !== 'string')
      return { ok: false, reason: 'status.compressedNodes is not a string' };
    try {
      const inflated = gunzipSync(Buffer.from(status.compressedNodes, 'base64'), {
        maxOutputLength: limitBytes,
      });
      raw = JSON.parse(inflated.toString('utf8')) as unknown;
    } catch (error) {
      return {
        ok: false,
        reason: `status.compressedNodes cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  if (raw === undefined || raw === null) return { ok: true, nodes: new Map() };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, reason: 'status.nodes is not a map of nodes' };
  const nodes = new Map<string, RawNode>();
  for (const [id, node] of Object.entries(raw)) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      return { ok: false, reason: `node ${id.slice(0, 100)} is not an object` };
    }
    nodes.set(id, node as RawNode);
  }
  return { ok: true, nodes };
}

/**
 * Why a node map is not a graph the actions can work on — a child that names no node, or children
 * that lead back to themselves (a malformed status) — or undefined when it is one. Retry and memoized
 * resubmit walk the graph up and down; on a cycle they would never stop.
 */
export function nodeGraphProblem(nodes: ReadonlyMap<string, RawNode>): string | undefined {
  const childrenOf = (id: string): unknown[] => {
    const children = nodes.get(id)?.['children'];
    return Array.isArray(children) ? children : [];
  };
  for (const [id] of nodes) {
    for (const child of childrenOf(id)) {
      if (typeof child !== 'string' || !nodes.has(child))
        return `node ${id.slice(0, 100)} names a child ${String(child).slice(0, 100)} that does not exist`;
    }
  }
  // Depth-first, without recursion (a chain of 20,000 nodes must not overflow the stack).
  const state = new Map<string, 'open' | 'done'>();
  for (const [start] of nodes) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const children = childrenOf(top.id) as string[];
      if (top.next >= children.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const child = children[top.next++] as string;
      const seen = state.get(child);
      if (seen === 'open') return `the children of node ${child.slice(0, 100)} lead back to it (a cycle)`;
      if (seen === undefined) {
        state.set(child, 'open');
        stack.push({ id: child, next: 0 });
      }
    }
  }
  return undefined;
}
