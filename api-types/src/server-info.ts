// What the server says about itself and the cluster it serves.

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
  /** Ready, but the workflows are still being read (lists say `loading` too): the rest comes shortly. */
  loading?: true;
}
