// Changing workflows, always as the user (impersonated): the apiserver enforces RBAC on every write.
// stop/terminate/suspend/resume are the spec fields Argo's controller acts on; submit creates a
// Workflow that references a template and carries only parameter values — never pod fields such as
// podSpecPatch, serviceAccountName or securityContext, which users must not choose.
import type { SubmitWorkflowRequest, WorkflowAction, WorkflowActionResult } from '@argovue/api-types';
import type { KubeIdentity } from '../auth/identity.ts';
import { gzipSync } from 'node:zlib';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { workflowNodes, type RawNode } from './nodes.ts';
import { formulateRetry, type RetryWorkflow } from './retry.ts';

/** An action the user may not take now, or whose input was wrong: status, code and words for them. */
export class ActionRefused extends Error {
  readonly status: 400 | 404 | 409;
  readonly code: 'INPUT_INVALID' | 'NOT_FOUND' | 'CONFLICT';
  readonly hint: string;
  constructor(
    status: 400 | 404 | 409,
    code: 'INPUT_INVALID' | 'NOT_FOUND' | 'CONFLICT',
    message: string,
    hint: string,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.hint = hint;
  }
}

interface Workflow {
  metadata?: { name?: string; resourceVersion?: string };
  spec?: { suspend?: boolean; shutdown?: string };
  status?: { phase?: string; nodes?: unknown; compressedNodes?: unknown };
}

interface TemplateParameter {
  name?: string;
  value?: string;
  enum?: string[];
}

interface Template {
  spec?: { arguments?: { parameters?: TemplateParameter[] } };
}

const finished = new Set(['Succeeded', 'Failed', 'Error']);
const base = '/apis/argoproj.io/v1alpha1';

function missing(namespace: string, name: string): ActionRefused {
  return new ActionRefused(
    404,
    'NOT_FOUND',
    `Workflow ${name} in ${namespace} was not found, or you have no access to it.`,
    'Check the name and namespace.',
  );
}

/** A Kubernetes refusal as the user sees it: 403 and 404 alike, a conflict as "changed meanwhile". */
function refusal(error: unknown, namespace: string, name: string): never {
  if (error instanceof KubeError && (error.status === 403 || error.status === 404))
    throw missing(namespace, name);
  if (error instanceof KubeError && error.status === 409) {
    throw new ActionRefused(
      409,
      'CONFLICT',
      `Workflow ${name} changed while this action was made.`,
      'Reload and try again.',
    );
  }
  throw error;
}

export async function actOnWorkflow(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
  action: WorkflowAction,
): Promise<WorkflowActionResult> {
  const path = `${base}/namespaces/${namespace}/workflows/${name}`;
  const workflow = await api
    .json<Workflow>({ path, as: identity })
    .catch((error: unknown) => refusal(error, namespace, name));
  const phase = workflow.status?.phase ?? 'Pending';
  if (finished.has(phase)) {
    throw new ActionRefused(
      409,
      'CONFLICT',
      `Workflow ${name} has already ${phase === 'Succeeded' ? 'succeeded' : 'finished'}: there is nothing to ${action}.`,
      'Retry or resubmit it to run it again.',
    );
  }
  if (action === 'resume') return resume(api, identity, path, workflow, namespace, name);
  if (action === 'suspend' && workflow.spec?.suspend === true) {
    throw new ActionRefused(
      409,
      'CONFLICT',
      `Workflow ${name} is already suspended.`,
      'Resume it to let it go on.',
    );
  }
  const spec = {
    stop: { shutdown: 'Stop' },
    terminate: { shutdown: 'Terminate' },
    suspend: { suspend: true },
  }[action];
  // The resourceVersion makes the patch fail rather than act on a workflow that changed meanwhile.
  await api
    .json({
      method: 'PATCH',
      path,
      as: identity,
      contentType: 'application/merge-patch+json',
      body: { metadata: { resourceVersion: workflow.metadata?.resourceVersion }, spec },
    })
    .catch((error: unknown) => refusal(error, namespace, name));
  const done = { stop: 'Stopping', terminate: 'Terminating', suspend: 'Suspended' }[action];
  return { namespace, name, message: `${done} ${name}.` };
}

