// Resubmitting a workflow as the user, with Argo's semantics: a new workflow from the old one's spec;
// memoized, it also carries the old nodes so what succeeded is not run again (resubmit-memoized.ts).
import { randomInt } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { WorkflowActionResult } from '@argovue/api-types';
import type { KubeIdentity } from '../../auth/identity.ts';
import { KubeError, type KubeApi } from '../../kube/kube-api.ts';
import { HttpError } from '../../http/errors.ts';
import { kubeRefusal, refusedAs } from '../../http/kube-errors.ts';
import { aWorkflow } from '../workflow-ref.ts';
import { nodeGraphProblem, workflowNodes } from '../nodes.ts';
import { checkParametersAgainstTemplate } from './parameter-overrides.ts';
import { memoizedNodes } from './resubmit-memoized.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';

interface Workflow {
  metadata?: { name?: string };
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

export interface FullWorkflow {
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
  status?: {
    phase?: string;
    nodes?: unknown;
    compressedNodes?: unknown;
    storedTemplates?: Record<string, unknown>;
  } & Record<string, unknown>;
}

export interface ResubmitRequest {
  parameters?: Readonly<Record<string, string>> | undefined;
  /** Re-use the nodes that succeeded (and their outputs): only for a Failed or Error workflow. */
  memoized?: boolean | undefined;
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

/**
 * The workflow a memoized resubmit creates: the plain resubmit under a name chosen now (node ids
 * derive from it), with the old nodes carried over (see memoizedNodes), the stored templates, and
 * a Completed=False condition — or why it cannot be made.
 */
export async function memoizedResubmittedWorkflow(
  old: FullWorkflow,
  parameters: Readonly<Record<string, string>>,
  identity: KubeIdentity & { email?: string },
  newName: string,
  now: string,
): Promise<{ ok: true; workflow: FullWorkflow } | { ok: false; reason: string }> {
  const phase = old.status?.phase;
  if (phase !== 'Failed' && phase !== 'Error') {
    return {
      ok: false,
      reason: `a memoized resubmit needs a Failed or Error workflow, and this one is ${phase || 'Pending'}`,
    };
  }
  const nodes = await workflowNodes(old.status);
  if (!nodes.ok) return { ok: false, reason: nodes.reason };
  // Argo would recurse for ever on a cycle, or stop at a missing child: a malformed status is refused.
  const problem = nodeGraphProblem(nodes.nodes);
  if (problem !== undefined) return { ok: false, reason: problem };
  const plain = resubmittedWorkflow(old, parameters, identity);
  const carried = Object.fromEntries(memoizedNodes(old.metadata?.name ?? '', newName, nodes.nodes, now));
  const stored = old.status?.storedTemplates ?? {};
  return {
    ok: true,
    workflow: {
      ...plain,
      metadata: { ...plain.metadata, name: newName },
      status: {
        // A workflow big enough to have had its nodes compressed keeps them compressed.
        ...(old.status?.compressedNodes === undefined
          ? { nodes: carried }
          : { compressedNodes: gzipSync(JSON.stringify(carried)).toString('base64') }),
        ...(Object.keys(stored).length > 0 ? { storedTemplates: stored } : {}),
        conditions: [{ type: 'Completed', status: 'False' }],
      },
    },
  };
}

/** generateName plus five of [a-z0-9], as the apiserver (and Argo, for memoized resubmits) makes names. */
function withRandomSuffix(generateName: string): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return generateName + Array.from({ length: 5 }, () => letters[randomInt(letters.length)]).join('');
}

export async function resubmitWorkflow(
  api: KubeApi,
  identity: KubeIdentity & { email?: string },
  namespace: string,
  name: string,
  request: ResubmitRequest,
): Promise<WorkflowActionResult> {
  const old = await api
    .json<FullWorkflow>({ path: apiPath(kinds.workflows, { namespace, name }), as: identity })
    .catch(refusedAs(aWorkflow(namespace, name)));
  return resubmitFrom(api, identity, namespace, name, old, request);
}

/** Resubmits `old` (read live, or from the archive) as the user: a new workflow in `namespace`. */
export async function resubmitFrom(
  api: KubeApi,
  identity: KubeIdentity & { email?: string },
  namespace: string,
  name: string,
  old: FullWorkflow,
  request: ResubmitRequest,
): Promise<WorkflowActionResult> {
  const path = apiPath(kinds.workflows, { namespace });
  const parameters = request.parameters ?? {};
  await checkParametersAgainstTemplate(api, identity, namespace, old, parameters);
  let created: Workflow | undefined;
  if (request.memoized === true) {
    // A name taken by chance (one in 36^5) is tried again with another suffix.
    for (let attempt = 0; created === undefined; attempt++) {
      const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const made = await memoizedResubmittedWorkflow(
        old,
        parameters,
        identity,
        withRandomSuffix(old.metadata?.generateName || `${name}-`),
        now,
      );
      if (!made.ok) {
        throw new HttpError(
          409,
          'CONFLICT',
          `Workflow ${name} cannot be resubmitted memoized: ${made.reason}.`,
          'Resubmit it without memoized, or wait until it has failed.',
        );
      }
      created = await api
        .json<Workflow>({ method: 'POST', path, as: identity, body: made.workflow })
        .catch((error: unknown) => {
          if (attempt < 2 && error instanceof KubeError && error.status === 409) return undefined;
          throw kubeRefusal(error, aWorkflow(namespace, name));
        });
    }
  } else {
    created = await api
      .json<Workflow>({
        method: 'POST',
        path,
        as: identity,
        body: resubmittedWorkflow(old, parameters, identity),
      })
      .catch(refusedAs(aWorkflow(namespace, name)));
  }
  const newName = created.metadata?.name ?? '';
  const how = request.memoized === true ? ' (memoized: what succeeded is not run again)' : '';
  return { namespace, name: newName, message: `Resubmitted ${name} as ${newName}${how}.` };
}
