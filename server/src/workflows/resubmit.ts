// Resubmitting a workflow as the user, with Argo's (non-memoized) semantics.
import type { WorkflowActionResult } from '@argovue/api-types';
import type { KubeIdentity } from '../auth/identity.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import { base, refusal } from './actions.ts';

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
