// The namespaces a user may use: quotas, members and workflow counts.
import type { WorkflowPhase } from './workflows.ts';

/** One resource of a ResourceQuota: used and hard as Kubernetes quantities, and as numbers to draw. */
export interface QuotaResource {
  /** e.g. requests.cpu, requests.memory, requests.nvidia.com/gpu */
  resource: string;
  used: string;
  hard: string;
  /** The same in base units (cores, bytes, devices) for bars; hard 0 means nothing is allowed. */
  usedValue: number;
  hardValue: number;
}

export interface NamespaceMember {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  /** The ClusterRole or Role the binding grants, e.g. argovue-user. */
  role: string;
}

/** A namespace the user may use, as the home view shows it. */
export interface NamespaceSummary {
  name: string;
  description?: string;
  /** Rancher project id (field.cattle.io/projectId), when the namespace belongs to one. */
  project?: string;
  /** Empty when the namespace has no ResourceQuota or the user may not read it. */
  quota: QuotaResource[];
  /** Counts of workflows by phase; null when the user may not list workflows there. */
  workflows: Partial<Record<WorkflowPhase, number>> | null;
  /** Members from RoleBindings; null when the user may not list RoleBindings there. */
  members: NamespaceMember[] | null;
}

/** GET /api/v1/namespaces */
export interface NamespaceList {
  items: NamespaceSummary[];
}
