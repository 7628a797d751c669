// Types of the ArgoVue HTTP API, shared by the server and the web app.

/** Stable error codes: clients and tests match on these, never on the prose. */
export type ErrorCode =
  | 'NOT_FOUND'
  /** A workflow node whose pod does not exist (any more): deleted by pod GC, or never created. */
  | 'POD_NOT_FOUND'
  | 'INPUT_INVALID'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'CONFLICT'
  | 'CLUSTER_UNAVAILABLE'
  | 'INTERNAL';

/** The one error shape of the whole API. */
export interface ApiError {
  code: ErrorCode;
  status: number;
  message: string;
  hint?: string;
}

export interface ClusterInfo {
  reachable: boolean;
  /** The apiserver's version, e.g. v1.33.13, when reachable. */
  gitVersion?: string;
}

/** GET /api/v1/info */
export interface ServerInfo {
  name: 'ArgoVue';
  version: string;
  cluster: ClusterInfo;
}

/** GET /healthz and GET /readyz */
export interface HealthStatus {
  status: 'ok' | 'unavailable';
  /** 'ok', or what is wrong. */
  checks: Record<string, string>;
  /** Objects the shared caches hold so far: while they sync, a caller can see the start-up progressing. */
  cached?: number;
}

/** GET /api/v1/me: who the logged-in user is, as the provider said and as Kubernetes sees them. */
export interface Me {
  /** The Kubernetes user name ArgoVue impersonates (mapped from the provider's claim). */
  username: string;
  name?: string;
  email?: string;
  /** Groups exactly as the OpenID provider sent them. */
  providerGroups: string[];
  /** The Kubernetes groups they map to; what RoleBindings name. */
  kubernetesGroups: string[];
  /** Send this in the X-CSRF-Token header with every state-changing request. */
  csrfToken: string;
  /** ISO time the session ends (then the user logs in again). */
  sessionExpiresAt: string;
}

/** GET /api/v1/session: never a 401, so a page can ask without an error in the console. */
export type SessionState = { signedIn: false } | { signedIn: true; me: Me };

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

export type WorkflowPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error';

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

/**
 * One row of a workflow list: the fields a list shows, nothing more (no uid: namespace and name
 * identify a row; every byte here is sent for each of up to 20,000 rows).
 */
export interface WorkflowRow {
  namespace: string;
  name: string;
  phase: WorkflowPhase;
  message?: string;
  /** The WorkflowTemplate (or ClusterWorkflowTemplate) it was submitted from. */
  template?: { name: string; cluster: boolean };
  /** Who submitted it, when Argo or ArgoVue recorded it. */
  submitter?: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Pods done / pods in all, from Argo's `status.progress` ("3/4"). */
  progress?: { done: number; total: number };
  labels: Record<string, string>;
  /** `spec.suspend` is set: the whole workflow waits to be resumed. */
  suspended?: true;
  /** A stop or terminate was asked for (`spec.shutdown`) and the controller is acting on it. */
  shutdown?: 'Stop' | 'Terminate';
}

/** GET /api/v1/workflows and GET /api/v1/namespaces/:namespace/workflows */
export interface WorkflowList {
  items: WorkflowRow[];
  /** Rows matching the filters, across all pages. */
  total: number;
  /** Pass as `continue` for the next page; absent on the last one. */
  continue?: string;
  /** Open /api/v1/workflows/events with `lastEventId` = this to get every change after this list. */
  eventId: string;
}

/**
 * Events of GET /api/v1/workflows/events (Server-Sent Events; each has an `id` to resume from):
 * `upsert` carries a WorkflowRow, `delete` a WorkflowRef, `reset` means "list again" (the stream could
 * not resume, or the client read too slowly).
 */
export interface WorkflowRef {
  namespace: string;
  name: string;
}

export type NodePhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error' | 'Skipped' | 'Omitted';

/** One node of a workflow's status, as the graph and the node panel need it. */
export interface WorkflowNode {
  id: string;
  /** Full name, e.g. `etl-1.transform-b` or `etl-1[1].fit(0)`. */
  name: string;
  displayName: string;
  /** Argo node type: Pod, DAG, Steps, StepGroup, TaskGroup, Retry, Skipped, Suspend, Container, … */
  type: string;
  phase: NodePhase;
  message?: string;
  templateName?: string;
  boundaryId?: string;
  children: string[];
  startedAt?: string;
  finishedAt?: string;
}

