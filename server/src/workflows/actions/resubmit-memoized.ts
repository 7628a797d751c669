// The node map of a memoized resubmit, as Argo's FormulateResubmitWorkflow makes it (learned from
// v4.0.5, written anew). The new workflow gets a name chosen in advance, because its node ids are
// derived from it; every old node is renamed to it. A pod node that did not fail becomes a Skipped
// node ("original pod: <old id>") that keeps its outputs, so the controller does not run it again; a
// failed pod node and every group node go back to Pending; an old Skipped/Omitted node goes unless
// something below it succeeded; the exit handler's nodes go, so it runs again.
// Upstream surprises, kept as they are (the differential test pins them): only pod nodes are
// memoized, so a step with a retryStrategy runs again (its Retry node goes Pending, and a Skipped
// attempt is no success to it); a dropped node's id stays in its parents' children.
// Pure: the caller reads the old workflow and creates the new one.
import type { RawNode } from '../nodes.ts';

/** Argo's node id: the workflow's name for its root, else `<workflow>-<FNV-1a 32 of the node name>`. */
export function argoNodeId(workflowName: string, nodeName: string): string {
  if (nodeName === workflowName) return workflowName;
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(nodeName, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${workflowName}-${hash}`;
}

const str = (node: RawNode | undefined, key: string): string =>
  node !== undefined && typeof node[key] === 'string' ? node[key] : '';
const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
const failedOrError = (node: RawNode): boolean => node['phase'] === 'Failed' || node['phase'] === 'Error';

export function memoizedNodes(
  oldName: string,
  newName: string,
  nodes: ReadonlyMap<string, RawNode>,
  now: string,
): Map<string, RawNode> {
  const rename = (name: string): string =>
    name.startsWith(oldName) ? newName + name.slice(oldName.length) : name;
  // An id that names no node converts as the empty name would, which is what Argo does.
  const convert = (oldId: string): string => argoNodeId(newName, rename(str(nodes.get(oldId), 'name')));

  // Whether anything below a node succeeded; a seen set keeps a cycle in a broken status finite.
  const descendantSucceeded = (id: string, seen: Set<string>): boolean => {
    for (const child of ids(nodes.get(id)?.['children'])) {
      if (seen.has(child)) continue;
      seen.add(child);
      const node = nodes.get(child);
      if (node?.['phase'] === 'Succeeded' || descendantSucceeded(child, seen)) return true;
    }
    return false;
  };

  const next = new Map<string, RawNode>();
  for (const [oldId, node] of nodes) {
    const name = str(node, 'name');
    if (name.startsWith(`${oldName}.onExit`)) continue;
    const copy: RawNode = { ...node, name: rename(name), id: argoNodeId(newName, rename(name)) };
    delete copy['message'];
    delete copy['startedAt'];
    delete copy['finishedAt'];
    delete copy['children'];
    delete copy['outboundNodes'];
    if (str(node, 'boundaryID') !== '') copy['boundaryID'] = convert(str(node, 'boundaryID'));
    // A failed pod starts afresh (no times); everything else is stamped now, finished or not.
    if (!(failedOrError(node) && node['type'] === 'Pod')) {
      copy['startedAt'] = now;
      copy['finishedAt'] = now;
    }
    const newChildren = ids(node['children']).map(convert);
    if (newChildren.length > 0) copy['children'] = newChildren;
    const newOutbound = ids(node['outboundNodes']).map(convert);
    if (newOutbound.length > 0) copy['outboundNodes'] = newOutbound;

    if (node['type'] === 'Pod' && !failedOrError(node)) {
      copy['phase'] = 'Skipped';
      copy['type'] = 'Skipped';
      copy['message'] = `original pod: ${oldId}`;
    } else if (node['type'] === 'Skipped' && !descendantSucceeded(oldId, new Set([oldId]))) {
      // Argo drops it but leaves its id in its parents' children; the controller makes it anew.
      continue;
    } else {
      copy['phase'] = 'Pending';
    }
    next.set(copy['id'] as string, copy);
  }
  return next;
}
