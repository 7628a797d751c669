// From a workflow's nodes to the items the graph draws, shaped like Argo's own structure:
//   - a Retry node stands for its attempts (they are its children in the status) until expanded;
//     what hung off an attempt (the next StepGroup, a dependent task) hangs off the Retry node;
//   - a node with more than `fanOutThreshold` children (a withItems/withParam fan-out) shows them as
//     one group item until expanded; the group also holds each member's own descendants (reached
//     from that member alone), while a node the members share (a join, the next StepGroup) stays;
//   - the exit handler (`<workflow>.onExit`, a root of its own in the status) is marked and linked
//     from the ends of the main graph, as Argo's UI draws it.
// Every node maps to the item that shows it (`shownBy`), so a search can reveal a hidden node by
// expanding that item. Pure and O(V + E): it runs in a Web Worker for 20,000 nodes, and terminates on
// cycle-shaped (malformed) input.
import { endItems, exitHandlerNodes, findExitHandler } from './graph-exit-handler.ts';
import {
  groupKey,
  retryKey,
  type CollapsedGraph,
  type CollapseNode,
  type CollapseOptions,
  type GraphEdge,
  type GraphItem,
  type PhaseCounts,
} from './graph-items.ts';

/* eslint-disable @typescript-eslint/no-non-null-assertion --
   typed arrays of length n indexed by node numbers < n: in range by construction. */

const JUNCTION_TYPES = new Set(['StepGroup', 'TaskGroup']);

/** Node order in which parents come first; a cycle is broken at its earliest node. */
function topologicalOrder(n: number, kids: readonly number[][], parentCount: Int32Array, skip: Uint8Array) {
  const remaining = parentCount.slice();
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++)
    if (skip[i] === 0 && remaining[i] === 0) {
      queue[tail++] = i;
      queued[i] = 1;
    }
  let scan = 0;
  for (;;) {
    if (head === tail) {
      while (scan < n && (skip[scan] === 1 || queued[scan] === 1)) scan++;
      if (scan === n) break;
      queue[tail++] = scan;
      queued[scan] = 1;
    }
    const v = queue[head++]!;
    for (const c of kids[v]!) {
      if (queued[c] === 1) continue;
      if (--remaining[c]! <= 0) {
        queue[tail++] = c;
        queued[c] = 1;
      }
    }
  }
  return queue.subarray(0, tail);
}

/** `1,000 × process-shard` when the members run one template (or share a name), else `25 nodes of etl`. */
function groupLabel(nodes: readonly CollapseNode[], parent: number, members: readonly number[]): string {
  const count = members.length.toLocaleString('en-US');
  const first = nodes[members[0]!]!;
  const template = first.templateName;
  if (template !== undefined && members.every((m) => nodes[m]!.templateName === template))
    return `${count} × ${template}`;
  // withItems names its members `name(0:value)`: the part before the bracket is the step's name.
  const stem = (name: string) => name.replace(/\(.*\)$/, '');
  const shared = stem(first.displayName);
  if (shared !== '' && members.every((m) => stem(nodes[m]!.displayName) === shared))
    return `${count} × ${shared}`;
  return `${count} nodes of ${nodes[parent]!.displayName}`;
}