/** GET /api/v1/namespaces/:namespace/workflows/:name */
export interface WorkflowDetail {
  row: WorkflowRow;
  entrypoint?: string;
  parameters: { name: string; value?: string }[];
  annotations: Record<string, string>;
  nodes: WorkflowNode[];
  /** Set when the status could not be read as a graph (malformed or unreadable nodes). */
  nodesError?: string;
  /** The object as stored, without its (large) node map: for the YAML view. */
  object: unknown;
  /** The workflow's `status.outputs` (parameters and artifacts its entrypoint exported). */
  outputs: NodeOutputs;
}

/** POST /api/v1/namespaces/:namespace/workflows: run a WorkflowTemplate with parameters. */
export interface SubmitWorkflowRequest {
  template: { name: string; cluster?: boolean | undefined };
  /** Parameter values by name; names must be the template's, values strings. */
  parameters?: Record<string, string> | undefined;
}

/** POST …/workflows/:name/retry: the whole workflow, or from one node; parameters overridden. */
export interface RetryWorkflowRequest {
  nodeId?: string | undefined;
  restartSuccessful?: boolean | undefined;
  parameters?: Record<string, string> | undefined;
}

/** POST …/workflows/:name/resubmit: a new workflow from this one; memoized reuses its results. */
export interface ResubmitWorkflowRequest {
  parameters?: Record<string, string> | undefined;
  memoized?: boolean | undefined;
}

/** One parameter a template declares, as a submit form needs it. */
export interface TemplateParameter {
  name: string;
  /** The default value, when the template gives one. */
  value?: string;
  /** The only values allowed, when the template lists them. */
  enum?: string[];
  description?: string;
}

/** A WorkflowTemplate or ClusterWorkflowTemplate users may submit. */
export interface WorkflowTemplateSummary {
  name: string;
  /** True for a ClusterWorkflowTemplate. */
  cluster: boolean;
  /** The `workflows.argoproj.io/description` annotation. */
  description?: string;
  parameters: TemplateParameter[];
}

/**
 * GET /api/v1/namespaces/:namespace/workflow-templates and GET /api/v1/cluster-workflow-templates,
 * read as the user.
 */
export interface WorkflowTemplateList {
  items: WorkflowTemplateSummary[];
}

/** The lifecycle actions on one workflow (POST …/workflows/:name/<action>). */
export type WorkflowAction = 'stop' | 'terminate' | 'suspend' | 'resume';

/** The answer to an action, a submit or a delete. */
export interface WorkflowActionResult {
  namespace: string;
  name: string;
  message: string;
}

/** A parameter of a node's or workflow's inputs or outputs. */
export interface NodeParameter {
  name: string;
  value?: string;
}

/** An artifact: its name and where it is stored (the repository's key or URL), when known. */
export interface NodeArtifact {
  name: string;
  /** e.g. `s3://bucket/key`, `gcs://…`, `http://…`, `git://…`, or the key in the default repository. */
  location?: string;
  path?: string;
}

export interface NodeInputs {
  parameters: NodeParameter[];
  artifacts: NodeArtifact[];
}

export interface NodeOutputs {
  parameters: NodeParameter[];
  artifacts: NodeArtifact[];
  exitCode?: string;
  /** The `result` output (a script's stdout), possibly long. */
  result?: string;
}

/** GET /api/v1/namespaces/:namespace/workflows/:name/nodes/:nodeId: what one node took and gave. */
export interface WorkflowNodeDetail {
  node: WorkflowNode;
  inputs: NodeInputs;
  outputs: NodeOutputs;
  /** The Kubernetes node it ran on. */
  hostNodeName?: string;
  /** Argo's resource usage estimate, e.g. { cpu: 3, memory: 68 } (core-seconds, MiB-seconds). */
  resourcesDuration?: Record<string, number>;
}

/** One container of a node's pod, with its state and the resources it asked for. */
export interface PodContainer {
  name: string;
  /** An init container (Argo's `init`) rather than one of the pod's containers. */
  init: boolean;
  image?: string;
  state: 'waiting' | 'running' | 'terminated' | 'unknown';
  reason?: string;
  message?: string;
  exitCode?: number;
  startedAt?: string;
  finishedAt?: string;
  restartCount: number;
  ready: boolean;
  /** Quantities as Kubernetes writes them, e.g. { cpu: '500m', memory: '1Gi' }. */
  requests: Record<string, string>;
  limits: Record<string, string>;
}

/** GET …/workflows/:name/nodes/:nodeId/pod: the node's pod as it is now (404 POD_NOT_FOUND when gone). */
export interface NodePod {
  name: string;
  phase: string;
  reason?: string;
  message?: string;
  /** The Kubernetes node the pod runs or ran on. */
  nodeName?: string;
  qosClass?: string;
  startedAt?: string;
  containers: PodContainer[];
}

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