/**
 * Resume as Argo means it: clear spec.suspend and let every active suspend node (a `suspend`
 * template waiting) succeed, with its output parameters' defaults and who resumed it.
 */
async function resume(
  api: KubeApi,
  identity: KubeIdentity,
  path: string,
  workflow: Workflow,
  namespace: string,
  name: string,
): Promise<WorkflowActionResult> {
  const nodes = workflowNodes(workflow.status);
  if (!nodes.ok) {
    throw new ActionRefused(
      409,
      'CONFLICT',
      `Workflow ${name} cannot be resumed: ${nodes.reason}.`,
      'Its status is malformed.',
    );
  }
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const resumed = new Map<string, RawNode>();
  for (const [id, node] of nodes.nodes) {
    if (node['type'] !== 'Suspend' || node['phase'] !== 'Running') continue;
    const before =
      typeof node['message'] === 'string' && node['message'] !== '' ? `${node['message']}; ` : '';
    resumed.set(id, {
      ...node,
      phase: 'Succeeded',
      message: `${before}Resumed by: ${identity.username}`,
      finishedAt: now,
      ...(node['outputs'] === undefined ? {} : { outputs: withDefaultOutputs(node['outputs']) }),
    });
  }
  if (workflow.spec?.suspend !== true && resumed.size === 0) {
    throw new ActionRefused(
      409,
      'CONFLICT',
      `Workflow ${name} is not suspended.`,
      'Only a suspended workflow, or one waiting in a suspend step, can be resumed.',
    );
  }
  let status: Record<string, unknown> | undefined;
  if (resumed.size > 0 && workflow.status?.compressedNodes !== undefined) {
    const all = Object.fromEntries([...nodes.nodes].map(([id, node]) => [id, resumed.get(id) ?? node]));
    status = { compressedNodes: gzipSync(JSON.stringify(all)).toString('base64') };
  } else if (resumed.size > 0) {
    status = { nodes: Object.fromEntries(resumed) };
  }
  await api
    .json({
      method: 'PATCH',
      path,
      as: identity,
      contentType: 'application/merge-patch+json',
      body: {
        metadata: { resourceVersion: workflow.metadata?.resourceVersion },
        spec: { suspend: null },
        ...(status === undefined ? {} : { status }),
      },
    })
    .catch((error: unknown) => refusal(error, namespace, name));
  const steps =
    resumed.size === 0 ? '' : ` (${resumed.size} suspend step${resumed.size === 1 ? '' : 's'} continued)`;
  return { namespace, name, message: `Resumed ${name}${steps}.` };
}

// A suspend node's output parameters that wait for a supplied value take their default.
function withDefaultOutputs(outputs: unknown): unknown {
  if (typeof outputs !== 'object' || outputs === null) return outputs;
  const parameters = (outputs as { parameters?: unknown }).parameters;
  if (!Array.isArray(parameters)) return outputs;
  return {
    ...outputs,
    parameters: parameters.map((parameter: unknown) => {
      const p = parameter as { valueFrom?: { supplied?: unknown; default?: unknown } } & Record<
        string,
        unknown
      >;
      if (p.valueFrom?.supplied === undefined || p.valueFrom.default === undefined) return parameter;
      return {
        ...Object.fromEntries(Object.entries(p).filter(([key]) => key !== 'valueFrom')),
        value: p.valueFrom.default,
      };
    }),
  };
}

