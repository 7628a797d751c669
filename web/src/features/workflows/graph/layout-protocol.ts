// Messages between the page and the layout worker. The page sends the nodes only when they change;
// the worker answers the newest request and drops ones a newer request has overtaken.
import type { CollapseNode } from '../../../lib/graph-items.ts';
import type { GraphScene } from '../../../lib/graph-scene.ts';

export interface LayoutRequest {
  seq: number;
  /** Present when the nodes changed since the last request. */
  nodes?: CollapseNode[];
  expanded: string[];
  workflowName: string;
  fanOutThreshold: number;
}

export type LayoutReply =
  { type: 'scene'; seq: number; scene: GraphScene } | { type: 'error'; seq: number; message: string };
