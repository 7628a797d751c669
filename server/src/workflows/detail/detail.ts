// One workflow for a user, read from the apiserver as that user (impersonated): Kubernetes decides
// whether they may see it, and a refusal looks exactly like a missing workflow.
import type { NodePhase, WorkflowDetail, WorkflowNode } from '@argovue/api-types';
import type { KubeIdentity } from '../../auth/identity.ts';
import { refusedAs } from '../../http/kube-errors.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { aWorkflow } from '../workflow-ref.ts';
import { inputsAndOutputs } from './node-io.ts';
import { workflowNodes, type RawNode } from '../nodes.ts';
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

const nodePhases: readonly NodePhase[] = [
  'Pending',
  'Running',
  'Succeeded',
  'Failed',
  'Error',
  'Skipped',
  'Omitted',
];

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
    nodes: nodes.ok ? [...nodes.nodes].map(([id, raw]) => workflowNode(id, raw)) : [],
    ...(nodes.ok ? {} : { nodesError: nodes.reason }),
    object: { ...object, status },
    outputs: inputsAndOutputs({ outputs: object.status?.outputs }).outputs,
  };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** A raw status node as the API's node; unknown or missing fields get safe values. */
export function workflowNode(id: string, raw: RawNode): WorkflowNode {
  const children = Array.isArray(raw['children'])
    ? raw['children'].filter((c): c is string => typeof c === 'string')
    : [];
  const phase = nodePhases.find((p) => p === raw['phase']) ?? 'Pending';
  const optional = {
    message: text(raw['message']),
    templateName: text(raw['templateName']),
    boundaryId: text(raw['boundaryID']),
    startedAt: text(raw['startedAt']),
    finishedAt: text(raw['finishedAt']),
  };
  return {
    id,
    name: text(raw['name']) ?? id,
    displayName: text(raw['displayName']) ?? text(raw['name']) ?? id,
    type: text(raw['type']) ?? 'Unknown',
    phase,
    children,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}