export async function deleteWorkflow(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
): Promise<WorkflowActionResult> {
  await api
    .json({
      method: 'DELETE',
      path: `${base}/namespaces/${namespace}/workflows/${name}`,
      as: identity,
      body: { propagationPolicy: 'Background' },
    })
    .catch((error: unknown) => refusal(error, namespace, name));
  return { namespace, name, message: `Deleted ${name}.` };
}

/** The parameters to send: the template's, with the user's values; every problem named at once. */
export function resolveParameters(
  declared: readonly TemplateParameter[],
  given: Readonly<Record<string, string>>,
): { name: string; value: string }[] {
  const problems: string[] = [];
  const known = new Map(declared.filter((p) => p.name).map((p) => [p.name as string, p]));
  for (const name of Object.keys(given))
    if (!known.has(name)) problems.push(`the template has no parameter "${name}"`);
  const resolved: { name: string; value: string }[] = [];
  for (const [name, parameter] of known) {
    const value = given[name] ?? parameter.value;
    if (value === undefined) {
      problems.push(`"${name}" needs a value`);
      continue;
    }
    if (parameter.enum !== undefined && parameter.enum.length > 0 && !parameter.enum.includes(value)) {
      problems.push(`"${name}" must be one of ${parameter.enum.join(', ')}`);
      continue;
    }
    resolved.push({ name, value });
  }
  if (problems.length > 0) {
    throw new ActionRefused(
      400,
      'INPUT_INVALID',
      `The parameters do not match the template: ${problems.join('; ')}.`,
      'Fix the values and submit again.',
    );
  }
  return resolved;
}

export async function submitWorkflow(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  request: SubmitWorkflowRequest,
): Promise<WorkflowActionResult> {
  const { name: templateName, cluster = false } = request.template;
  const templatePath = cluster
    ? `${base}/clusterworkflowtemplates/${templateName}`
    : `${base}/namespaces/${namespace}/workflowtemplates/${templateName}`;
  const template = await api.json<Template>({ path: templatePath, as: identity }).catch((error: unknown) => {
    if (error instanceof KubeError && (error.status === 403 || error.status === 404)) {
      throw new ActionRefused(
        404,
        'NOT_FOUND',
        `Template ${templateName} was not found, or you have no access to it.`,
        'Pick a template from the list.',
      );
    }
    throw error;
  });
  const parameters = resolveParameters(template.spec?.arguments?.parameters ?? [], request.parameters ?? {});
  const created = await api
    .json<Workflow>({
      method: 'POST',
      path: `${base}/namespaces/${namespace}/workflows`,
      as: identity,
      body: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        metadata: {
          generateName: `${templateName.slice(0, 50)}-`,
          annotations: { 'argovue.dev/submitted-by': identity.username },
          labels: {
            [cluster
              ? 'workflows.argoproj.io/cluster-workflow-template'
              : 'workflows.argoproj.io/workflow-template']: templateName,
          },
        },
        spec: {
          workflowTemplateRef: { name: templateName, ...(cluster ? { clusterScope: true } : {}) },
          arguments: { parameters },
        },
      },
    })
    .catch((error: unknown) => {
      if (error instanceof KubeError && (error.status === 403 || error.status === 404)) {
        throw new ActionRefused(
          404,
          'NOT_FOUND',
          `Namespace ${namespace} was not found, or you have no access to it.`,
          'You may not run workflows there.',
        );
      }
      if (error instanceof KubeError && error.status === 422) {
        throw new ActionRefused(
          400,
          'INPUT_INVALID',
          `Kubernetes refused the workflow: ${error.message}`,
          'Fix the values and submit again.',
        );
      }
      throw error;
    });
  const name = created.metadata?.name ?? '';
  return { namespace, name, message: `Submitted ${name} from ${templateName}.` };
}

// Labels Argo drops when it resubmits (they describe the old run or its creator), as in its
// FormulateResubmitWorkflow.
const labelsNotCarried = new Set([
  'workflows.argoproj.io/creator',
  'workflows.argoproj.io/creator-email',
  'workflows.argoproj.io/creator-preferred-username',
  'workflows.argoproj.io/phase',
  'workflows.argoproj.io/completed',
  'workflows.argoproj.io/workflow-archiving-status',
]);

