import type { ServerInfo } from '@argovue/api-types';
import type { Loadable } from '../api/loadable.ts';

/** The connection to Kubernetes as a badge: what works and, when it does not, what to do. */
export function ClusterStatus({ info }: { info: Loadable<ServerInfo> }) {
  if (info.state === 'loading') return <span className="badge badge-muted">Connecting…</span>;
  if (info.state === 'failed') {
    return (
      <span className="badge badge-bad" role="status" title={info.error.body.hint}>
        {info.error.message}
      </span>
    );
  }
  const { cluster } = info.value;
  return cluster.reachable ? (
    <span className="badge badge-good" role="status">
      Kubernetes {cluster.gitVersion}
    </span>
  ) : (
    <span className="badge badge-bad" role="status" title="ArgoVue cannot reach the Kubernetes API server.">
      Kubernetes unreachable
    </span>
  );
}
