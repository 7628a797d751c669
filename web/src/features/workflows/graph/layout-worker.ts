// The layout worker: grouping and layout of 20,000 nodes take a few hundred milliseconds, which the
// page must not spend on its main thread. Loaded as a module worker (Vite bundles it on its own).
import type { CollapseNode } from '../../../lib/graph-items.ts';
import { buildScene, sceneBuffers } from '../../../lib/graph-scene.ts';
import type { LayoutReply, LayoutRequest } from './layout-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let nodes: CollapseNode[] = [];
let latest: LayoutRequest | null = null;
let scheduled = false;

function run() {
  scheduled = false;
  const request = latest;
  latest = null;
  if (request === null) return;
  try {
    const scene = buildScene(nodes, {
      fanOutThreshold: request.fanOutThreshold,
      expanded: new Set(request.expanded),
      workflowName: request.workflowName,
    });
    scope.postMessage({ type: 'scene', seq: request.seq, scene }, sceneBuffers(scene));
  } catch (error) {
    scope.postMessage({
      type: 'error',
      seq: request.seq,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

scope.onmessage = (event) => {
  if (event.data.nodes !== undefined) nodes = event.data.nodes;
  latest = event.data;
  // Messages that arrived during a layout are all handled before this timer: only the newest runs.
  if (!scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
};
