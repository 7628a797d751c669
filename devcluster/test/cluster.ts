// Helpers for tests against the running local cluster (`make cluster-up`). Nothing here fakes the
// API: every call goes to the real kube-apiserver named by KUBECONFIG.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CoreV1Api, CustomObjectsApi, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';

export function adminKubeConfig(): KubeConfig {
  const path = process.env['KUBECONFIG'];
  if (!path) throw new Error('KUBECONFIG is not set: run the integration tests with `make integration`');
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  return kc;
}

export const kc = adminKubeConfig();
export const core = kc.makeApiClient(CoreV1Api);
export const custom = kc.makeApiClient(CustomObjectsApi);
export const rbac = kc.makeApiClient(RbacAuthorizationV1Api);

/** A fresh namespace for one test file; the returned function deletes it and waits until it is gone. */
export async function createTestNamespace(
  prefix: string,
): Promise<{ name: string; remove: () => Promise<void> }> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  await core.createNamespace({ body: { metadata: { name, labels: { 'argovue.dev/test': 'true' } } } });
  return {
    name,
    // Waits until the namespace is gone, not only Terminating: until then it is still listed, and its
    // members still see it, so a later test's exact view of the cluster would include it.
    remove: async () => {
      await core.deleteNamespace({ name }).catch(() => undefined);
      await eventually(
        `namespace ${name} to be deleted`,
        () =>
          core.readNamespace({ name }).then(
            () => undefined,
            (error: unknown) => {
              if ((error as { code?: number }).code === 404) return true;
              throw error;
            },
          ),
        180_000,
      );
    },
  };
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with `what`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The static bearer tokens the devcluster's apiserver accepts, by user name (see pki.sh). */
export function staticTokens(): Map<string, { token: string; groups: string[] }> {
  const kubeconfigPath = process.env['KUBECONFIG'] ?? '';
  const csv = readFileSync(join(dirname(kubeconfigPath), 'pki', 'tokens.csv'), 'utf8');
  const tokens = new Map<string, { token: string; groups: string[] }>();
  for (const line of csv.trim().split('\n')) {
    const match = /^([^,]+),([^,]+),[^,]+,"([^"]*)"$/.exec(line);
    if (match?.[1] && match[2])
      tokens.set(match[2], { token: match[1], groups: (match[3] ?? '').split(',') });
  }
  return tokens;
}

/** A client of the same cluster that authenticates with a bearer token instead of the admin cert. */
export function kubeConfigWithToken(token: string): KubeConfig {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the admin kubeconfig has no current cluster');
  const tokenConfig = new KubeConfig();
  tokenConfig.loadFromOptions({
    clusters: [cluster],
    users: [{ name: 'token-user', token }],
    contexts: [{ name: 'token', cluster: cluster.name, user: 'token-user' }],
    currentContext: 'token',
  });
  return tokenConfig;
}
