// The one way ArgoVue talks to the Kubernetes API. A request is made either as ArgoVue itself (its
// own service account: shared watch caches) or as a user, by impersonation. client-node's generated
// clients send headers through fetch, which folds repeated headers into one comma-joined line; the
// apiserver reads each `Impersonate-Group` line as one group, so a user in groups "a" and "b" would
// become a member of the single group "a, b". Raw header arrays on node:https keep one line per group.
//
// Traffic is split by class into separate socket pools, so no class waits behind another: ArgoVue's
// own calls (the shared watch caches' lists and long-lived watches, logout records) never queue
// behind users; users' request/response calls (reads, actions, access reviews) never queue behind
// users' long-lived streams (followed logs). One shared pool of 64 let ~60 followed logs starve
// every other call. Streams are counted and capped per user before they open (streams/open-streams.ts).
import { Agent, request as httpsRequest, type AgentOptions, type RequestOptions } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { ClusterAccess } from './cluster.ts';
import { defaultReservedPrefixes, isReservedKubernetesName, type KubeIdentity } from '../auth/identity.ts';

/**
 * Who a request is made as: a user (impersonated), or ArgoVue itself ('argovue': its service account,
 * for the shared caches and its own records). Always said, never implied: a call that forgot it would
 * run with ArgoVue's rights instead of the user's.
 */
export type KubeCaller = KubeIdentity | 'argovue';

export interface KubeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API path, e.g. /api/v1/namespaces/team-a/pods */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** Made as this user (impersonated), or as ArgoVue itself: see KubeCaller. */
  as: KubeCaller;
  /**
   * A user's long-lived stream (a followed log, a log streamed to the browser): sent over the
   * streams' own pool. Ignored for ArgoVue's own calls, which have a pool of their own.
   */
  traffic?: 'request' | 'stream';
  signal?: AbortSignal;
}

/** The socket pools; `own` is ArgoVue's own traffic (watch caches), the others are users'. */
export type TrafficClass = 'own' | 'request' | 'stream';

// Short user calls: enough sockets to keep latency low, few enough not to flood the apiserver.
// Streams and ArgoVue's own calls are not limited by the pool: the stream limits (per user and in
// all) cap users' streams, and ArgoVue's own watches are one per cache.
const maxSockets: Record<TrafficClass, number> = { own: Infinity, request: 64, stream: Infinity };

export function trafficClassOf(req: Pick<KubeRequest, 'as' | 'traffic'>): TrafficClass {
  if (req.as === 'argovue') return 'own';
  return req.traffic ?? 'request';
}

/** One field an invalid object was refused for (Status details.causes). */
export interface KubeErrorCause {
  field: string | undefined;
  message: string | undefined;
}

/**
 * A failed Kubernetes call: the HTTP status and the apiserver's Status reason, message and the fields
 * it named. Its text is upstream's: for the log; users get server/src/http/kube-errors.ts's answer.
 */
export class KubeError extends Error {
  readonly status: number;
  readonly reason: string;
  readonly causes: readonly KubeErrorCause[];
  constructor(status: number, reason: string, message: string, causes: readonly KubeErrorCause[] = []) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.causes = causes;
  }
}

// Credentials can change underneath us (in-cluster tokens rotate); re-read them this often.
const credentialsTtlMs = 60_000;

export class KubeApi {
  readonly #kc: ClusterAccess;
  readonly #server: URL;
  readonly #agents = new Map<TrafficClass, Agent>();
  #auth: { headers: string[]; tls: AgentOptions; readAt: number } | undefined;
  readonly #reservedPrefixes: readonly string[];

  constructor(kc: ClusterAccess, options: { reservedPrefixes?: readonly string[] } = {}) {
    this.#reservedPrefixes = options.reservedPrefixes ?? defaultReservedPrefixes;
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig names no current cluster');
    this.#kc = kc;
    this.#server = new URL(cluster.server);
  }

  /** A JSON request; resolves to the parsed body, rejects with KubeError for any status >= 400. */
  async json<T>(req: KubeRequest): Promise<T> {
    const res = await this.stream(req);
    const text = await readBody(res);
    return JSON.parse(text) as T;
  }

