// A workflow's nodes, in either form Argo stores them: `status.nodes`, or — when the object grew past
// what etcd takes (~1.5 MB, about 5,000 nodes) — `status.compressedNodes`, the same map as
// gzip + base64. Anything else (a malformed status) is an error the caller shows, never a crash.
//
// Anyone who may patch a workflow can write compressedNodes, so its cost is the writer's choice: a
// gzip bomb of 1 MB inflates to gigabytes. It is inflated and parsed in a worker thread
// (nodes-inflate-worker.ts), never on the event loop that answers every user, within limits well
// above any real workflow: Argo keeps compressedNodes only while the whole object fits its 1 MiB
// maxWorkflowSize (and etcd refuses ~1.5 MiB), and node maps compress about 17× (our 20,000-node
// fan-out: 0.66 MB of base64, 8.6 MB inflated), so a real map inflates to at most ~20 MB and holds a
// few tens of thousands of nodes. What goes back to the event loop is bounded by the node count.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { WorkflowNode } from '@argovue/api-types';
import { diffNodes } from '@argovue/api-types/workflow-deltas';
import type {
  ForgetRequest,
  InflateRequest,
  InflateResponse,
  LiveNodesRequest,
  LiveNodesResponse,
} from './nodes-inflate-worker.ts';
import { workflowNode } from './node-projection.ts';

export interface WorkflowStatusNodes {
  nodes?: unknown;
  compressedNodes?: unknown;
}

/** A raw node as Argo writes it; fields are checked where they are used. */
export type RawNode = Record<string, unknown>;

export type NodesResult = { ok: true; nodes: Map<string, RawNode> } | { ok: false; reason: string };

export const maxInflatedBytes = 64 * 1024 * 1024;
export const maxNodes = 100_000;
// etcd cannot store an object past ~1.5 MiB; a longer string is refused before it is decoded at all.
const maxCompressedChars = 4 * 1024 * 1024;
// The worker's heap: a 64 MiB string and its parse fit; a runaway one ends the worker, not the server.
const workerHeapMb = 768;
// Refusals are remembered by the content's digest, so a bomb asked for again is not inflated again.
const maxRememberedRefusals = 256;

/** The one worker thread that inflates compressed node maps, one at a time. */
class NodeInflater {
  #worker: Worker | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, (response: InflateResponse | LiveNodesResponse) => void>();
  readonly #inFlight = new Map<string, Promise<NodesResult>>();
  readonly #refused = new Map<string, string>();

  inflate(compressed: string, maxBytes: number): Promise<NodesResult> {
    const key = `${maxBytes}:${createHash('sha256').update(compressed).digest('base64url')}`;
    const refused = this.#refused.get(key);
    if (refused !== undefined) return Promise.resolve({ ok: false, reason: refused });
    let running = this.#inFlight.get(key);
    if (running === undefined) {
      running = this.#run(compressed, maxBytes).then((result) => {
        this.#inFlight.delete(key);
        if (!result.ok) {
          if (this.#refused.size >= maxRememberedRefusals) this.#refused.clear();
          this.#refused.set(key, result.reason);
        }
        return result;
      });
      this.#inFlight.set(key, running);
    }
    return running;
  }

  /** A followed workflow's nodes, projected and compared with version `since` in the worker. */
  live(key: string, since: string | undefined, compressed: string): Promise<LiveNodesResponse> {
    const worker = this.#started();
    const id = this.#nextId++;
    return new Promise<LiveNodesResponse>((resolve) => {
      this.#pending.set(id, resolve as (response: InflateResponse | LiveNodesResponse) => void);
      worker.ref();
      const request: LiveNodesRequest = {
        type: 'live',
        id,
        key,
        since,
        compressed,
        maxInflatedBytes,
        maxNodes,
      };
      worker.postMessage(request);
    });
  }

  forget(key: string): void {
    const request: ForgetRequest = { type: 'forget', key };
    this.#worker?.postMessage(request);
  }

  #run(compressed: string, maxBytes: number): Promise<NodesResult> {
    const worker = this.#started();
    const id = this.#nextId++;
    return new Promise<InflateResponse>((resolve) => {
      this.#pending.set(id, resolve as (response: InflateResponse | LiveNodesResponse) => void);
      // Held open while it has work; idle, it must not keep the process alive.
      worker.ref();
      const request: InflateRequest = { id, compressed, maxInflatedBytes: maxBytes, maxNodes };
      worker.postMessage(request);
    }).then((response) =>
      response.ok ? checkedNodes(response.nodes) : { ok: false, reason: response.reason },
    );
  }

  #started(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = new Worker(new URL('./nodes-inflate-worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
    });
    worker.on('message', (response: InflateResponse | LiveNodesResponse) => {
      this.#pending.get(response.id)?.(response);
      this.#pending.delete(response.id);
      if (this.#pending.size === 0) worker.unref();
    });
    const fail = (why: string): void => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const [id, resolve] of this.#pending) {
        resolve({ id, ok: false, reason: `status.compressedNodes could not be read (${why})` });
      }
      this.#pending.clear();
    };
    worker.on('error', (error: unknown) => fail(error instanceof Error ? error.message : String(error)));
    worker.on('exit', (code) => fail(`the inflating worker exited with ${code}`));
    this.#worker = worker;
    return worker;
  }
}

