// One node of a workflow with what it took and gave (inputs, outputs, exit code), read as the user.
// The workflow page's node list leaves these out: with thousands of nodes they would weigh megabytes.
import type { WorkflowNodeDetail } from '@argovue/api-types';
import type { KubeIdentity } from '../../auth/identity.ts';
import { answer, refusedAs } from '../../http/kube-errors.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { aWorkflow } from '../workflow-ref.ts';
import { workflowNode } from '../node-projection.ts';
import { inputsAndOutputs, isRecord } from './node-io.ts';
import { workflowNodes, type RawNode, type WorkflowStatusNodes } from '../nodes.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';

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
): Promise<WorkflowNodeDetail> {
  const object = await api
    .json<{ status?: WorkflowStatusNodes }>({
      path: apiPath(kinds.workflows, { namespace, name }),
      as: identity,
    })
    .catch(refusedAs(aWorkflow(namespace, name)));
  const nodes = await workflowNodes(object.status);
  const raw = nodes.ok ? nodes.nodes.get(nodeId) : undefined;
  if (raw === undefined) {
    throw answer({
      code: 'NOT_FOUND',
      // The reason is ours (nodes.ts names what is malformed), not upstream's.
      message: nodes.ok
        ? `Workflow ${name} has no node ${nodeId}.`
        : `The nodes of workflow ${name} cannot be read: ${nodes.reason}`,
      hint: 'Open the node from the workflow’s graph; a retry can replace nodes.',
    });
  }
  return nodeDetailOf(nodeId, raw);
}
