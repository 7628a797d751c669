// Runs in a worker thread (see nodes.ts): inflating and parsing `status.compressedNodes` is work whose
// cost a user chooses (a gzip bomb inflates a thousandfold), so none of it may run on the event loop
// that answers everyone. Limits are enforced here; only a checked node map goes back.
import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

export interface InflateRequest {
  id: number;
  compressed: string;
  maxInflatedBytes: number;
  maxNodes: number;
}

type InflateResult = { ok: true; nodes: Record<string, unknown> } | { ok: false; reason: string };

export type InflateResponse = { id: number } & InflateResult;

function inflate(request: InflateRequest): InflateResult {
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

parentPort?.on('message', (request: InflateRequest) => {
  const response: InflateResponse = { id: request.id, ...inflate(request) };
  parentPort?.postMessage(response);
});
