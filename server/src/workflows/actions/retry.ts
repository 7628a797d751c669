// Retrying a workflow in place as the user: the rules are in retry-rules.ts; this reads, deletes pods, writes.
import { gzipSync } from 'node:zlib';
import type { WorkflowActionResult } from '@argovue/api-types';
import type { KubeIdentity } from '../../auth/identity.ts';
import { KubeError, type KubeApi } from '../../kube/kube-api.ts';
import { HttpError } from '../../http/errors.ts';
import { kubeRefusal, refusedAs } from '../../http/kube-errors.ts';
import { aWorkflow } from '../workflow-ref.ts';
import { workflowNodes } from '../nodes.ts';
import { checkParametersAgainstTemplate } from './parameter-overrides.ts';
import { dnsFriendly } from './resubmit.ts';
import { formulateRetry, type RetryWorkflow } from './retry-rules.ts';
import { listWorkflowPods, nodeIdOfPod } from '../workflow-pods.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';

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
  const path = apiPath(kinds.workflows, { namespace, name });
  const workflow = await api
    .json<RetryWorkflow>({ path, as: identity })
    .catch(refusedAs(aWorkflow(namespace, name)));
  await checkParametersAgainstTemplate(api, identity, namespace, workflow, request.parameters ?? {});
  const nodes = await workflowNodes(workflow.status);
  if (!nodes.ok)
    throw new HttpError(
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
    throw new HttpError(
      409,
      'CONFLICT',
      `Workflow ${name} cannot be retried: ${result.reason}.`,
      'Retry a failed workflow, or choose a node and restart successful nodes.',
    );

  // The pods of the nodes that run again, found by the node id Argo writes on each pod.
  if (result.podNodesToDelete.length > 0) {
    const wanted = new Set(result.podNodesToDelete);
    const pods = await listWorkflowPods(api, identity, namespace, name).catch(
      refusedAs(aWorkflow(namespace, name)),
    );
    for (const pod of pods) {
      const podName = pod.metadata?.name;
      if (podName === undefined || !wanted.has(nodeIdOfPod(pod) ?? '')) continue;
      await api
        .json({ method: 'DELETE', path: apiPath(kinds.pods, { namespace, name: podName }), as: identity })
        .catch((error: unknown) => {
          // Gone already is what the delete wanted.
          if (error instanceof KubeError && error.status === 404) return;
          // They may see the workflow and its pods: a refusal of the delete is theirs to know.
          throw kubeRefusal(
            error,
            { kind: 'Pod', namespace, name: podName },
            {
              403: {
                code: 'FORBIDDEN',
                message: `You may not delete the pods of ${name}, which a retry needs.`,
                hint: 'Ask for the delete verb on pods in this namespace.',
              },
            },
          );
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
    .catch(refusedAs(aWorkflow(namespace, name)));
  const rerun = result.podNodesToDelete.length;
  return {
    namespace,
    name,
    message: `Retrying ${name}: ${rerun} node${rerun === 1 ? '' : 's'} will run again.`,
  };
}
