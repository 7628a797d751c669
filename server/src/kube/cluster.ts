import { KubeConfig } from '@kubernetes/client-node';

/** Loads ArgoVue's own cluster credentials: a kubeconfig file when configured, else the in-cluster service account. */
export function loadKubeConfig(kubeconfigPath: string | undefined): KubeConfig {
  const kc = new KubeConfig();
  if (kubeconfigPath !== undefined) kc.loadFromFile(kubeconfigPath);
  else kc.loadFromCluster();
  return kc;
}