const inflater = new NodeInflater();

function checkedNodes(raw: unknown): NodesResult {
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

/** The workflow's nodes from either form; compressed ones are inflated off the event loop. */
export async function workflowNodes(
  status: WorkflowStatusNodes | undefined,
  limitBytes = maxInflatedBytes,
): Promise<NodesResult> {
  if (status === undefined) return { ok: true, nodes: new Map() };
  if (status.nodes !== undefined || status.compressedNodes === undefined) return checkedNodes(status.nodes);
  if (typeof status.compressedNodes !== 'string')
    return { ok: false, reason: 'status.compressedNodes is not a string' };
  if (status.compressedNodes.length > maxCompressedChars)
    return { ok: false, reason: 'status.compressedNodes is longer than any object Kubernetes stores' };
  return inflater.inflate(status.compressedNodes, limitBytes);
}

export type LiveNodes =
  | {
      ok: true;
      /** The worker's version of these nodes (compressed ones), to ask for the next changes since. */
      version: string | undefined;
      /** Nodes added or changed since `previous`, and the ids gone. */
      changed: WorkflowNode[];
      removed: string[];
      /** Every node now, when the changes were not known one by one (`changed` is then every node). */
      all: WorkflowNode[] | undefined;
    }
  | { ok: false; reason: string };

/**
 * A followed workflow's nodes as changes against `previous` (its nodes as last read, held by the
 * caller). Compressed ones are inflated, projected and compared in the worker, which keeps the version
 * `since` it gave last under `key`: only what changed crosses to the event loop. Plain ones (a status
 * small enough for etcd uncompressed) are compared here.
 */
export async function liveWorkflowNodes(
  key: string,
  since: string | undefined,
  status: WorkflowStatusNodes | undefined,
  previous: ReadonlyMap<string, WorkflowNode>,
): Promise<LiveNodes> {
  const compressed =
    status !== undefined && status.nodes === undefined && status.compressedNodes !== undefined
      ? status.compressedNodes
      : undefined;
  if (compressed === undefined) {
    const nodes = await workflowNodes(status);
    if (!nodes.ok) return nodes;
    const all = [...nodes.nodes].map(([id, raw]) => workflowNode(id, raw));
    return { ok: true, version: undefined, ...diffNodes(previous, all), all };
  }
  if (typeof compressed !== 'string') return { ok: false, reason: 'status.compressedNodes is not a string' };
  if (compressed.length > maxCompressedChars)
    return { ok: false, reason: 'status.compressedNodes is longer than any object Kubernetes stores' };
  const answer = await inflater.live(key, since, compressed);
  if (!answer.ok) return { ok: false, reason: answer.reason };
  if (!answer.full)
    return {
      ok: true,
      version: answer.version,
      changed: answer.changed,
      removed: answer.removed,
      all: undefined,
    };
  return { ok: true, version: answer.version, ...diffNodes(previous, answer.changed), all: answer.changed };
}

/** The worker may let go of what it keeps for `key` (the workflow is no longer followed). */
export function forgetLiveWorkflowNodes(key: string): void {
  inflater.forget(key);
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
