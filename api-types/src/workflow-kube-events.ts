// The Kubernetes events of a workflow and its pods.

/** One Kubernetes event (core/v1) about a workflow or one of its pods. */
export interface WorkflowKubeEvent {
  /** `Normal` or `Warning` (other values pass through). */
  type: string;
  reason: string;
  message: string;
  object: { kind: string; name: string };
  /** The workflow node it is about: Argo's node annotation, or the node of the pod. */
  nodeId?: string;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
}

/** GET /api/v1/namespaces/:namespace/workflows/:name/events: newest first. */
export interface WorkflowKubeEventList {
  items: WorkflowKubeEvent[];
  /** Set when only part could be read, e.g. the user may read the workflow but not events. */
  notice?: string;
}