export function collapseGraph(nodes: readonly CollapseNode[], options: CollapseOptions): CollapsedGraph {
  const n = nodes.length;
  const index = new Map<string, number>();
  // Ids come from a map and are unique; a repeated one is folded into its first occurrence.
  const alias = new Int32Array(n).fill(-1);
  nodes.forEach((node, i) => {
    const first = index.get(node.id);
    if (first === undefined) index.set(node.id, i);
    else alias[i] = first;
  });
  const kids: number[][] = [];
  const parentCount = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const list: number[] = [];
    if (alias[i] === -1) {
      const seen = new Set<number>();
      for (const childId of nodes[i]!.children) {
        const c = index.get(childId);
        if (c === undefined || c === i || seen.has(c)) continue;
        seen.add(c);
        list.push(c);
        parentCount[c]!++;
      }
    }
    kids.push(list);
  }

  // 1. Retries: an attempt (a child of a collapsed Retry node and of nothing else) is folded into it.
  const attemptOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (alias[i] !== -1 || nodes[i]!.type !== 'Retry' || options.expanded.has(retryKey(nodes[i]!.id)))
      continue;
    for (const c of kids[i]!) if (parentCount[c] === 1) attemptOf[c] = i;
  }
  // folded[v]: the node standing for v once retries are folded (itself unless v is an attempt).
  const folded = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    let r = v;
    for (let depth = 0; depth < 64 && attemptOf[r] !== -1; depth++) r = attemptOf[r]!;
    if (attemptOf[r] !== -1) attemptOf[r] = -1; // retries nested in a loop: break it here
    folded[v] = r;
  }
  for (let v = 0; v < n; v++) if (attemptOf[v] === -1) folded[v] = v;
  const gone = new Uint8Array(n); // folded into a retry or an alias: never an item of its own
  for (let v = 0; v < n; v++) if (attemptOf[v] !== -1 || alias[v] !== -1) gone[v] = 1;

  // 2. The graph between the remaining nodes.
  const fkids: number[][] = Array.from({ length: n }, () => []);
  const fparents = new Int32Array(n);
  const edgeSeen = new Set<number>();
  for (let u = 0; u < n; u++) {
    const r = folded[u]!;
    for (const c of kids[u]!) {
      const t = folded[c]!;
      if (t === r || edgeSeen.has(r * n + t)) continue;
      edgeSeen.add(r * n + t);
      fkids[r]!.push(t);
      fparents[t]!++;
    }
  }

  // 3. Fan-outs, parents first. A hidden node remembers the member it descends from (origin); a node
  //    whose hidden parents all share one origin in one group is hidden too, otherwise it stays.
  const order = topologicalOrder(n, fkids, fparents, gone);
  const group = new Int32Array(n).fill(-1);
  const origin = new Int32Array(n).fill(-1);
  const reachedBy = new Int32Array(n).fill(-1); // origin of the first hidden parent seen
  const reachedIn = new Int32Array(n).fill(-1);
  const hiddenParents = new Int32Array(n);
  const mixed = new Uint8Array(n);
  const visited = new Uint8Array(n);
  const openIn: (string | null)[] = new Array<string | null>(n).fill(null);
  const groups: { parent: number; members: number[]; key: string }[] = [];
  for (const v of order) {
    visited[v] = 1;
    if (group[v] !== -1) continue;
    const members = fkids[v]!.filter((c) => group[c] === -1 && visited[c] === 0);
    if (members.length <= options.fanOutThreshold) continue;
    const key = groupKey(nodes[v]!.id);
    if (options.expanded.has(key)) {
      for (const m of members) openIn[m] = key;
      continue;
    }
    const g = groups.length;
    groups.push({ parent: v, members, key });
    const queue = [...members];
    for (const m of members) {
      group[m] = g;
      origin[m] = m;
    }
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (const c of fkids[u]!) {
        if (group[c] !== -1 || visited[c] === 1) continue;
        hiddenParents[c]!++;
        if (reachedBy[c] === -1) {
          reachedBy[c] = origin[u]!;
          reachedIn[c] = g;
        } else if (reachedBy[c] !== origin[u] || reachedIn[c] !== g) mixed[c] = 1;
        if (hiddenParents[c] === fparents[c] && mixed[c] === 0) {
          group[c] = g;
          origin[c] = origin[u]!;
          queue.push(c);
        }
      }
    }
  }
  for (let v = 0; v < n; v++) {
    if (nodes[v]!.type !== 'Retry' || gone[v] === 1 || !options.expanded.has(retryKey(nodes[v]!.id)))
      continue;
    for (const c of kids[v]!)
      if (parentCount[c] === 1 && openIn[c] === null) openIn[c] = retryKey(nodes[v]!.id);
  }

  // 4. Items, in the input's order (a group where its first hidden node was).
  const exitRoot = findExitHandler(nodes, parentCount, options.workflowName);
  const exitSet = exitHandlerNodes(kids, exitRoot);
  const items: GraphItem[] = [];
  const shownBy = new Int32Array(n).fill(-1);
  const groupItem = new Int32Array(groups.length).fill(-1);
  for (let v = 0; v < n; v++) {
    if (gone[v] === 1) continue;
    const g = group[v]!;
    if (g !== -1) {
      if (groupItem[g] === -1) {
        const { parent, members, key } = groups[g]!;
        const counts: PhaseCounts = {};
        for (const m of members) counts[nodes[m]!.phase] = (counts[nodes[m]!.phase] ?? 0) + 1;
        groupItem[g] = items.length;
        items.push({
          kind: 'group',
          id: key,
          key,
          exit: exitSet[parent] === 1,
          openIn: null,
          parent,
          members: members.length,
          hidden: 0,
          label: groupLabel(nodes, parent, members),
          counts,
        });
      }
      shownBy[v] = groupItem[g]!;
      continue;
    }
    const node = nodes[v]!;
    const base = { id: node.id, exit: exitSet[v] === 1, openIn: openIn[v] ?? null, node: v };
    shownBy[v] = items.length;
    if (node.type === 'Retry') {
      const key = retryKey(node.id);
      const expanded = options.expanded.has(key);
      const attempts = kids[v]!.filter((c) => parentCount[c] === 1);
      const last = attempts[attempts.length - 1];
      items.push({
        ...base,
        kind: 'retry',
        key,
        expanded,
        attempts: attempts.length,
        lastPhase: last === undefined ? null : nodes[last]!.phase,
      });
    } else items.push({ ...base, kind: JUNCTION_TYPES.has(node.type) ? 'junction' : 'node' });
  }
  for (let v = 0; v < n; v++) {
    if (alias[v] !== -1) continue;
    if (attemptOf[v] !== -1) shownBy[v] = shownBy[folded[v]!]!;
  }
  for (let v = 0; v < n; v++) if (alias[v] !== -1) shownBy[v] = shownBy[alias[v]!]!;
  for (let v = 0; v < n; v++) {
    const item = items[shownBy[v]!];
    if (item?.kind === 'group') item.hidden++;
  }

  // 5. Edges between items; the exit handler hangs off every end of the main graph.
  const edges: GraphEdge[] = [];
  const itemEdgeSeen = new Set<number>();
  const m = items.length;
  for (let r = 0; r < n; r++) {
    for (const t of fkids[r]!) {
      const a = shownBy[r]!;
      const b = shownBy[t]!;
      if (a === b || itemEdgeSeen.has(a * m + b)) continue;
      itemEdgeSeen.add(a * m + b);
      edges.push({ from: a, to: b, exit: false });
    }
  }
  if (exitRoot !== -1) {
    const exitItem = shownBy[exitRoot]!;
    for (const item of endItems(nodes, kids, parentCount, alias, exitSet, shownBy))
      if (item !== exitItem) edges.push({ from: item, to: exitItem, exit: true });
  }
  return { items, edges, shownBy };
}
