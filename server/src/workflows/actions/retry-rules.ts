// Retry as Argo means it (learned from its FormulateRetryWorkflow, written anew): the same workflow
// object goes back to running; failed nodes — or, with restartSuccessful, a chosen node — and all that
// hangs below them are removed so the controller runs them again; the group nodes on the way up
// (DAG, Steps, StepGroup, TaskGroup, failed Retry) are reset to Running; the exit handler runs again.
// Pure: the caller reads the workflow, deletes the returned nodes' pods and writes the result.
import { nodeGraphProblem, type RawNode } from '../nodes.ts';

export interface RetryOptions {
  /** Also restart successful nodes at and below `nodeId` (a succeeded workflow needs this). */
  restartSuccessful: boolean;
  nodeId?: string | undefined;
  parameters: Readonly<Record<string, string>>;
  /** RFC 3339 time to stamp reset nodes and the workflow's new start with. */
  now: string;
}

export interface RetryWorkflow {
  metadata: { name: string; labels?: Record<string, string> } & Record<string, unknown>;
  spec: {
    shutdown?: string;
    activeDeadlineSeconds?: number;
    arguments?: { parameters?: { name: string; value?: string }[] };
  } & Record<string, unknown>;
  status: Record<string, unknown> & {
    phase?: string;
    conditions?: { type: string; status: string }[];
    nodes?: unknown;
    compressedNodes?: unknown;
  };
}

export type RetryResult =
  | { ok: true; workflow: RetryWorkflow; nodes: Map<string, RawNode>; podNodesToDelete: string[] }
  | { ok: false; reason: string };

const groupTypes = new Set(['DAG', 'TaskGroup', 'StepGroup', 'Steps']);
const executionTypes = new Set(['Container', 'Pod', 'HTTP', 'Plugin']);

const str = (node: RawNode, key: string): string => (typeof node[key] === 'string' ? node[key] : '');
const children = (node: RawNode): string[] =>
  Array.isArray(node['children']) ? node['children'].filter((c): c is string => typeof c === 'string') : [];
const failedOrError = (node: RawNode): boolean => node['phase'] === 'Failed' || node['phase'] === 'Error';

