// A finished Workflow object with thousands of nodes, shaped as Argo writes a withItems fan-out:
//   <name> (Steps) → [0] (StepGroup) → N × process-shard(i:i) (Pod, or Retry → attempts) → [1] → report
// plus the exit handler `<name>.onExit`. The nodes are stored as Argo stores a big status:
// gzip + base64 in `status.compressedNodes` (etcd refuses the plain map at this size). Labelled
// completed, so the workflow controller's informer (which selects `completed != true`) leaves it alone.
import { gzipSync } from 'node:zlib';

export interface BigWorkflowOptions {
  name: string;
  namespace: string;
  /** Total number of nodes in the status. */
  nodes: number;
  /** Every `failEvery`-th shard failed (0: none). */
  failEvery?: number;
  /** How many shards were retried (a Retry node with a failed and a succeeded attempt). */
  retried?: number;
}

interface Node {
  id: string;
  name: string;
  displayName: string;
  type: string;
  templateName: string;
  phase: string;
  boundaryID?: string;
  children?: string[];
  startedAt: string;
  finishedAt: string;
  message?: string;
  hostNodeName?: string;
}

const START = Date.parse('2026-11-25T08:00:00Z');
const at = (seconds: number) => new Date(START + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

export function bigWorkflowNodes(options: BigWorkflowOptions): Record<string, Node> {
  const { name, failEvery = 0, retried = 0 } = options;
  // The root, two step groups, the report and the exit handler; each retried shard adds two attempts.
  const shards = options.nodes - 5 - 2 * retried;
  if (shards < 1)
    throw new Error(`a workflow of ${options.nodes} nodes cannot have ${retried} retried shards`);
  let counter = 0;
  const id = () => `${name}-${(2_000_000_000 + counter++ * 7919).toString()}`;
  const nodes: Record<string, Node> = {};
  const add = (node: Omit<Node, 'id'>, nodeId = id()) => {
    nodes[nodeId] = { id: nodeId, ...node };
    return nodeId;
  };
  const sg1 = id();
  const shardIds: string[] = [];
  for (let i = 0; i < shards; i++) {
    const failed = failEvery > 0 && i % failEvery === failEvery - 1;
    const common = {
      templateName: 'process-shard',
      boundaryID: name,
      startedAt: at(10 + (i % 600)),
      finishedAt: at(40 + (i % 600) + (i % 17)),
    };
    const shardName = `${name}[0].process-shard(${i}:${i})`;
    if (i < retried) {
      const attempts = [0, 1].map((a) =>
        add({
          ...common,
          name: `${shardName}(${a})`,
          displayName: `process-shard(${i}:${i})(${a})`,
          type: 'Pod',
          phase: a === 0 ? 'Failed' : 'Succeeded',
          ...(a === 0 ? { message: 'Error (exit code 1)' } : { children: [sg1] }),
          hostNodeName: 'kwok-node-0',
        }),
      );
      shardIds.push(
        add({
          ...common,
          name: shardName,
          displayName: `process-shard(${i}:${i})`,
          type: 'Retry',
          phase: 'Succeeded',
          children: attempts,
        }),
      );
    } else {
      shardIds.push(
        add({
          ...common,
          name: shardName,
          displayName: `process-shard(${i}:${i})`,
          type: 'Pod',
          phase: failed ? 'Failed' : 'Succeeded',
          children: [sg1],
          hostNodeName: `kwok-node-${i % 2}`,
          ...(failed ? { message: 'Error (exit code 1)' } : {}),
        }),
      );
    }
  }
  const report = add({
    name: `${name}[1].report`,
    displayName: 'report',
    type: 'Pod',
    templateName: 'report',
    phase: 'Succeeded',
    boundaryID: name,
    startedAt: at(700),
    finishedAt: at(720),
  });
  add(
    {
      name: `${name}[1]`,
      displayName: '[1]',
      type: 'StepGroup',
      templateName: 'main',
      phase: 'Succeeded',
      boundaryID: name,
      children: [report],
      startedAt: at(690),
      finishedAt: at(720),
    },
    sg1,
  );
  const sg0 = add({
    name: `${name}[0]`,
    displayName: '[0]',
    type: 'StepGroup',
    templateName: 'main',
    // The failed shards are allowed to fail (continueOn: failed), as a best-effort fan-out is.
    phase: 'Succeeded',
    boundaryID: name,
    children: shardIds,
    startedAt: at(5),
    finishedAt: at(690),
  });
  add(
    {
      name,
      displayName: name,
      type: 'Steps',
      templateName: 'main',
      phase: 'Succeeded',
      children: [sg0],
      startedAt: at(0),
      finishedAt: at(720),
    },
    name,
  );
  add({
    name: `${name}.onExit`,
    displayName: `${name}.onExit`,
    type: 'Pod',
    templateName: 'notify',
    phase: 'Succeeded',
    startedAt: at(725),
    finishedAt: at(730),
  });
  return nodes;
}

/** The Workflow object, ready to create (the CRD has no status subresource: status is kept). */
export function bigWorkflow(options: BigWorkflowOptions): object {
  const nodes = bigWorkflowNodes(options);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      labels: {
        'workflows.argoproj.io/completed': 'true',
        'workflows.argoproj.io/phase': 'Succeeded',
        'argovue.dev/test': 'true',
      },
    },
    spec: {
      entrypoint: 'main',
      onExit: 'notify',
      templates: [
        {
          name: 'main',
          steps: [
            [{ name: 'process-shard', template: 'process-shard', withSequence: { count: '1' } }],
            [{ name: 'report', template: 'report' }],
          ],
        },
        { name: 'process-shard', container: { image: 'busybox', command: ['true'] } },
        { name: 'report', container: { image: 'busybox', command: ['true'] } },
        { name: 'notify', container: { image: 'busybox', command: ['true'] } },
      ],
    },
    status: {
      phase: 'Succeeded',
      startedAt: at(0),
      finishedAt: at(730),
      progress: `${Object.keys(nodes).length}/${Object.keys(nodes).length}`,
      compressedNodes: gzipSync(JSON.stringify(nodes)).toString('base64'),
    },
  };
}
