// A layered (Sugiyama-style) layout in linear time, for workflow graphs of tens of thousands of
// nodes: general-purpose layout libraries spend seconds on a 5,000-node fan-out (their crossing
// minimisation is quadratic or worse), far past what a page can wait for.
//   1. order: Kahn's topological sort; a cycle (only a malformed status has one) is broken by taking
//      the earliest remaining node as if its unmet parents were done, so every node is placed;
//   2. layer: the longest path from a root (a node sits one below its lowest parent);
//   3. order within a layer: one downward barycenter sweep (a node goes near its parents);
//   4. coordinates: layers stacked top-down, each centred on the widest; a layer of more than
//      maxRowNodes wraps onto several rows, so an expanded fan-out of 5,000 stays a block, not a line.
// O(V + E) but for the per-layer sort (O(V log V)). Pure: no DOM, no React.

/* eslint-disable @typescript-eslint/no-non-null-assertion --
   typed arrays of length n (or n + 1) indexed by node numbers < n: every `!` below is in range by
   construction, which noUncheckedIndexedAccess cannot see. */

export interface LayoutInput {
  /** Node ids, in a stable order (ties keep it). */
  nodes: readonly string[];
  /** Directed edges parent → child; edges naming unknown ids are ignored. */
  edges: readonly (readonly [string, string])[];
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  horizontalGap: number;
  verticalGap: number;
  /** A layer wider than this many nodes wraps onto more rows (an expanded fan-out of thousands). */
  maxRowNodes?: number;
}

export interface PlacedNode {
  id: string;
  /** Centre of the node. */
  x: number;
  y: number;
  layer: number;
}

export interface Layout {
  nodes: PlacedNode[];
  /** Edges that point upwards because they closed a cycle (drawn, but flagged). */
  backEdges: [string, string][];
  width: number;
  height: number;
  layers: number;
}

export const defaultLayoutOptions: LayoutOptions = {
  nodeWidth: 180,
  nodeHeight: 44,
  horizontalGap: 24,
  verticalGap: 56,
};

export function layoutGraph(input: LayoutInput, options: LayoutOptions = defaultLayoutOptions): Layout {
  const n = input.nodes.length;
  const index = new Map<string, number>();
  input.nodes.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
  });
  // Adjacency in compact arrays (CSR): children of i are childList[childStart[i] .. childStart[i+1]).
  const from: number[] = [];
  const to: number[] = [];
  for (const [a, b] of input.edges) {
    const i = index.get(a);
    const j = index.get(b);
    if (i !== undefined && j !== undefined && i !== j) {
      from.push(i);
      to.push(j);
    }
  }
  const childStart = new Int32Array(n + 1);
  const parentStart = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) {
    childStart[(from[e] as number) + 1]!++;
    parentStart[(to[e] as number) + 1]!++;
  }
  for (let i = 0; i < n; i++) {
    childStart[i + 1]! += childStart[i]!;
    parentStart[i + 1]! += parentStart[i]!;
  }
  const childList = new Int32Array(from.length);
  const parentList = new Int32Array(from.length);
  const childFill = childStart.slice(0, n);
  const parentFill = parentStart.slice(0, n);
  for (let e = 0; e < from.length; e++) {
    childList[childFill[from[e] as number]!++] = to[e] as number;
    parentList[parentFill[to[e] as number]!++] = from[e] as number;
  }

  // 1 + 2. Topological order (Kahn) with longest-path layers.
  const remaining = new Int32Array(n);
  for (let i = 0; i < n; i++) remaining[i] = parentStart[i + 1]! - parentStart[i]!;
  const layer = new Int32Array(n);
  const placed = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++)
    if (remaining[i] === 0 && index.get(input.nodes[i] as string) === i) queue[tail++] = i;
  let scan = 0;
  let done = 0;
  const unique = index.size;
  while (done < unique) {
    if (head === tail) {
      // Only cycles remain: release the earliest unplaced node.
      while (placed[scan] === 1 || index.get(input.nodes[scan] as string) !== scan) scan++;
      queue[tail++] = scan;
      remaining[scan] = 0;
    }
    const v = queue[head++] as number;
    if (placed[v] === 1) continue;
    placed[v] = 1;
    done++;
    for (let k = childStart[v]!; k < childStart[v + 1]!; k++) {
      const c = childList[k] as number;
      if (placed[c] === 1) continue;
      if (layer[c]! < layer[v]! + 1) layer[c] = layer[v]! + 1;
      if (--remaining[c]! === 0) queue[tail++] = c;
    }
  }
  const order = queue.subarray(0, tail);

  // 3. Layers in topological order; within a layer, nodes near the mean position of their parents.
  let layerCount = 0;
  for (const v of order) if (layer[v]! + 1 > layerCount) layerCount = layer[v]! + 1;
  const members: number[][] = Array.from({ length: layerCount }, () => []);
  const seen = new Uint8Array(n);
  for (const v of order) {
    if (seen[v] === 1) continue;
    seen[v] = 1;
    members[layer[v] as number]!.push(v);
  }
  const position = new Float64Array(n);
  for (const row of members) {
    const key = new Float64Array(row.length);
    row.forEach((v, i) => {
      let sum = 0;
      let count = 0;
      for (let k = parentStart[v]!; k < parentStart[v + 1]!; k++) {
        const p = parentList[k] as number;
        if (layer[p]! < layer[v]!) {
          sum += position[p]!;
          count++;
        }
      }
      key[i] = count === 0 ? i : sum / count;
    });
    const sorted = row.map((v, i) => ({ v, k: key[i]!, i })).sort((a, b) => a.k - b.k || a.i - b.i);
    sorted.forEach(({ v }, i) => {
      row[i] = v;
      position[v] = i;
    });
  }

  // 4. Coordinates.
  const perRow = Math.max(1, Math.floor(options.maxRowNodes ?? Number.POSITIVE_INFINITY));
  const widest = members.reduce((max, row) => Math.max(max, Math.min(row.length, perRow)), 0);
  const stepX = options.nodeWidth + options.horizontalGap;
  const stepY = options.nodeHeight + options.verticalGap;
  const nodes: PlacedNode[] = [];
  let rowIndex = 0;
  members.forEach((row, l) => {
    for (let start = 0; start < row.length; start += perRow) {
      const count = Math.min(perRow, row.length - start);
      const offset = ((widest - count) * stepX) / 2;
      for (let i = 0; i < count; i++) {
        nodes.push({
          id: input.nodes[row[start + i]!] as string,
          x: offset + i * stepX + options.nodeWidth / 2,
          y: rowIndex * stepY + options.nodeHeight / 2,
          layer: l,
        });
      }
      rowIndex++;
    }
  });
  const backEdges: [string, string][] = [];
  for (let e = 0; e < from.length; e++) {
    if (layer[to[e] as number]! <= layer[from[e] as number]!) {
      backEdges.push([input.nodes[from[e] as number] as string, input.nodes[to[e] as number] as string]);
    }
  }
  return {
    nodes,
    backEdges,
    width: Math.max(0, widest * stepX - options.horizontalGap),
    height: Math.max(0, rowIndex * stepY - options.verticalGap),
    layers: layerCount,
  };
}
