// The shapes of ServiceTemplate and ServiceInstance (deploy/crds/) as the controller reads them. The
// apiserver has checked them against the CRD schemas and the admission policy; the controller checks
// the parts it relies on again (inputs.ts, pod-policy.ts) because it acts with its own rights.

export type InputType = 'string' | 'number' | 'boolean' | 'enum' | 'pvc' | 'secretRef';
export type InputValue = string | number | boolean;

export interface Fill {
  env?: { container: string; name: string };
  arg?: { container: string; flag?: string };
  resource?: { container: string; name: string; in: 'requests' | 'limits' | 'both' };
  replicas?: Record<string, never>;
  imageTag?: { container: string };
  storage?: { claim: string };
  claimName?: { volume: string };
  secretEnv?: { container: string; name: string; key: string };
}

export interface TemplateInput {
  name: string;
  type: InputType;
  title?: string;
  help?: string;
  required?: boolean;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  integer?: boolean;
  pattern?: string;
  maxLength?: number;
  options?: string[];
  fills?: Fill[];
}

export interface TemplatePort {
  name: string;
  port: number;
  path?: string;
  websocket?: boolean;
}

export interface Container {
  name: string;
  image: string;
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
  [field: string]: unknown;
}

export interface PodSpec {
  containers: Container[];
  volumes?: ({ name: string; persistentVolumeClaim?: { claimName: string } } & Record<string, unknown>)[];
  [field: string]: unknown;
}

export interface ServiceTemplateSpec {
  title: string;
  description?: string;
  icon?: string;
  inputs?: TemplateInput[];
  ports: TemplatePort[];
  idleTimeout?: string;
  workload: {
    deployment: {
      replicas?: number;
      template: {
        metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
        spec: PodSpec;
      };
      [field: string]: unknown;
    };
    volumeClaims?: { name: string; size: string; storageClassName?: string; accessModes?: string[] }[];
  };
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  generation?: number;
  resourceVersion?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  deletionTimestamp?: string;
}

export interface ServiceInstance {
  apiVersion: string;
  kind: 'ServiceInstance';
  metadata: ObjectMeta;
  spec: {
    template: { kind?: 'ServiceTemplate' | 'ClusterServiceTemplate'; name: string };
    inputs?: Record<string, unknown>;
    stopped?: boolean;
  };
  status?: InstanceStatus;
}

export type InstancePhase = 'Pending' | 'Starting' | 'Running' | 'Stopping' | 'Stopped' | 'Failed';

export interface InstanceCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime: string;
  reason: string;
  message: string;
  observedGeneration?: number;
}

export interface InstanceStatus {
  observedGeneration?: number;
  phase?: InstancePhase;
  readyReplicas?: number;
  url?: string;
  message?: string;
  conditions?: InstanceCondition[];
}
