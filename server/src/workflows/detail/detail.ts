// One workflow for a user, read from the apiserver as that user (impersonated): Kubernetes decides
// whether they may see it, and a refusal looks exactly like a missing workflow.
import type { WorkflowDetail, WorkflowNode } from '@argovue/api-types';
import type { KubeIdentity } from '../../auth/identity.ts';
import { refusedAs } from '../../http/kube-errors.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { aWorkflow } from '../workflow-ref.ts';
import { inputsAndOutputs } from './node-io.ts';
import { workflowNodes, type NodesResult } from '../nodes.ts';
import { workflowNode } from '../node-projection.ts';
import { workflowRow } from '../list/rows.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';

export interface RawWorkflowObject {
  metadata?: { annotations?: Record<string, string> } & Record<string, unknown>;
  spec?: { entrypoint?: string; arguments?: { parameters?: { name?: string; value?: string }[] } } & Record<
    string,
    unknown
  >;
  status?: { nodes?: unknown; compressedNodes?: unknown; outputs?: unknown } & Record<string, unknown>;
}

export async function readWorkflowForUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
): Promise<WorkflowDetail> {
  const object = await api
    .json<RawWorkflowObject>({
      path: apiPath(kinds.workflows, { namespace, name }),
      as: identity,
    })
    .catch(refusedAs(aWorkflow(namespace, name)));
  return workflowDetailOf(object);
}

/** A workflow object (live, or from the archive) as the API's detail: its row, parameters and graph. */
export async function workflowDetailOf(object: RawWorkflowObject): Promise<WorkflowDetail> {
  const nodes = await workflowNodes(object.status);
  return workflowDetailWith(
    object,
    nodes.ok ? { ok: true, nodes: [...nodes.nodes].map(([id, raw]) => workflowNode(id, raw)) } : nodes,
  );
}

/** The detail of an object whose nodes were read (and projected) already. */
export function workflowDetailWith(
  object: RawWorkflowObject,
  nodes: { ok: true; nodes: WorkflowNode[] } | Extract<NodesResult, { ok: false }>,
): WorkflowDetail {
  // The YAML view shows the object without its node map (thousands of nodes are the graph's job).
  const status = Object.fromEntries(
    Object.entries(object.status ?? {}).filter(([key]) => key !== 'nodes' && key !== 'compressedNodes'),
  );
  return {
    row: workflowRow(object as Parameters<typeof workflowRow>[0]),
    ...(object.spec?.entrypoint === undefined ? {} : { entrypoint: object.spec.entrypoint }),
    parameters: (object.spec?.arguments?.parameters ?? []).map((p) => ({
      name: p.name ?? '',
      ...(p.value === undefined ? {} : { value: p.value }),
    })),
    annotations: object.metadata?.annotations ?? {},
    nodes: nodes.ok ? nodes.nodes : [],
    ...(nodes.ok ? {} : { nodesError: nodes.reason }),
    object: { ...object, status },
    outputs: inputsAndOutputs({ outputs: object.status?.outputs }).outputs,
  };
}
