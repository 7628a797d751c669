// Types of the ArgoVue HTTP API, shared by the server and the web app.

/** Stable error codes: clients and tests match on these, never on the prose. */
export type ErrorCode =
  'NOT_FOUND' | 'INPUT_INVALID' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CLUSTER_UNAVAILABLE' | 'INTERNAL';

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
}
