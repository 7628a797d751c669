// What the service controller keeps of the Deployments and pods it watches (those with the instance
// label): only the fields an instance's status needs, so the watches hold little of each object.
import { podAsks, type PodContainerResources } from './pending-reason.ts';
import { instanceLabel } from './render.ts';

export interface CachedDeployment {
  replicas: number;
  readyReplicas: number;
  /** Why the Deployment cannot make its pods (ReplicaFailure: a quota refusal, say), in the apiserver's words. */
  replicaFailure: string | undefined;
}

export interface CachedPod {
  instance: string;
  /** Why the scheduler could not place it (PodScheduled False), e.g. "0/1 nodes are available: …". */
  unschedulable: string | undefined;
  /** What it asks for, in base units (a Pending reason's numbers). */
  asks: Record<string, number>;
}

type Meta = { name?: string; namespace?: string; labels?: Record<string, string> };

export function projectDeployment(object: {
  metadata?: Meta;
  spec?: { replicas?: number };
  status?: { readyReplicas?: number; conditions?: { type?: string; status?: string; message?: string }[] };
}): CachedDeployment {
  const failure = object.status?.conditions?.find((c) => c.type === 'ReplicaFailure' && c.status === 'True');
  return {
    replicas: object.spec?.replicas ?? 1,
    readyReplicas: object.status?.readyReplicas ?? 0,
    replicaFailure: failure?.message,
  };
}

export function projectPod(object: {
  metadata?: Meta;
  spec?: { containers?: PodContainerResources[] };
  status?: { conditions?: { type?: string; status?: string; reason?: string; message?: string }[] };
}): CachedPod {
  const scheduled = object.status?.conditions?.find((c) => c.type === 'PodScheduled');
  return {
    instance: object.metadata?.labels?.[instanceLabel] ?? '',
    unschedulable:
      scheduled?.status === 'False' && scheduled.reason === 'Unschedulable' ? scheduled.message : undefined,
    asks: podAsks(object.spec?.containers),
  };
}
