import { KubeConfig, VersionApi } from '@kubernetes/client-node';
import type { ClusterInfo } from '@argovue/api-types';

/** Loads ArgoVue's own cluster credentials: a kubeconfig file when configured, else the in-cluster service account. */
export function loadKubeConfig(kubeconfigPath: string | undefined): KubeConfig {
  const kc = new KubeConfig();
  if (kubeconfigPath !== undefined) kc.loadFromFile(kubeconfigPath);
  else kc.loadFromCluster();
  return kc;
}

/** Asks the apiserver for its version; a failure means the cluster is not reachable with our credentials. */
export async function probeCluster(kc: KubeConfig): Promise<ClusterInfo & { error?: string }> {
  try {
    const version = await kc.makeApiClient(VersionApi).getCode();
    return { reachable: true, gitVersion: version.gitVersion };
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message : String(error) };
  }
}
