// The exit handler in a workflow's nodes. Argo runs `spec.onExit` as a node named `<workflow>.onExit`
// that is nobody's child (a second root in status.nodes); its UI links it from where the workflow
// ended, and so do we. Pure; used by graph-collapse.ts.
import type { CollapseNode } from './graph-items.ts';

/* eslint-disable @typescript-eslint/no-non-null-assertion --
   arrays of length n indexed by node numbers < n: in range by construction. */

/** The exit handler's node: `<workflowName>.onExit` among the roots, else a root named `*.onExit`; -1. */
export function findExitHandler(
  nodes: readonly CollapseNode[],
  parentCount: Int32Array,
  workflowName: string | undefined,
): number {
  const exact = workflowName === undefined ? undefined : `${workflowName}.onExit`;
  let candidate = -1;
  for (let i = 0; i < nodes.length; i++) {
    if (parentCount[i] !== 0) continue;
    const name = nodes[i]!.name;
    if (name === exact) return i;
    if (candidate === -1 && name.endsWith('.onExit')) candidate = i;
  }
  return candidate;
}

/** 1 for the exit handler's node and every node below it. */
export function exitHandlerNodes(kids: readonly (readonly number[])[], exitRoot: number): Uint8Array {
  const inside = new Uint8Array(kids.length);
  if (exitRoot === -1) return inside;
  const queue = [exitRoot];
  inside[exitRoot] = 1;
  for (let head = 0; head < queue.length; head++)
    for (const c of kids[queue[head]!]!)
      if (inside[c] === 0) {
        inside[c] = 1;
        queue.push(c);
      }
  return inside;
}

/**
 * The items showing where the main graph ended, each once. Judged on the nodes, not on what is drawn:
 * a failed attempt of an expanded retry is not where the workflow ended, nor is a Retry node whose
 * last attempt led on; a Retry node whose attempts all stopped is.
 */
export function endItems(
  nodes: readonly CollapseNode[],
  kids: readonly (readonly number[])[],
  parentCount: Int32Array,
  alias: Int32Array,
  exitSet: Uint8Array,
  shownBy: Int32Array,
): number[] {
  const n = nodes.length;
  const attempt = new Uint8Array(n);
  for (let v = 0; v < n; v++)
    if (alias[v] === -1 && nodes[v]!.type === 'Retry')
      for (const c of kids[v]!) if (parentCount[c] === 1) attempt[c] = 1;
  const items = new Set<number>();
  for (let v = 0; v < n; v++) {
    if (alias[v] !== -1 || exitSet[v] === 1 || attempt[v] === 1) continue;
    const ends =
      nodes[v]!.type === 'Retry'
        ? kids[v]!.every((c) => attempt[c] === 1 && kids[c]!.length === 0)
        : kids[v]!.length === 0;
    if (ends) items.add(shownBy[v]!);
  }
  return [...items];
}
