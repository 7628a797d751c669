// Big finished workflows for graph tests and benchmarks, built as plain objects (pure: no cluster, no
// I/O), shaped the way Argo's controller writes them: node ids `<workflow>-<fnv32a(node name)>`, a DAG
// root whose children are the tasks without dependencies, a task's children are the tasks that depend
// on it, `withItems` fan-outs as a TaskGroup whose children are the expanded pods. Past Argo's
// default size limit the node map is stored gzip+base64 in `status.compressedNodes` (what the
// controller does). Seen on the local cluster: a plain 5,000-node DAG (2.5 MB) is refused by the
// apiserver ("trying to send message larger than max (2536098 vs. 2097152)", its gRPC limit towards
// etcd), the compressed 20,000-node fan-out (0.7 MB) is stored, and the controller leaves objects
// labelled completed=true untouched (same resourceVersion 30 s later). It lives in e2e/support so that browser tests
// and bench/ (which references e2e) can both import it.
import { gunzipSync, gzipSync } from 'node:zlib';

export interface BigNode {
  id: string;
  name: string;
  displayName: string;
  type: 'DAG' | 'Pod' | 'TaskGroup';
  phase: 'Succeeded';
  templateName: string;
  templateScope: string;
  boundaryID?: string;
  children?: string[];
  outboundNodes?: string[];
  startedAt: string;
  finishedAt: string;
  progress: string;
  resourcesDuration?: Record<string, number>;
  hostNodeName?: string;
  outputs?: { exitCode: string };
}

export interface BigWorkflow {
  apiVersion: 'argoproj.io/v1alpha1';
  kind: 'Workflow';
  metadata: { name: string; namespace?: string; labels: Record<string, string> };
  spec: { entrypoint: string; templates: object[] };
  status: {
    phase: 'Succeeded';
    startedAt: string;
    finishedAt: string;
    progress: string;
    nodes?: Record<string, BigNode>;
    compressedNodes?: string;
  };
}

export interface BigWorkflowOptions {
  /** `auto` (default) compresses when the object would pass Argo's 1 MiB limit, as the controller does. */
  compress?: 'auto' | 'always' | 'never';
  namespace?: string;
  labels?: Record<string, string>;
}

/** Argo's default maximum workflow size before it compresses the nodes (maxWorkflowSize). */
export const argoMaxWorkflowBytes = 1024 * 1024;
const start = Date.parse('2026-11-24T10:00:00Z');
const image = 'example.invalid/bench:1';

/** FNV-1a 32-bit, the hash Argo uses to derive a node's id from its name. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function nodeId(workflow: string, nodeName: string): string {
  return nodeName === workflow ? workflow : `${workflow}-${fnv32a(nodeName)}`;
}

const at = (seconds: number) => new Date(start + seconds * 1000).toISOString().replace('.000Z', 'Z');

interface Builder {
  nodes: Record<string, BigNode>;
  add: (node: NewNode) => string;
}

function builder(workflow: string): Builder {
  const nodes: Record<string, BigNode> = {};
  return {
    nodes,
    add(node) {
      let id = nodeId(workflow, node.name);
      // 32-bit ids collide by chance at this scale (~5% for 20,000 names; Argo would lose a node):
      // a suffix keeps every node, so counts are exact.
      for (let n = 1; nodes[id] !== undefined; n++) id = `${nodeId(workflow, node.name)}-${n}`;
      nodes[id] = { id, phase: 'Succeeded', templateScope: 'local/', progress: '1/1', ...node };
      return id;
    },
  };
}

type NewNode = Omit<BigNode, 'id' | 'phase' | 'templateScope' | 'progress'> & { progress?: string };

function pod(workflow: string, task: string, layer: number, template: string): NewNode {
  return {
    name: `${workflow}.${task}`,
    displayName: task,
    type: 'Pod',
    templateName: template,
    boundaryID: workflow,
    startedAt: at(layer * 30),
    finishedAt: at(layer * 30 + 25),
    resourcesDuration: { cpu: 25, memory: 25 },
    hostNodeName: 'kwok-node-0',
    outputs: { exitCode: '0' },
  };
}

function finish(
  name: string,
  built: Builder,
  rootId: string,
  podCount: number,
  seconds: number,
  options: BigWorkflowOptions,
): BigWorkflow {
  const root = built.nodes[rootId];
  if (root !== undefined) root.progress = `${podCount}/${podCount}`;
  const workflow: BigWorkflow = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name,
      ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
      labels: {
        'workflows.argoproj.io/completed': 'true',
        'workflows.argoproj.io/phase': 'Succeeded',
        ...options.labels,
      },
    },
    spec: {
      entrypoint: 'main',
      templates: [
        { name: 'main', dag: { tasks: [] } },
        { name: 'work', container: { image, command: ['true'] } },
      ],
    },
    status: {
      phase: 'Succeeded',
      startedAt: at(0),
      finishedAt: at(seconds),
      progress: `${podCount}/${podCount}`,
      nodes: built.nodes,
    },
  };
  const compress = options.compress ?? 'auto';
  const tooBig = () => Buffer.byteLength(JSON.stringify(workflow)) > argoMaxWorkflowBytes;
  if (compress === 'always' || (compress === 'auto' && tooBig())) {
    // As the controller does: the JSON of the node map, gzip, then standard base64; `nodes` dropped.
    workflow.status.compressedNodes = gzipSync(JSON.stringify(built.nodes)).toString('base64');
    delete workflow.status.nodes;
  }
  return workflow;
}

/**
 * A DAG of `layers × width` pod tasks plus its root node (so `layers * width + 1` nodes). A task in
 * layer L depends on two tasks of layer L-1: the one straight above, and a neighbour 1 to 3 places to
 * the left (to the right at the left edge), the distance changing from layer to layer. Edges stay
 * local, as in real pipelines, yet a few layers down every task depends on the first task of the
 * first layer (a fixed affine map left separate strands: the Argo UI then drew 310 of 2,001 nodes;
 * offsets across the whole width made edges cross so much that the Argo UI's layout took minutes).
 */
