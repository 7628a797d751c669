// Services: templates users start instances of, the instances, their pods, events and logs.
import type { FitTemplate } from './service-fit.ts';
import type { InputType, InputValue, TemplateInput } from './service-inputs.ts';
import type { PodContainer } from './workflow-nodes.ts';

export type ServiceInputType = InputType;
export type ServiceInputValue = InputValue;

/**
 * One typed input of a template, as the template declares it (the start form checks values with
 * `checkInputs` from service-inputs.ts; `inputIsRequired` says whether a value must be given).
 */
export type ServiceTemplateInput = TemplateInput;

export interface ServiceTemplatePort {
  name: string;
  port: number;
  /** The path the portal opens, e.g. /lab. */
  path?: string;
  websocket?: boolean;
}

/** A ServiceTemplate (namespaced) or ClusterServiceTemplate, as the catalogue and the form show it. */
export interface ServiceTemplateSummary {
  name: string;
  /** True for a ClusterServiceTemplate (every namespace may use it). */
  cluster: boolean;
  title: string;
  description?: string;
  /** An icon name of the portal's set, or an https URL. */
  icon?: string;
  inputs: ServiceTemplateInput[];
  /** What decides what an instance asks of the quota (inputs, replicas, containers' resources): for `instanceResources`. */
  fit: FitTemplate;
  ports: ServiceTemplatePort[];
  /** e.g. 30m, 2h: an instance idle that long is stopped. */
  idleTimeout?: string;
  /**
   * The JSON Schema of the `inputs` object of a create request: the server validates with Ajv against
   * exactly this (`serviceInputsSchema`). The form checks with `checkInputs` (service-inputs.ts).
   */
  inputsSchema: Record<string, unknown>;
  /**
   * What one instance asks of the namespace's quota with the default inputs (the sum over its
   * replicas), e.g. { 'requests.cpu': '500m', 'requests.memory': '1Gi', pods: '1' }.
   */
  requests: Record<string, string>;
}

/** What the namespace's ResourceQuota leaves for one resource (the tightest quota counts). */
export interface QuotaLeft {
  /** e.g. requests.cpu, limits.memory, requests.nvidia.com/gpu, pods */
  resource: string;
  hard: string;
  used: string;
  /** hard − used, as a quantity (never negative). */
  left: string;
  /** The same in base units (cores, bytes, devices) for bars. */
  hardValue: number;
  usedValue: number;
  leftValue: number;
}

/**
 * GET /api/v1/namespaces/:namespace/service-templates: the namespace's ServiceTemplates and the
 * ClusterServiceTemplates, as the user may read them, with the quota left (404 for a namespace the
 * user may not use, as for one that does not exist).
 */
export interface ServiceTemplateList {
  items: ServiceTemplateSummary[];
  /** Empty when the namespace has no ResourceQuota or the user may not read it. */
  quota: QuotaLeft[];
}

/**
 * GET /api/v1/namespaces/:namespace/service-templates/:name[?cluster=true]: one template with its
 * object (for a developer's YAML view) and the instances of the namespace that use it.
 */
export interface ServiceTemplateDetail {
  template: ServiceTemplateSummary;
  /** The object as stored, without managedFields. */
  object: unknown;
  instances: ServiceInstanceRef[];
  quota: QuotaLeft[];
}

export type ServicePhase = 'Pending' | 'Starting' | 'Running' | 'Stopping' | 'Stopped' | 'Failed';

export interface ServiceCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
}

export interface ServiceInstanceRef {
  namespace: string;
  name: string;
}

