// Runs in a worker thread (see nodes.ts): inflating and parsing `status.compressedNodes` is work whose
// cost a user chooses (a gzip bomb inflates a thousandfold), so none of it may run on the event loop
// that answers everyone. Limits are enforced here; only a checked node map goes back.
// A workflow followed live (detail/live-workflow.ts) asks for its nodes projected and compared here
// with those of its last version, which this thread keeps: only the nodes that changed cross back, not
// 20,000 nodes cloned onto the event loop every second.
import { randomBytes } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import type { WorkflowNode } from '@argovue/api-types';
import { diffNodes } from '@argovue/api-types/workflow-deltas';
import { workflowNode } from './node-projection.ts';

export interface InflateRequest {
  type?: 'inflate';
  id: number;
  compressed: string;
  maxInflatedBytes: number;
  maxNodes: number;
}

/** The nodes of a followed workflow, as changes since version `since` of `key` when it is kept here. */
export interface LiveNodesRequest {
  type: 'live';
  id: number;
  key: string;
  since: string | undefined;
  compressed: string;
  maxInflatedBytes: number;
  maxNodes: number;
}

/** The followed workflow is no longer followed: its nodes are let go. */
export interface ForgetRequest {
  type: 'forget';
  key: string;
}

export type WorkerRequest = InflateRequest | LiveNodesRequest | ForgetRequest;

export type LiveNodesResponse = { id: number } & (
  | {
      ok: true;
      /** The version these nodes are (the next request's `since`). */
      version: string;
      /** `changed` holds every node, in order: `since` was not kept (or there was none). */
      full: boolean;
      changed: WorkflowNode[];
      removed: string[];
    }
  | { ok: false; reason: string }
);

type InflateResult = { ok: true; nodes: Record<string, unknown> } | { ok: false; reason: string };

export type InflateResponse = { id: number } & InflateResult;

function inflate(
  request: Pick<InflateRequest, 'compressed' | 'maxInflatedBytes' | 'maxNodes'>,
): InflateResult {
  let text: string;
  try {
    text = gunzipSync(Buffer.from(request.compressed, 'base64'), {
      maxOutputLength: request.maxInflatedBytes,
    }).toString('utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      const mib = request.maxInflatedBytes / (1024 * 1024);
      return {
        ok: false,
        reason: `status.compressedNodes inflates past ${mib} MiB, more than any real workflow`,
      };
    }
    return {
      ok: false,
      reason: `status.compressedNodes cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: `status.compressedNodes is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (raw === null) return { ok: true, nodes: {} };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, reason: 'status.nodes is not a map of nodes' };
  const count = Object.keys(raw).length;
  if (count > request.maxNodes)
    return {
      ok: false,
      reason: `status.compressedNodes holds ${count} nodes, more than the ${request.maxNodes} ArgoVue reads`,
    };
  return { ok: true, nodes: raw as Record<string, unknown> };
}

// Versions of this thread's life: a version from before a restart of the thread is never taken for one
// of now.
const epoch = randomBytes(4).toString('hex');
let versions = 0;
const followed = new Map<string, { version: string; nodes: Map<string, WorkflowNode> }>();

function liveNodes(request: LiveNodesRequest): LiveNodesResponse {
  const inflated = inflate(request);
  if (!inflated.ok) {
    followed.delete(request.key);
    return { id: request.id, ...inflated };
  }
  const nodes = new Map<string, WorkflowNode>();
  for (const [id, raw] of Object.entries(inflated.nodes)) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      followed.delete(request.key);
      return { id: request.id, ok: false, reason: `node ${id.slice(0, 100)} is not an object` };
    }
    nodes.set(id, workflowNode(id, raw as Record<string, unknown>));
  }
  const kept = followed.get(request.key);
  const version = `${epoch}-${++versions}`;
  followed.set(request.key, { version, nodes });
  if (kept === undefined || kept.version !== request.since)
    return { id: request.id, ok: true, version, full: true, changed: [...nodes.values()], removed: [] };
  return { id: request.id, ok: true, version, full: false, ...diffNodes(kept.nodes, nodes.values()) };
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'forget') {
    followed.delete(request.key);
    return;
  }
  const response = request.type === 'live' ? liveNodes(request) : { id: request.id, ...inflate(request) };
  parentPort?.postMessage(response);
});