export function layeredDagWorkflow(
  name: string,
  layers: number,
  width: number,
  options: BigWorkflowOptions = {},
): BigWorkflow {
  const built = builder(name);
  const task = (l: number, i: number) => `task-${l}-${i}`;
  const ids: string[][] = [];
  for (let l = 0; l < layers; l++) {
    ids.push([]);
    for (let i = 0; i < width; i++) ids[l]?.push(built.add(pod(name, task(l, i), l, 'work')));
  }
  for (let l = 1; l < layers; l++) {
    for (let i = 0; i < width; i++) {
      const child = ids[l]?.[i] ?? '';
      const offset = 1 + (l % 3);
      const neighbour = i - offset >= 0 ? i - offset : Math.min(width - 1, i + offset);
      for (const parent of new Set([i, neighbour])) {
        const node = built.nodes[ids[l - 1]?.[parent] ?? ''];
        if (node !== undefined) (node.children ??= []).push(child);
      }
    }
  }
  const rootId = built.add({
    name,
    displayName: name,
    type: 'DAG',
    templateName: 'main',
    children: ids[0] ?? [],
    outboundNodes: ids[layers - 1] ?? [],
    startedAt: at(0),
    finishedAt: at(layers * 30),
  });
  return finish(name, built, rootId, layers * width, layers * 30, options);
}

/**
 * A wide fan-out of `nodes` nodes in all: root DAG → `split` → TaskGroup `fan` (a `withItems` task) →
 * `nodes - 4` pods `fan(i:item-i)` → `join`. The shape that makes a graph unreadable unless wide
 * groups are collapsed.
 */
export function fanOutWorkflow(name: string, nodes: number, options: BigWorkflowOptions = {}): BigWorkflow {
  if (nodes < 5) throw new Error('a fan-out needs at least 5 nodes');
  const built = builder(name);
  const items = nodes - 4;
  const join = built.add(pod(name, 'join', 2, 'work'));
  const fanned: string[] = [];
  for (let i = 0; i < items; i++) {
    const id = built.add({ ...pod(name, `fan(${i}:item-${i})`, 1, 'work'), children: [join] });
    fanned.push(id);
  }
  const group = built.add({
    name: `${name}.fan`,
    displayName: 'fan',
    type: 'TaskGroup',
    templateName: 'work',
    boundaryID: name,
    children: fanned,
    startedAt: at(30),
    finishedAt: at(55),
    progress: `${items}/${items}`,
  });
  const split = built.add({ ...pod(name, 'split', 0, 'work'), children: [group] });
  const rootId = built.add({
    name,
    displayName: name,
    type: 'DAG',
    templateName: 'main',
    children: [split],
    outboundNodes: [join],
    startedAt: at(0),
    finishedAt: at(90),
  });
  return finish(name, built, rootId, items + 2, 90, options);
}

/** The node map of a generated workflow, whichever form it was stored in. */
export function bigWorkflowNodes(workflow: BigWorkflow): Record<string, BigNode> {
  if (workflow.status.nodes !== undefined) return workflow.status.nodes;
  const packed = Buffer.from(workflow.status.compressedNodes ?? '', 'base64');
  return JSON.parse(gunzipSync(packed).toString('utf8')) as Record<string, BigNode>;
}

/** A node of a running workflow: any phase, maybe not finished. */
export interface RunningBigNode extends Omit<BigNode, 'phase' | 'finishedAt'> {
  phase: string;
  finishedAt?: string;
}

/** A workflow whose phases a test changes: its nodes uncompressed, the workflow maybe not finished. */
export interface RunningBigWorkflow extends Omit<BigWorkflow, 'status'> {
  status: Omit<BigWorkflow['status'], 'phase' | 'finishedAt' | 'nodes'> & {
    phase: string;
    finishedAt?: string;
    nodes: Record<string, RunningBigNode>;
  };
}

/**
 * A fan-out of `nodes` nodes, running: the workflow and its items from `runningFrom` on Running, the
 * items before them Succeeded. Labelled completed (as seeded workflows are), so Argo's controller
 * leaves it alone and only a test's writes change it.
 */
export function runningFanOut(
  name: string,
  nodes: number,
  options: Omit<BigWorkflowOptions, 'compress'> & { runningFrom?: number } = {},
): RunningBigWorkflow {
  // Never compressed, so `nodes` is there: the widening to phases other than Succeeded is the only cast.
  const workflow = fanOutWorkflow(name, nodes, { ...options, compress: 'never' }) as RunningBigWorkflow;
  workflow.status.phase = 'Running';
  delete workflow.status.finishedAt;
  workflow.metadata.labels['workflows.argoproj.io/phase'] = 'Running';
  for (const node of Object.values(workflow.status.nodes)) {
    const item = /^fan\((\d+):/.exec(node.displayName);
    if (item !== null && Number(item[1]) >= (options.runningFrom ?? 0)) {
      node.phase = 'Running';
      delete node.finishedAt;
    }
  }
  return workflow;
}
