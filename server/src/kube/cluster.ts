// ArgoVue's own cluster credentials: a kubeconfig file when configured, else the in-cluster service
// account. client-node's KubeConfig reads every kind of kubeconfig (exec plugins, auth providers,
// proxies), but importing it costs 0.7–1 s of CPU at every start (its generated API client comes
// with it), more than the rest of the server's modules together. The common cases are read here —
// the in-cluster service account, and a kubeconfig whose user is a client certificate or a token —
// and client-node is loaded only for any other kubeconfig.
import { existsSync, readFileSync } from 'node:fs';
import type { RequestOptions } from 'node:https';
import { isIPv6 } from 'node:net';
import { dirname, resolve } from 'node:path';
import { load } from 'js-yaml';

/** What ArgoVue uses of a kubeconfig (client-node's KubeConfig has the same shape). */
export interface ClusterAccess {
  getCurrentCluster(): { server: string } | null;
  getCurrentContext(): string;
  getContextObject(name: string): { namespace?: string } | null;
  /** Puts the credentials (headers, TLS material) on request options; read again on every call. */
  applyToHTTPSOptions(opts: RequestOptions): Promise<void>;
}

const serviceAccount = '/var/run/secrets/kubernetes.io/serviceaccount';

interface StaticCluster {
  server: string;
  caFile?: string;
  caData?: string;
  skipTlsVerify: boolean;
}

interface StaticUser {
  certFile?: string;
  certData?: string;
  keyFile?: string;
  keyData?: string;
  token?: string;
  tokenFile?: string;
}

/** A cluster and user given by values and files only: nothing to run, nothing to refresh but files. */
class StaticClusterAccess implements ClusterAccess {
  readonly #cluster: StaticCluster;
  readonly #user: StaticUser;
  readonly #context: string;
  readonly #namespace: string | undefined;

  constructor(cluster: StaticCluster, user: StaticUser, context: string, namespace: string | undefined) {
    this.#cluster = cluster;
    this.#user = user;
    this.#context = context;
    this.#namespace = namespace;
  }

  getCurrentCluster(): { server: string } {
    return { server: this.#cluster.server };
  }

  getCurrentContext(): string {
    return this.#context;
  }

  getContextObject(name: string): { namespace?: string } | null {
    if (name !== this.#context) return null;
    return this.#namespace === undefined ? {} : { namespace: this.#namespace };
  }

  applyToHTTPSOptions(opts: RequestOptions): Promise<void> {
    const cluster = this.#cluster;
    const user = this.#user;
    const ca = fileOrData(cluster.caFile, cluster.caData);
    if (ca !== undefined) opts.ca = ca;
    if (cluster.skipTlsVerify) opts.rejectUnauthorized = false;
    const cert = fileOrData(user.certFile, user.certData);
    if (cert !== undefined) opts.cert = cert;
    const key = fileOrData(user.keyFile, user.keyData);
    if (key !== undefined) opts.key = key;
    // A token file is read again each time: the kubelet rotates projected service account tokens.
    const token =
      user.tokenFile !== undefined ? readFileSync(user.tokenFile, 'utf8').trim() : (user.token ?? undefined);
    // KubeApi asks with fresh options, whose headers are ours alone.
    if (token !== undefined && token !== '') opts.headers = { Authorization: `Bearer ${token}` };
    return Promise.resolve();
  }
}

function fileOrData(file: string | undefined, data: string | undefined): Buffer | undefined {
  if (data !== undefined) return Buffer.from(data, 'base64');
  if (file !== undefined) return readFileSync(file);
  return undefined;
}

/** The in-cluster service account, as client-node's loadFromCluster reads it. */
function inCluster(): ClusterAccess {
  const host = process.env['KUBERNETES_SERVICE_HOST'] ?? '';
  const port = process.env['KUBERNETES_SERVICE_PORT'] ?? '';
  const scheme = port === '80' || port === '8080' || port === '8001' ? 'http' : 'https';
  const namespaceFile = `${serviceAccount}/namespace`;
  return new StaticClusterAccess(
    {
      server: `${scheme}://${isIPv6(host) ? `[${host}]` : host}:${port}`,
      caFile: `${serviceAccount}/ca.crt`,
      skipTlsVerify: false,
    },
    { tokenFile: `${serviceAccount}/token` },
    'inClusterContext',
    existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8') : undefined,
  );
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function named(list: unknown, name: string, field: string): Fields | undefined {
  if (!Array.isArray(list)) return undefined;
  const entry: unknown = list.find((item) => isObject(item) && item['name'] === name);
  return isObject(entry) && isObject(entry[field]) ? entry[field] : undefined;
}

const clusterKeys = new Set([
  'server',
  'certificate-authority',
  'certificate-authority-data',
  'insecure-skip-tls-verify',
]);
const userKeys = new Set([
  'client-certificate',
  'client-certificate-data',
  'client-key',
  'client-key-data',
  'token',
]);

/**
 * A kubeconfig this module reads itself, or undefined when it needs client-node (exec or auth-provider
 * users, proxies, a TLS server name, impersonation, anything else it does not know).
 */
export function staticKubeConfig(text: string, path: string): ClusterAccess | undefined {
  const doc = load(text);
  if (!isObject(doc)) return undefined;
  const contextName = typeof doc['current-context'] === 'string' ? doc['current-context'] : '';
  const context = named(doc['contexts'], contextName, 'context');
  if (context === undefined) return undefined;
  const cluster = named(doc['clusters'], String(context['cluster']), 'cluster');
  const user = named(doc['users'], String(context['user']), 'user') ?? {};
  if (cluster === undefined || typeof cluster['server'] !== 'string') return undefined;
  const strings = (fields: Fields, keys: Set<string>): boolean =>
    Object.entries(fields).every(
      ([key, value]) => keys.has(key) && (typeof value === 'string' || typeof value === 'boolean'),
    );
  if (!strings(cluster, clusterKeys) || !strings(user, userKeys)) return undefined;
  // Relative paths in a kubeconfig are relative to its folder (as kubectl and client-node read them).
  const file = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? resolve(dirname(path), value) : undefined;
  const data = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const namespace = context['namespace'];
  return new StaticClusterAccess(
    {
      server: cluster['server'],
      ...optional('caFile', file(cluster['certificate-authority'])),
      ...optional('caData', data(cluster['certificate-authority-data'])),
      skipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    },
    {
      ...optional('certFile', file(user['client-certificate'])),
      ...optional('certData', data(user['client-certificate-data'])),
      ...optional('keyFile', file(user['client-key'])),
      ...optional('keyData', data(user['client-key-data'])),
      ...optional('token', data(user['token'])),
    },
    contextName,
    typeof namespace === 'string' && namespace !== '' ? namespace : undefined,
  );
}

function optional<K extends string>(key: K, value: string | undefined): { [key in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [key in K]?: string };
}

/** Loads ArgoVue's own cluster credentials: a kubeconfig file when configured, else the in-cluster service account. */
export async function loadKubeConfig(kubeconfigPath: string | undefined): Promise<ClusterAccess> {
  if (kubeconfigPath === undefined) return inCluster();
  const own = staticKubeConfig(readFileSync(kubeconfigPath, 'utf8'), kubeconfigPath);
  if (own !== undefined) return own;
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  return kc;
}