  /** A request whose response body is consumed as a stream (watches, logs). Rejects with KubeError on >= 400. */
  async stream(req: KubeRequest): Promise<IncomingMessage> {
    const { headers, tls } = await this.#credentials();
    const url = new URL(req.path, this.#server);
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    // With raw header arrays Node adds no Host header of its own.
    const raw = ['Host', url.host, ...headers, 'Accept', req.accept ?? 'application/json'];
    if (req.as !== 'argovue') raw.push(...impersonationHeaders(req.as, this.#reservedPrefixes));
    const body = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
    if (body !== undefined)
      raw.push('Content-Type', req.contentType ?? 'application/json', 'Content-Length', String(body.length));
    const isHttps = url.protocol === 'https:';
    const options: RequestOptions = {
      method: req.method ?? 'GET',
      headers: raw,
      ...(isHttps ? { agent: this.#agent(trafficClassOf(req), tls) } : {}),
      ...(req.signal ? { signal: req.signal } : {}),
    };
    return new Promise((resolve, reject) => {
      const onResponse = (res: IncomingMessage): void => {
        const status = res.statusCode ?? 0;
        if (status < 400) {
          resolve(res);
          return;
        }
        readBody(res).then((text) => reject(kubeErrorOf(status, text)), reject);
      };
      const outgoing = isHttps
        ? httpsRequest(url, options, onResponse)
        : httpRequest(url, options, onResponse);
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  #agent(traffic: TrafficClass, tls: AgentOptions): Agent {
    let agent = this.#agents.get(traffic);
    if (agent === undefined) {
      agent = new Agent({ keepAlive: true, maxSockets: maxSockets[traffic], ...tls });
      this.#agents.set(traffic, agent);
    }
    return agent;
  }

  async #credentials(): Promise<{ headers: string[]; tls: AgentOptions }> {
    if (this.#auth === undefined || Date.now() - this.#auth.readAt > credentialsTtlMs) {
      const opts: RequestOptions = {};
      await this.#kc.applyToHTTPSOptions(opts);
      const headers: string[] = [];
      for (const [name, value] of Object.entries(opts.headers ?? {})) {
        if (typeof value === 'string') headers.push(name, value);
      }
      const tls: AgentOptions = {
        ...(opts.ca ? { ca: opts.ca } : {}),
        ...(opts.cert ? { cert: opts.cert } : {}),
        ...(opts.key ? { key: opts.key } : {}),
        ...(opts.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: opts.rejectUnauthorized }),
      };
      if (opts.auth) headers.push('Authorization', `Basic ${Buffer.from(opts.auth).toString('base64')}`);
      this.#auth = { headers, tls, readAt: Date.now() };
    }
    return this.#auth;
  }

  close(): void {
    for (const agent of this.#agents.values()) agent.destroy();
  }
}

/** One `Impersonate-Group` line per group; reserved (`system:`, …) names are never sent. */
export function impersonationHeaders(
  identity: KubeIdentity,
  reservedPrefixes: readonly string[] = defaultReservedPrefixes,
): string[] {
  if (identity.username === '' || isReservedKubernetesName(identity.username, reservedPrefixes)) {
    throw new Error(`refusing to impersonate the user "${identity.username}"`);
  }
  const headers = ['Impersonate-User', identity.username];
  for (const group of identity.groups) {
    if (!isReservedKubernetesName(group, reservedPrefixes)) headers.push('Impersonate-Group', group);
  }
  return headers;
}

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });
}

function kubeErrorOf(status: number, text: string): KubeError {
  try {
    const body = JSON.parse(text) as { reason?: unknown; message?: unknown; details?: { causes?: unknown } };
    const causes = Array.isArray(body.details?.causes) ? (body.details.causes as unknown[]) : [];
    return new KubeError(
      status,
      typeof body.reason === 'string' ? body.reason : '',
      typeof body.message === 'string' ? body.message : text,
      causes.slice(0, 20).map((cause) => {
        const { field, message } = (typeof cause === 'object' && cause !== null ? cause : {}) as Record<
          string,
          unknown
        >;
        return {
          field: typeof field === 'string' ? field : undefined,
          message: typeof message === 'string' ? message : undefined,
        };
      }),
    );
  } catch {
    return new KubeError(status, '', text.slice(0, 500));
  }
}
