import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultWebDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** A secret given inline (VAR) or as a file (VAR_FILE), as Kubernetes Secrets are usually mounted. */
function secretFrom(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file !== undefined && file !== '') {
    if (!existsSync(file))
      throw new ConfigError(`Invalid configuration:\n  ${name}_FILE: no file at ${file}`);
    return readFileSync(file, 'utf8').trim();
  }
  const value = env[name];
  return value === '' ? undefined : value;
}

const groupMapSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON: expected {"provider-group": ["k8s-group", …]}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), z.array(z.string().min(1))));

const ConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  /** The URL users reach ArgoVue at: the OIDC redirect URI and the allowed Origin derive from it. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  webDir: z.string().min(1).default(defaultWebDir),
  /** Path of a kubeconfig; without one ArgoVue uses its in-cluster service account. */
  kubeconfig: z
    .string()
    .min(1)
    .optional()
    .refine((p) => p === undefined || existsSync(p), { message: 'no file at this path' }),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  oidcIssuer: z.url({ protocol: /^https?$/, error: 'must be the http(s) URL of the OpenID provider' }),
  oidcClientId: z.string().min(1, 'is required'),
  oidcClientSecret: z.string().min(1, 'is required').optional(),
  oidcScopes: z.string().min(1).default('openid profile email groups offline_access'),
  oidcGroupsClaim: z.string().min(1).default('groups'),
  oidcUsernameClaim: z.string().min(1).default('email'),
  /** Prefixes that turn provider names into Kubernetes names, e.g. `okta:`; RoleBindings name the result. */
  groupPrefix: z.string().default('oidc:'),
  usernamePrefix: z.string().default('oidc:'),
  /** Explicit provider group → Kubernetes groups; groups not in it get the prefix. */
  groupMap: groupMapSchema.default({}),
  /** Name prefixes no provider user or group may become, comma-separated; `system:` always is. */
  reservedPrefixes: z
    .string()
    .transform((text) => text.split(',').map((prefix) => prefix.trim()))
    .pipe(z.array(z.string().min(1, 'an empty prefix would reserve every name')).min(1))
    .default(['system:', 'kubeadm:']),
  /** Keys for the session cookies; the first encrypts, all decrypt (rotation). 32+ bytes each. */
  sessionKeys: z
    .string()
    .transform((text) => text.split(',').map((key) => key.trim()))
    .pipe(z.array(z.string().min(32, 'each key needs at least 32 characters')).min(1)),
  sessionSeconds: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(8 * 3600),
  /** ArgoVue's own namespace (shared logout records); default: the kubeconfig's or the pod's. */
  namespace: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'is not a namespace name')
    .optional(),
  /** How long an authorization decision (SelfSubjectAccessReview) is reused for a user. */
  authzCacheSeconds: z.coerce.number().min(0).max(300).default(10),
  /**
   * Long-lived streams (live lists, followed logs; an interleaved log counts each pod it follows)
   * one user may hold open, and all users together; past either, a stream is refused with 429.
   */
  maxStreamsPerUser: z.coerce.number().int().min(1).max(10_000).default(32),
  maxStreams: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Bytes a live list may hold for a client that does not read before it is disconnected. */
  sseMaxBufferedBytes: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(256 * 1024 * 1024)
    .default(1024 * 1024),
  /** The proxy to service instances listens here (a listener of its own: server/src/proxy/proxy-server.ts). */
  proxyPort: z.coerce.number().int().min(0).max(65535).default(8081),
  /**
   * The proxy's public base URL: instances are at `<instance>--<namespace>.<its host>`, so a wildcard
   * name (and certificate) must point here. Default `http://localhost:<proxyPort>` (browsers resolve
   * `*.localhost` to loopback).
   */
  proxyUrl: z
    .url({ protocol: /^https?$/ })
    .refine((text) => new URL(text).pathname === '/' && new URL(text).search === '', {
      message: 'must be an origin, without a path or query',
    })
    .refine((text) => !/^[\d.]+$|^\[/.test(new URL(text).hostname), {
      message: 'must name a domain: instances are its subdomains, and an IP address has none',
    })
    .optional(),
  /** Connections through the proxy (requests under way, WebSockets) one user may hold, and all users. */
  proxyMaxConnectionsPerUser: z.coerce.number().int().min(1).max(100_000).default(256),
  proxyMaxConnections: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /**
   * How much newer a replica's own last use of an instance must be than the one in its status before
   * the replica writes it there for the culling leader (proxy/activity-recorder.ts): the most another
   * replica's use can be late at the leader is this plus a quarter of it.
   */
  activityRecordSeconds: z.coerce.number().int().min(1).max(3600).default(60),
  /**
   * Argo's workflow archive (PostgreSQL), read beside the live workflows. Without a host ArgoVue
   * reads no archive. ArgoVue needs SELECT on Argo's archive tables; see the README for its indexes.
   */
  archiveHost: z.string().min(1).optional(),
  archivePort: z.coerce.number().int().min(1).max(65535).default(5432),
  archiveDatabase: z.string().min(1).default('argo'),
  archiveUser: z.string().min(1).default('argovue'),
  archivePassword: z.string().optional(),
  /** `verify-full` checks the server's certificate and name; `disable` only for a database on loopback. */
  archiveSslMode: z.enum(['disable', 'require', 'verify-full']).default('verify-full'),
  /** Argo's `persistence.clusterName` and `instanceID`: which of the archive's rows are this cluster's. */
  archiveClusterName: z.string().min(1).max(64).default('default'),
  archiveInstanceId: z.string().max(64).default(''),
  archivePoolSize: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * How long a count of archived matches (the list's total) is reused: counting reads every match up
   * to 10,000, a page only its rows. 0 counts on every list. Paging never depends on it.
   */
  archiveCountCacheSeconds: z.coerce.number().min(0).max(300).default(10),
  /**
   * How many of the newest archived runs are kept in memory (about 1 KB each), current through
   * PostgreSQL's notifications, so that a page of them costs no round trip; 0 reads every page from
   * PostgreSQL. Needs ArgoVue's trigger on Argo's archive table (made with its indexes).
   */
  archiveWindowRuns: z.coerce.number().int().min(0).max(200_000).default(10_000),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown when the environment does not describe a valid configuration; the message names each bad variable. */
export class ConfigError extends Error {}

const envNames: Record<keyof Config, string> = {
  host: 'ARGOVUE_HOST',
  port: 'ARGOVUE_PORT',
  publicUrl: 'ARGOVUE_PUBLIC_URL',
  webDir: 'ARGOVUE_WEB_DIR',
  kubeconfig: 'KUBECONFIG',
  logLevel: 'ARGOVUE_LOG_LEVEL',
  oidcIssuer: 'ARGOVUE_OIDC_ISSUER',
  oidcClientId: 'ARGOVUE_OIDC_CLIENT_ID',
  oidcClientSecret: 'ARGOVUE_OIDC_CLIENT_SECRET',
  oidcScopes: 'ARGOVUE_OIDC_SCOPES',
  oidcGroupsClaim: 'ARGOVUE_OIDC_GROUPS_CLAIM',
  oidcUsernameClaim: 'ARGOVUE_OIDC_USERNAME_CLAIM',
  groupPrefix: 'ARGOVUE_GROUP_PREFIX',
  usernamePrefix: 'ARGOVUE_USERNAME_PREFIX',
  groupMap: 'ARGOVUE_GROUP_MAP',
  reservedPrefixes: 'ARGOVUE_RESERVED_PREFIXES',
  sessionKeys: 'ARGOVUE_SESSION_KEYS',
  sessionSeconds: 'ARGOVUE_SESSION_SECONDS',
  authzCacheSeconds: 'ARGOVUE_AUTHZ_CACHE_SECONDS',
  namespace: 'ARGOVUE_NAMESPACE',
  maxStreamsPerUser: 'ARGOVUE_MAX_STREAMS_PER_USER',
  maxStreams: 'ARGOVUE_MAX_STREAMS',
  sseMaxBufferedBytes: 'ARGOVUE_SSE_MAX_BUFFERED_BYTES',
  proxyPort: 'ARGOVUE_PROXY_PORT',
  proxyUrl: 'ARGOVUE_PROXY_URL',
  proxyMaxConnectionsPerUser: 'ARGOVUE_PROXY_MAX_CONNECTIONS_PER_USER',
  proxyMaxConnections: 'ARGOVUE_PROXY_MAX_CONNECTIONS',
  activityRecordSeconds: 'ARGOVUE_ACTIVITY_RECORD_SECONDS',
  archiveHost: 'ARGOVUE_ARCHIVE_HOST',
  archivePort: 'ARGOVUE_ARCHIVE_PORT',
  archiveDatabase: 'ARGOVUE_ARCHIVE_DATABASE',
  archiveUser: 'ARGOVUE_ARCHIVE_USER',
  archivePassword: 'ARGOVUE_ARCHIVE_PASSWORD',
  archiveSslMode: 'ARGOVUE_ARCHIVE_SSLMODE',
  archiveClusterName: 'ARGOVUE_ARCHIVE_CLUSTER_NAME',
  archiveInstanceId: 'ARGOVUE_ARCHIVE_INSTANCE_ID',
  archivePoolSize: 'ARGOVUE_ARCHIVE_POOL_SIZE',
  archiveCountCacheSeconds: 'ARGOVUE_ARCHIVE_COUNT_CACHE_SECONDS',
  archiveWindowRuns: 'ARGOVUE_ARCHIVE_WINDOW_RUNS',
};

const secrets = new Set<keyof Config>(['oidcClientSecret', 'sessionKeys', 'archivePassword']);
// Prefixes (and Argo's default instance id) may be set to the empty string on purpose; every other
// empty variable counts as unset.
const emptyAllowed = new Set<keyof Config>(['groupPrefix', 'usernamePrefix', 'archiveInstanceId']);

/** Reads the configuration once at start, from the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const [key, name] of Object.entries(envNames) as [keyof Config, string][]) {
    const value = secrets.has(key) ? secretFrom(env, name) : env[name];
    if (value !== undefined && (value !== '' || emptyAllowed.has(key))) raw[key] = value;
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path[0];
      const name = typeof key === 'string' && key in envNames ? envNames[key as keyof Config] : String(key);
      // Never echo a secret's value back: zod messages do not include it, and neither do we.
      return `${name}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** The origin users reach ArgoVue at. */
export function publicOrigin(config: Config): URL {
  return new URL(config.publicUrl ?? `http://${config.host}:${config.port}`);
}

/** The proxy's public base URL: each instance is a subdomain of its host. */
export function proxyBaseUrl(config: Config): URL {
  return new URL(config.proxyUrl ?? `http://localhost:${config.proxyPort}`);
}