interface FullWorkflow {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    generateName?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: unknown[];
  };
  spec?: {
    activeDeadlineSeconds?: number;
    shutdown?: string;
    arguments?: { parameters?: { name: string; value?: string }[] };
  } & Record<string, unknown>;
}

/** A label value Kubernetes accepts, made from any text the way Argo makes its creator labels. */
export function dnsFriendly(text: string): string {
  let value = text.replace(/[^-_.a-zA-Z0-9]/g, '-');
  if (value.length > 63) value = value.slice(value.length - 63);
  return value.replace(/^[^a-zA-Z0-9]*/, '').replace(/[^a-zA-Z0-9]*$/, '');
}

/**
 * The workflow a resubmit creates, as Argo's resubmit makes it (not memoized): the old spec without
 * its shutdown (and a 0 deadline a termination left), user labels and annotations carried over,
 * `resubmitted-from-workflow` naming the old one, parameters overridden, the user as creator.
 */
export function resubmittedWorkflow(
  old: FullWorkflow,
  parameters: Readonly<Record<string, string>>,
  identity: KubeIdentity & { email?: string },
): FullWorkflow {
  const oldName = old.metadata?.name ?? '';
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(old.metadata?.labels ?? {}))
    if (!labelsNotCarried.has(key)) labels[key] = value;
  labels['workflows.argoproj.io/creator'] = dnsFriendly(identity.username);
  if (identity.email !== undefined)
    labels['workflows.argoproj.io/creator-email'] = dnsFriendly(identity.email.replace('@', '.at.'));
  delete labels['workflows.argoproj.io/action'];
  labels['workflows.argoproj.io/resubmitted-from-workflow'] = oldName;
  const { shutdown, activeDeadlineSeconds, ...spec } = old.spec ?? {};
  const overridden = Object.entries(parameters).map(([name, value]) => ({ name, value }));
  const kept = (old.spec?.arguments?.parameters ?? []).filter((p) => !(p.name in parameters));
  return {
    apiVersion: old.apiVersion ?? 'argoproj.io/v1alpha1',
    kind: old.kind ?? 'Workflow',
    metadata: {
      generateName: old.metadata?.generateName || `${oldName}-`,
      labels,
      annotations: { ...(old.metadata?.annotations ?? {}), 'argovue.dev/submitted-by': identity.username },
      ...(old.metadata?.ownerReferences?.length ? { ownerReferences: old.metadata.ownerReferences } : {}),
    },
    spec: {
      ...spec,
      ...(activeDeadlineSeconds === undefined || activeDeadlineSeconds === 0
        ? {}
        : { activeDeadlineSeconds }),
      ...(overridden.length > 0
        ? { arguments: { ...(old.spec?.arguments ?? {}), parameters: [...overridden, ...kept] } }
        : {}),
    },
  };
}

export async function resubmitWorkflow(
  api: KubeApi,
  identity: KubeIdentity & { email?: string },
  namespace: string,
  name: string,
  parameters: Readonly<Record<string, string>>,
): Promise<WorkflowActionResult> {
  const path = `${base}/namespaces/${namespace}/workflows`;
  const old = await api
    .json<FullWorkflow>({ path: `${path}/${name}`, as: identity })
    .catch((error: unknown) => refusal(error, namespace, name));
  const created = await api
    .json<Workflow>({
      method: 'POST',
      path,
      as: identity,
      body: resubmittedWorkflow(old, parameters, identity),
    })
    .catch((error: unknown) => refusal(error, namespace, name));
  const newName = created.metadata?.name ?? '';
  return { namespace, name: newName, message: `Resubmitted ${name} as ${newName}.` };
}

