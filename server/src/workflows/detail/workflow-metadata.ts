// Whether a user may read a workflow, and its uid, for the reads that only hang off it (its events, its
// pods): the metadata alone is asked for (PartialObjectMetadata), not a status that can weigh megabytes.
import type { KubeIdentity } from '../../auth/identity.ts';
import { refusedAs } from '../../http/kube-errors.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { aWorkflow } from '../workflow-ref.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';

const metadataOnly = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json';

/** The workflow's uid, read as the user; NOT_FOUND alike when it does not exist or they may not read it. */
export async function workflowUidForUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
  signal?: AbortSignal,
): Promise<{ uid: string }> {
  const object = await api
    .json<{ metadata?: { uid?: string } }>({
      path: apiPath(kinds.workflows, { namespace, name }),
      accept: metadataOnly,
      as: identity,
      ...(signal === undefined ? {} : { signal }),
    })
    .catch(refusedAs(aWorkflow(namespace, name)));
  return { uid: object.metadata?.uid ?? '' };
}
