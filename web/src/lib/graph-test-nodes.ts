// Workflow nodes for the graph tests, shaped as Argo writes them (a steps fan-out, retries, an exit
// handler), without the fields the graph does not read.
import type { NodePhase } from '@argovue/api-types';
import type { CollapseNode } from './graph-items.ts';

export function node(
  id: string,
  type: string,
  children: string[] = [],
  phase: NodePhase = 'Succeeded',
  extra: Partial<CollapseNode> = {},
): CollapseNode {
  return { id, name: `wf.${id}`, displayName: id, type, phase, children, ...extra };
}

/**
 * wf (Steps) → [0] → `width` × process-shard(i) → [1] → report; `failed` of the shards failed.
 * The shape of a withItems step over `width` items.
 */
export function stepsFanOut(width: number, failed = 0): CollapseNode[] {
  const shards = Array.from({ length: width }, (_, i) =>
    node(`shard-${i}`, 'Pod', ['sg1'], i < width - failed ? 'Succeeded' : 'Failed', {
      displayName: `process-shard(${i}:${i})`,
      templateName: 'process-shard',
    }),
  );
  return [
    node('wf', 'Steps', ['sg0']),
    node(
      'sg0',
      'StepGroup',
      shards.map((s) => s.id),
    ),
    ...shards,
    node('sg1', 'StepGroup', ['report']),
    node('report', 'Pod'),
  ];
}
