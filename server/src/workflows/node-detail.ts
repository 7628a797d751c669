// One node of a workflow with what it took and gave (inputs, outputs, exit code), read as the user.
// The workflow page's node list leaves these out: with thousands of nodes they would weigh megabytes.
import type { WorkflowNodeDetail } from '@argovue/api-types';
import type { KubeIdentity } from '../auth/identity.ts';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { base } from './actions.ts';
import { workflowNode } from './detail.ts';
import { inputsAndOutputs, isRecord } from './node-io.ts';
import { workflowNodes, type RawNode, type WorkflowStatusNodes } from './nodes.ts';

export type NodeDetailResult =
  { ok: true; detail: WorkflowNodeDetail } | { ok: false; missing: 'workflow' | 'node'; reason?: string };

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export function nodeDetailOf(id: string, raw: RawNode): WorkflowNodeDetail {
  const usage = isRecord(raw['resourcesDuration']) ? raw['resourcesDuration'] : undefined;
  const resourcesDuration =
    usage === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(usage).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
        );
  const hostNodeName = text(raw['hostNodeName']);
  return {
    node: workflowNode(id, raw),
    ...inputsAndOutputs(raw),
    ...(hostNodeName === undefined ? {} : { hostNodeName }),
    ...(resourcesDuration === undefined ? {} : { resourcesDuration }),
  };
}

export async function readNodeDetail(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
  nodeId: string,
): Promise<NodeDetailResult> {
  let object: { status?: WorkflowStatusNodes };
  try {
    object = await api.json({
      path: `${base}/namespaces/${namespace}/workflows/${encodeURIComponent(name)}`,
      as: identity,
    });
  } catch (error) {
    if (error instanceof KubeError && (error.status === 403 || error.status === 404))
      return { ok: false, missing: 'workflow' };
    throw error;
  }
  const nodes = await workflowNodes(object.status);
  if (!nodes.ok) return { ok: false, missing: 'node', reason: nodes.reason };
  const raw = nodes.nodes.get(nodeId);
  if (raw === undefined) return { ok: false, missing: 'node' };
  return { ok: true, detail: nodeDetailOf(nodeId, raw) };
}
