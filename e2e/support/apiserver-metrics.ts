// What the apiserver says it serves, from its own metrics (read as admin): how many watches are open
// right now on a resource, by scope (`apiserver_longrunning_requests`, a gauge).
import { KubeConfig } from '@kubernetes/client-node';
import { KubeApi } from '../../server/src/kube/kube-api.ts';

let admin: KubeApi | undefined;

/**
 * Watches open on `resource` (e.g. workflows) of one scope: cluster, namespace or resource (one
 * object); of every scope when none is named.
 */
export async function apiserverWatches(
  resource: string,
  scope?: 'cluster' | 'namespace' | 'resource',
): Promise<number> {
  if (admin === undefined) {
    const kc = new KubeConfig();
    kc.loadFromDefault();
    admin = new KubeApi(kc);
  }
  // `as: 'argovue'` sends no impersonation: the call is made as the kubeconfig's admin.
  const res = await admin.stream({ as: 'argovue', path: '/metrics', accept: 'text/plain' });
  let text = '';
  for await (const chunk of res) text += (chunk as Buffer).toString();
  let watches = 0;
  for (const line of text.split('\n')) {
    if (
      line.startsWith('apiserver_longrunning_requests{') &&
      line.includes(`resource="${resource}"`) &&
      (scope === undefined || line.includes(`scope="${scope}"`)) &&
      line.includes('verb="WATCH"')
    )
      watches += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return watches;
}