export interface RetryRequest {
  nodeId?: string | undefined;
  restartSuccessful?: boolean | undefined;
  parameters?: Readonly<Record<string, string>> | undefined;
}

/** Retry in place, as Argo's server does: formulate, delete the pods that must run again, write. */
export async function retryWorkflow(
  api: KubeApi,
  identity: KubeIdentity & { email?: string },
  namespace: string,
  name: string,
  request: RetryRequest,
): Promise<WorkflowActionResult> {
  const path = `${base}/namespaces/${namespace}/workflows/${name}`;
  const workflow = await api
    .json<RetryWorkflow>({ path, as: identity })
    .catch((error: unknown) => refusal(error, namespace, name));
  const nodes = workflowNodes(workflow.status);
  if (!nodes.ok)
    throw new ActionRefused(
      409,
      'CONFLICT',
      `Workflow ${name} cannot be retried: ${nodes.reason}.`,
      'Its status is malformed.',
    );
  const result = formulateRetry(workflow, nodes.nodes, {
    restartSuccessful: request.restartSuccessful === true,
    nodeId: request.nodeId,
    parameters: request.parameters ?? {},
    now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  if (!result.ok)
    throw new ActionRefused(
      409,
      'CONFLICT',
      `Workflow ${name} cannot be retried: ${result.reason}.`,
      'Retry a failed workflow, or choose a node and restart successful nodes.',
    );

  // The pods of the nodes that run again, found by the node id Argo writes on each pod.
  if (result.podNodesToDelete.length > 0) {
    const wanted = new Set(result.podNodesToDelete);
    const pods = await api
      .json<{ items?: { metadata?: { name?: string; annotations?: Record<string, string> } }[] }>({
        path: `/api/v1/namespaces/${namespace}/pods`,
        query: { labelSelector: `workflows.argoproj.io/workflow=${name}` },
        as: identity,
      })
      .catch((error: unknown) => refusal(error, namespace, name));
    for (const pod of pods.items ?? []) {
      const podName = pod.metadata?.name;
      if (
        podName === undefined ||
        !wanted.has(pod.metadata?.annotations?.['workflows.argoproj.io/node-id'] ?? '')
      )
        continue;
      await api
        .json({ method: 'DELETE', path: `/api/v1/namespaces/${namespace}/pods/${podName}`, as: identity })
        .catch((error: unknown) => {
          if (error instanceof KubeError && error.status === 404) return;
          if (error instanceof KubeError && error.status === 403) {
            throw new ActionRefused(
              404,
              'NOT_FOUND',
              `You may not delete the pods of ${name}, which a retry needs.`,
              'Ask for the delete verb on pods in this namespace.',
            );
          }
          throw error;
        });
    }
  }

  const next = result.workflow;
  const allNodes = Object.fromEntries(result.nodes);
  const { nodes: staleNodes, compressedNodes, ...status } = next.status;
  const labels = { ...(next.metadata.labels ?? {}) };
  labels['workflows.argoproj.io/actor'] = dnsFriendly(identity.username);
  if (identity.email !== undefined)
    labels['workflows.argoproj.io/actor-email'] = dnsFriendly(identity.email.replace('@', '.at.'));
  delete labels['workflows.argoproj.io/actor-preferred-username'];
  labels['workflows.argoproj.io/action'] = 'retry';
  await api
    .json({
      method: 'PUT',
      path,
      as: identity,
      body: {
        ...next,
        metadata: { ...next.metadata, labels },
        status:
          compressedNodes === undefined
            ? { ...status, nodes: allNodes }
            : { ...status, compressedNodes: gzipSync(JSON.stringify(allNodes)).toString('base64') },
      },
    })
    .catch((error: unknown) => refusal(error, namespace, name));
  const rerun = result.podNodesToDelete.length;
  return {
    namespace,
    name,
    message: `Retrying ${name}: ${rerun} node${rerun === 1 ? '' : 's'} will run again.`,
  };
}
