// The shapes of ServiceTemplate and ServiceInstance (deploy/crds/) as the controller reads them. The
// apiserver has checked them against the CRD schemas and the admission policy; the controller checks
// the parts it relies on again (inputs.ts, pod-policy.ts) because it acts with its own rights.

import type { TemplateInput } from '@argovue/api-types/service-inputs';

// The inputs are one definition with the browser's form (api-types/src/service-inputs.ts).
export type { Fill, InputType, InputValue, TemplateInput } from '@argovue/api-types/service-inputs';

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
  /** The last use through the proxy that a replica recorded (proxy/activity-recorder.ts). */
  lastActivityTime?: string;
  conditions?: InstanceCondition[];
}
