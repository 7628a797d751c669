// One node of a workflow: what it took and gave, and its pod.
import type { WorkflowNode } from './workflows.ts';

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
