// The environment that runs ArgoVue against the local cluster: as its own service account, logging
// in through the local OpenID provider. Used by `make demo` and the browser tests.
import { fileURLToPath } from 'node:url';

export const devclusterDir =
  process.env['ARGOVUE_DEVCLUSTER_DIR'] ?? fileURLToPath(new URL('../.devcluster', import.meta.url));
export const oidcIssuer = `http://127.0.0.1:${process.env['DEVCLUSTER_OIDC_PORT'] ?? '5556'}`;

/** `proxyPort`: the service proxy's listener; instances are at `http://<instance>--<namespace>.localhost:<proxyPort>`. */
export function devclusterArgovueEnv(port: number, proxyPort = port + 1): Record<string, string> {
  return {
    KUBECONFIG: `${devclusterDir}/argovue.kubeconfig`,
    ARGOVUE_PORT: String(port),
    ARGOVUE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    ARGOVUE_PROXY_PORT: String(proxyPort),
    ARGOVUE_PROXY_URL: `http://localhost:${proxyPort}`,
    ARGOVUE_OIDC_ISSUER: oidcIssuer,
    ARGOVUE_OIDC_CLIENT_ID: 'argovue',
    ARGOVUE_OIDC_CLIENT_SECRET_FILE: `${devclusterDir}/oidc/client-secret`,
    ARGOVUE_SESSION_KEYS_FILE: `${devclusterDir}/argovue-session-key`,
  };
}

/**
 * ArgoVue reading the local cluster's workflow archive (the component postgresql of
 * devcluster/cluster.sh) as its own database role `argovue`, on loopback without TLS.
 */
export function devclusterArchiveEnv(): Record<string, string> {
  return {
    ARGOVUE_ARCHIVE_HOST: '127.0.0.1',
    ARGOVUE_ARCHIVE_PORT: process.env['DEVCLUSTER_POSTGRES_PORT'] ?? '15432',
    ARGOVUE_ARCHIVE_DATABASE: 'argo',
    ARGOVUE_ARCHIVE_USER: 'argovue',
    ARGOVUE_ARCHIVE_PASSWORD_FILE: `${devclusterDir}/postgres-secrets/argovue`,
    ARGOVUE_ARCHIVE_SSLMODE: 'disable',
  };
}