export function formulateRetry(
  workflow: RetryWorkflow,
  nodes: ReadonlyMap<string, RawNode>,
  options: RetryOptions,
): RetryResult {
  const phase = workflow.status.phase;
  if (phase === 'Succeeded') {
    if (!options.restartSuccessful || options.nodeId === undefined) {
      return {
        ok: false,
        reason: 'a succeeded workflow can only be retried from a chosen node, restarting successful nodes',
      };
    }
  } else if (phase !== 'Failed' && phase !== 'Error') {
    return {
      ok: false,
      reason: `a workflow that is ${phase ?? 'Pending'} cannot be retried; wait until it has failed`,
    };
  }
  if (options.nodeId !== undefined && !nodes.has(options.nodeId))
    return { ok: false, reason: `the workflow has no node ${options.nodeId}` };
  const name = workflow.metadata.name;
  const onExit = `${name}.onExit`;

  // The tree: each node's parent is a node listing it as a child (for DAG tasks with several
  // dependencies, any one of them: every path leads up to the same group nodes).
  // A malformed status (a cycle, a missing child) is refused: the walks below would never end on it.
  const problem = nodeGraphProblem(nodes);
  if (problem !== undefined) return { ok: false, reason: problem };
  const parent = new Map<string, string>();
  for (const [id, node] of nodes) for (const child of children(node)) parent.set(child, id);
  for (const [id, node] of nodes) {
    const nodeName = str(node, 'name');
    if (!parent.has(id) && nodeName !== name && !nodeName.startsWith(onExit))
      return { ok: false, reason: `node ${id} has no parent` };
  }
  const root = [...nodes].find(([, node]) => str(node, 'name') === name)?.[0];
  if (root === undefined) return { ok: false, reason: 'the workflow has no root node' };

  // What must run again: the chosen node, and failed execution nodes whose descendants did not
  // succeed (a retried attempt stands for its Retry parent).
  const chosen = new Set<string>(
    options.restartSuccessful && options.nodeId !== undefined ? [options.nodeId] : [],
  );
  const descendantSucceeded = (id: string, seen = new Set<string>()): boolean => {
    for (const child of children(nodes.get(id) ?? {})) {
      if (seen.has(child)) continue;
      seen.add(child);
      if (
        (!chosen.has(child) && nodes.get(child)?.['phase'] === 'Succeeded') ||
        descendantSucceeded(child, seen)
      )
        return true;
    }
    return false;
  };
  const toRerun = new Set(chosen);
  for (const [id, node] of nodes) {
    if (!failedOrError(node) || !executionTypes.has(str(node, 'type'))) continue;
    const retried = (node['nodeFlag'] as { retried?: boolean } | undefined)?.retried === true;
    const standIn = retried
      ? ([...nodes].find(([, n]) => str(n, 'type') === 'Retry' && children(n).includes(id))?.[0] ?? id)
      : id;
    if (!descendantSucceeded(standIn)) toRerun.add(id);
  }

  // Breadth-first from the root: nodes higher up are handled first, and a node already removed by
  // one above it is not handled again.
  const order: string[] = [];
  const seen = new Set([root]);
  for (let queue = [root]; queue.length > 0;) {
    const id = queue.shift() as string;
    order.push(id);
    for (const child of children(nodes.get(id) ?? {})) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  const toReset = new Set<string>();
  const toDelete = new Set<string>();
  const below = (id: string): string[] => {
    const found: string[] = [];
    const visited = new Set<string>();
    for (let queue = [...children(nodes.get(id) ?? {})]; queue.length > 0;) {
      const next = queue.shift() as string;
      if (visited.has(next)) continue;
      visited.add(next);
      found.push(next);
      queue.push(...children(nodes.get(next) ?? {}));
    }
    return found;
  };
  for (const start of order.filter((id) => toRerun.has(id))) {
    if (toDelete.has(start)) continue;
    toDelete.add(start);
    for (const id of below(start)) toDelete.add(id);
    // Walk up to the root, resetting the groups (and their boundaries) and failed retries met.
    let current: string | undefined = start;
    while (current !== undefined) {
      const node = nodes.get(current) ?? {};
      const type = str(node, 'type');
      if (groupTypes.has(type)) {
        toReset.add(current);
        current = resetBoundaries(current);
        continue;
      }
      if (type === 'Retry' && failedOrError(node)) toReset.add(current);
      if (type === 'Container') {
        // A container belongs to a pod: the whole pod runs again.
        let pod: string | undefined = current;
        while (pod !== undefined && str(nodes.get(pod) ?? {}, 'type') !== 'Pod') {
          toReset.add(pod);
          pod = parent.get(pod);
        }
        if (pod === undefined) return { ok: false, reason: `container node ${current} has no pod` };
        toDelete.add(pod);
        for (const id of below(pod)) toDelete.add(id);
        current = pod;
        continue;
      }
      current = parent.get(current);
    }
  }
  function resetBoundaries(from: string): string | undefined {
    let current: string | undefined = from;
    for (;;) {
      let up = parent.get(current);
      if (up !== undefined && str(nodes.get(up) ?? {}, 'type') === 'Retry') {
        toReset.add(up);
        current = up;
        up = parent.get(current);
      }
      const upType = up === undefined ? '' : str(nodes.get(up) ?? {}, 'type');
      if (up !== undefined && (upType === 'StepGroup' || upType === 'TaskGroup')) toReset.add(up);
      const boundary = str(nodes.get(current) ?? {}, 'boundaryID');
      if (boundary === '') return parent.get(current);
      while (current !== undefined && current !== boundary) current = parent.get(current);
      if (current === undefined) return undefined;
      toReset.add(current);
    }
  }

  // New parameter values re-expand group nodes: their children go too.
  if (Object.keys(options.parameters).length > 0) {
    for (const id of [...toReset]) {
      const type = str(nodes.get(id) ?? {}, 'type');
      if (!toDelete.has(id) && (type === 'TaskGroup' || type === 'StepGroup'))
        for (const child of below(id)) toDelete.add(child);
    }
  }

  const podNodesToDelete = [...toDelete].filter((id) => str(nodes.get(id) ?? {}, 'type') === 'Pod');
  const next = new Map<string, RawNode>();
  for (const [id, node] of nodes) {
    if (str(node, 'name').startsWith(onExit)) {
      for (const inExit of [id, ...below(id)])
        if (str(nodes.get(inExit) ?? {}, 'type') === 'Pod') podNodesToDelete.push(inExit);
      continue;
    }
    if (toDelete.has(id)) continue;
    const copy: RawNode = toReset.has(id) ? resetNode(node, options.now) : { ...node };
    if (Array.isArray(node['children'])) copy['children'] = children(node).filter((c) => !toDelete.has(c));
    if (Array.isArray(node['outboundNodes']))
      copy['outboundNodes'] = (node['outboundNodes'] as unknown[]).filter(
        (c) => typeof c === 'string' && !toDelete.has(c),
      );
    next.set(id, copy);
  }

  const labels = { ...(workflow.metadata.labels ?? {}) };
  delete labels['workflows.argoproj.io/completed'];
  delete labels['workflows.argoproj.io/workflow-archiving-status'];
  const { shutdown, activeDeadlineSeconds, ...spec } = workflow.spec;
  const conditions = (workflow.status.conditions ?? []).filter((c) => c.type !== 'Completed');
  const { finishedAt, message, ...status } = workflow.status;
  const stored = status['storedWorkflowTemplateSpec'] as
    { shutdown?: string; arguments?: Record<string, unknown> } | undefined;
  const overridden = overriddenArguments(workflow.spec, options.parameters);
  return {
    ok: true,
    nodes: next,
    podNodesToDelete: [...new Set(podNodesToDelete)],
    workflow: {
      ...workflow,
      metadata: { ...workflow.metadata, labels },
      spec: {
        ...spec,
        ...(activeDeadlineSeconds === undefined || activeDeadlineSeconds === 0
          ? {}
          : { activeDeadlineSeconds }),
        ...(overridden === undefined ? {} : { arguments: overridden }),
      },
      status: {
        ...status,
        ...(stored === undefined ? {} : { storedWorkflowTemplateSpec: storedSpec(stored, overridden) }),
        phase: '',
        startedAt: options.now,
        conditions: [...conditions, { type: 'Completed', status: 'False' }],
        persistentVolumeClaims: [],
      },
    },
  };
}

// The controller runs a workflow made from a template by the spec it stored at the first run, so new
// parameter values must go there too (as Argo's overrideParameters does), or the retry would run
// with the old ones.
function storedSpec(
  stored: { shutdown?: string; arguments?: Record<string, unknown> },
  overridden: { parameters: unknown[] } | undefined,
): object {
  const { shutdown, ...rest } = stored;
  if (overridden === undefined) return rest;
  return { ...rest, arguments: { ...(stored.arguments ?? {}), parameters: overridden.parameters } };
}

function overriddenArguments(
  spec: RetryWorkflow['spec'],
  parameters: Readonly<Record<string, string>>,
): ({ parameters: { name: string; value?: string }[] } & Record<string, unknown>) | undefined {
  if (Object.keys(parameters).length === 0) return undefined;
  const given = Object.entries(parameters).map(([name, value]) => ({ name, value }));
  const kept = (spec.arguments?.parameters ?? []).filter((p) => !(p.name in parameters));
  return { ...(spec.arguments ?? {}), parameters: [...given, ...kept] };
}

// A node that runs again: Running (a skipped node stays skipped), no message, started now.
function resetNode(node: RawNode, now: string): RawNode {
  const { message, finishedAt, ...rest } = node;
  const reset: RawNode = {
    ...rest,
    phase: node['phase'] === 'Skipped' ? 'Skipped' : 'Running',
    startedAt: now,
  };
  if (node['type'] === 'Suspend' && typeof node['outputs'] === 'object' && node['outputs'] !== null) {
    const outputs = node['outputs'] as { parameters?: { name?: string }[] };
    reset['outputs'] = {
      ...outputs,
      parameters: (outputs.parameters ?? []).map((p) => ({ name: p.name, valueFrom: { supplied: {} } })),
    };
  }
  return reset;
}
