// Changing workflows, always as the user (impersonated): the apiserver enforces RBAC on every write.
// stop/terminate/suspend/resume are the spec fields Argo's controller acts on; submit, resubmit and
// retry live beside this file; Kubernetes' refusals become answers in http/kube-errors.ts.
import type { WorkflowAction, WorkflowActionResult } from '@argovue/api-types';
import type { KubeIdentity } from '../../auth/identity.ts';
import { gzipSync } from 'node:zlib';
import { HttpError } from '../../http/errors.ts';
import { refusedAs } from '../../http/kube-errors.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { workflowNodes, type RawNode } from '../nodes.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';
import { aWorkflow } from '../workflow-ref.ts';

interface Workflow {
  metadata?: { name?: string; resourceVersion?: string };
  spec?: { suspend?: boolean; shutdown?: string };
  status?: { phase?: string; nodes?: unknown; compressedNodes?: unknown };
}

const finished = new Set(['Succeeded', 'Failed', 'Error']);

export async function actOnWorkflow(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
  action: WorkflowAction,
): Promise<WorkflowActionResult> {
  const path = apiPath(kinds.workflows, { namespace, name });
  const workflow = await api
    .json<Workflow>({ path, as: identity })
    .catch(refusedAs(aWorkflow(namespace, name)));
  const phase = workflow.status?.phase ?? 'Pending';
  if (finished.has(phase)) {
    throw new HttpError(
      409,
      'CONFLICT',
      `Workflow ${name} has already ${phase === 'Succeeded' ? 'succeeded' : 'finished'}: there is nothing to ${action}.`,
      'Retry or resubmit it to run it again.',
    );
  }
  if (action === 'resume') return resume(api, identity, path, workflow, namespace, name);
  if (action === 'suspend' && workflow.spec?.suspend === true) {
    throw new HttpError(
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
    .catch(refusedAs(aWorkflow(namespace, name)));
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
  const nodes = await workflowNodes(workflow.status);
  if (!nodes.ok) {
    throw new HttpError(
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
    throw new HttpError(
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
    .catch(refusedAs(aWorkflow(namespace, name)));
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
      path: apiPath(kinds.workflows, { namespace, name }),
      as: identity,
      body: { propagationPolicy: 'Background' },
    })
    .catch(refusedAs(aWorkflow(namespace, name)));
  return { namespace, name, message: `Deleted ${name}.` };
}
