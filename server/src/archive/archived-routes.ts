// An archived run's page and its resubmit:
//   GET  /api/v1/namespaces/:namespace/archived-workflows/:uid           → WorkflowDetail (row.archivedUid set)
//   POST /api/v1/namespaces/:namespace/archived-workflows/:uid/resubmit  → WorkflowActionResult
// The archive has no access control of its own: a run is read only from a namespace where Kubernetes
// lets the user list workflows (the access review the live list uses), and anything else answers
// exactly like a run that does not exist. The resubmit creates the new workflow as the user.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WorkflowActionResult, WorkflowDetail } from '@argovue/api-types';
import { requireUser } from '../http/request-guards.ts';
import type { KubeIdentity } from '../auth/identity.ts';
import { HttpError } from '../http/errors.ts';
import { notFound } from '../http/kube-errors.ts';
import { idempotent, IdempotencyKeys } from '../http/idempotency.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import { namespaceParam, parseInput } from '../http/params.ts';
import { aWorkflow } from '../workflows/workflow-ref.ts';
import { workflowDetailOf } from '../workflows/detail/detail.ts';
import type { WorkflowDirectory } from '../workflows/workflow-directory.ts';
import { resubmitFrom, type FullWorkflow } from '../workflows/actions/resubmit.ts';
import { ResubmitSchema } from '../workflows/actions/routes.ts';
import type { WorkflowArchive } from './workflow-archive.ts';

// Kubernetes uids are UUIDs; Argo's archive keys runs by them.
const uidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function uidParam(request: FastifyRequest): string {
  const { uid } = request.params as { uid: string };
  if (!uidPattern.test(uid)) {
    throw new HttpError(
      400,
      'INPUT_INVALID',
      `"${uid.slice(0, 80)}" is not the uid of an archived workflow.`,
      "An archived workflow's page is named by its uid, as the workflow list links it.",
    );
  }
  return uid;
}

export function registerArchivedWorkflowRoutes(
  app: FastifyInstance,
  workflows: WorkflowDirectory,
  archive: WorkflowArchive,
  api: KubeApi,
): void {
  const idempotencyKeys = new IdempotencyKeys();

  /** The archived object, if the user may list workflows in its namespace and it is there. */
  async function readForUser(
    identity: KubeIdentity,
    namespace: string,
    uid: string,
  ): Promise<Record<string, unknown>> {
    // Asked before the database: a namespace the user may not use is never looked up.
    const allowed = await workflows.listableNamespaces(identity, namespace);
    const object = allowed === undefined ? undefined : await archive.get(namespace, uid);
    if (object === undefined) throw notFound(aWorkflow(namespace, uid));
    return object;
  }

  app.get(
    '/api/v1/namespaces/:namespace/archived-workflows/:uid',
    async (request): Promise<WorkflowDetail> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const uid = uidParam(request);
      const object = await readForUser(user, namespace, uid);
      const detail = await workflowDetailOf(object);
      return { ...detail, row: { ...detail.row, archivedUid: uid } };
    },
  );

  app.post(
    '/api/v1/namespaces/:namespace/archived-workflows/:uid/resubmit',
    async (request, reply): Promise<WorkflowActionResult> => {
      const { user } = requireUser(request);
      const namespace = namespaceParam(request);
      const uid = uidParam(request);
      const body = parseInput(
        ResubmitSchema,
        request.body ?? {},
        'resubmit',
        'Send { parameters?: { name: "value" }, memoized?: true } or nothing.',
      );
      const result = await idempotent(idempotencyKeys, request, reply, user.username, async () => {
        const old = (await readForUser(user, namespace, uid)) as FullWorkflow;
        const name = old.metadata?.name ?? uid;
        return resubmitFrom(api, user, namespace, name, old, body);
      });
      reply.status(201);
      return result;
    },
  );
}
