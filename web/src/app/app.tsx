import { ClusterStatus } from '../components/cluster-status.tsx';
import { useServerInfo } from './use-server-info.ts';

export function App() {
  const info = useServerInfo();
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="/">
          ArgoVue
        </a>
        <ClusterStatus info={info} />
      </header>
      <main className="content">
        <h1>Welcome to ArgoVue</h1>
        <p className="lead">
          Run and watch your Argo workflows, open the data they wrote, and start your own services — all with
          the access your Kubernetes groups give you.
        </p>
        {info.state === 'ready' && (
          <p className="muted" data-testid="server-version">
            Server version {info.value.version}
          </p>
        )}
      </main>
    </div>
  );
}