/** One instance, as lists show it. */
export interface ServiceInstanceRow {
  namespace: string;
  name: string;
  template: { name: string; cluster: boolean };
  /** The template's title, when the template can still be read. */
  title?: string;
  /** `Pending` until the controller has written a status. */
  phase: ServicePhase;
  /** Stopped by its user (or for being idle): scaled to zero. */
  stopped: boolean;
  /** Stopped for being idle (the template's idleTimeout): opening it starts it again. */
  idleStopped?: boolean;
  readyReplicas: number;
  /** How many replicas it should have now (0 when stopped). */
  replicas: number;
  /** Where it is opened, once it has an address. */
  url?: string;
  /** The controller's message, in words ("1 of 1 ready", "waiting for a GPU: 0 of 8 free …"). */
  message?: string;
  /** The last error, in words, while the instance is failing (absent when all is well). */
  lastError?: string;
  /**
   * When it was last used through ArgoVue's proxy, as a replica recorded it in status.lastActivityTime
   * (up to about a minute behind the last request).
   */
  lastUsedAt?: string;
  /** When it was stopped for being idle (with idleStopped). */
  idleStoppedAt?: string;
  /**
   * When a running instance whose template sets an idle timeout will be stopped if nobody uses it
   * before then (from the recorded last use, or when it became ready). Only in the instance's detail.
   */
  idleStopsAt?: string;
  conditions: ServiceCondition[];
  /** The user who created it, as ArgoVue recorded it at creation. */
  creator?: string;
  createdAt: string;
  inputs: Record<string, ServiceInputValue>;
}

/**
 * GET /api/v1/service-instances[?namespace=…&mine=true]: the instances of every namespace the user
 * may use (`mine`: only those the user created).
 */
export interface ServiceInstanceList {
  items: ServiceInstanceRow[];
}

/** A pod of an instance: phase, container statuses (restarts, resources). */
export interface ServicePod {
  name: string;
  phase: string;
  reason?: string;
  message?: string;
  /** The pod's IP, once it has one. */
  ip?: string;
  nodeName?: string;
  startedAt?: string;
  /** All containers are ready. */
  ready: boolean;
  containers: PodContainer[];
}

/** One Kubernetes event about the instance or one of its objects (Deployment, ReplicaSet, pods, …). */
export interface ServiceKubeEvent {
  /** `Normal` or `Warning`. */
  type: string;
  reason: string;
  message: string;
  object: { kind: string; name: string };
  count: number;
  firstSeen?: string;
  lastSeen?: string;
}

/** GET /api/v1/namespaces/:namespace/service-instances/:name */
export interface ServiceInstanceDetail {
  row: ServiceInstanceRow;
  pods: ServicePod[];
  /** Newest first. */
  events: ServiceKubeEvent[];
  /** Set when part could not be read (e.g. the user may read the instance but not events). */
  notice?: string;
  /** The instance object as stored, without managedFields: for the YAML view. */
  object: unknown;
}

/**
 * POST /api/v1/namespaces/:namespace/service-instances: start a new instance of a template. Inputs
 * are checked against the template (inputsSchema) and the quota before anything is created.
 * Answer: 201 with ServiceInstanceActionResult; 400 INPUT_INVALID, 404 NOT_FOUND (template or
 * namespace), 409 CONFLICT (the name is taken), 422 QUOTA_EXCEEDED (with the numbers in words).
 */
export interface CreateServiceInstanceRequest {
  /** The instance's name (a DNS label, at most 40 characters); generated from the template when absent. */
  name?: string | undefined;
  template: { name: string; cluster?: boolean | undefined };
  inputs?: Record<string, ServiceInputValue> | undefined;
}

/** POST …/service-instances/:name/<action>: stop (scale to zero), start, restart (new pods). */
export type ServiceInstanceAction = 'stop' | 'start' | 'restart';

/** The answer to create, an action, or DELETE …/service-instances/:name. */
export interface ServiceInstanceActionResult {
  namespace: string;
  name: string;
  message: string;
  /** The instance as it is after the change (absent after a delete). */
  row?: ServiceInstanceRow;
}

/**
 * GET …/service-instances/:name/logs?pod=…&container=…&follow=…&timestamps=…&tailLines=…: a pod's
 * log as text (streamed; lines past 64 KiB cut and marked, as for workflows). Without `pod`, the
 * instance's first pod.
 */
export type ServiceInstanceLogQuery = {
  pod?: string;
  container?: string;
  follow?: boolean;
  timestamps?: boolean;
  tailLines?: number;
};
