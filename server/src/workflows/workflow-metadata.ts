// Whether a user may read a workflow, and its uid, for the reads that only hang off it (its events, its
// pods): the metadata alone is asked for (PartialObjectMetadata), not a status that can weigh megabytes.
import type { KubeIdentity } from '../auth/identity.ts';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { base } from './actions.ts';

const metadataOnly = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json';

/** The workflow's uid, read as the user; undefined when it does not exist or they may not read it. */
export async function workflowUidForUser(
  api: KubeApi,
  identity: KubeIdentity,
  namespace: string,
  name: string,
  signal?: AbortSignal,
): Promise<{ uid: string } | undefined> {
  try {
    const object = await api.json<{ metadata?: { uid?: string } }>({
      path: `${base}/namespaces/${namespace}/workflows/${encodeURIComponent(name)}`,
      accept: metadataOnly,
      as: identity,
      ...(signal === undefined ? {} : { signal }),
    });
    return { uid: object.metadata?.uid ?? '' };
  } catch (error) {
    // A refusal and a missing workflow look the same to the user.
    if (error instanceof KubeError && (error.status === 403 || error.status === 404)) return undefined;
    throw error;
  }
}
