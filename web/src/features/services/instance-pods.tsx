import type { PodContainer, ServicePod } from '@argovue/api-types';
import './services.css';

function quantities(values: Record<string, string>): string {
  const entries = Object.entries(values);
  return entries.length === 0 ? '—' : entries.map(([name, value]) => `${name} ${value}`).join(', ');
}

function ContainerRow({ container }: { container: PodContainer }) {
  const failed = container.exitCode !== undefined && container.exitCode !== 0;
  return (
    <tr>
      <td className="mono">
        {container.name}
        {container.init && <span className="muted small"> (init)</span>}
      </td>
      <td>
        <span className={failed || container.state === 'waiting' ? 'badge badge-bad' : 'badge badge-muted'}>
          {container.state}
          {container.reason !== undefined && `: ${container.reason}`}
        </span>
        {container.ready && <span className="badge badge-good">ready</span>}
        {container.message !== undefined && <div className="small">{container.message}</div>}
      </td>
      <td className="numeric">{container.restartCount}</td>
      <td className="mono small">{quantities(container.requests)}</td>
      <td className="mono small">{quantities(container.limits)}</td>
    </tr>
  );
}

/** Each pod of an instance: phase, node, and its containers' states, restarts and resources. */
export function InstancePods({ pods, stopped }: { pods: readonly ServicePod[]; stopped: boolean }) {
  if (pods.length === 0)
    return (
      <p className="empty-state muted">
        {stopped ? 'The instance is stopped: it has no pods. Start brings them back.' : 'No pod yet.'}
      </p>
    );
  return (
    <div className="instance-pods">
      {pods.map((pod) => (
        <section key={pod.name} className="panel instance-pod" aria-label={`Pod ${pod.name}`}>
          <h3 className="mono">{pod.name}</h3>
          <dl className="facts facts-compact">
            <dt>Phase</dt>
            <dd>
              {pod.phase}
              {pod.reason !== undefined && ` (${pod.reason})`}
              {pod.ready ? ' · ready' : ' · not ready'}
            </dd>
            <dt>Node</dt>
            <dd className="mono">{pod.nodeName ?? '—'}</dd>
            <dt>IP</dt>
            <dd className="mono">{pod.ip ?? '—'}</dd>
          </dl>
          {pod.message !== undefined && <p className="small">{pod.message}</p>}
          <table className="table" aria-label={`Containers of ${pod.name}`}>
            <thead>
              <tr>
                <th scope="col">Container</th>
                <th scope="col">State</th>
                <th scope="col" className="numeric">
                  Restarts
                </th>
                <th scope="col">Requests</th>
                <th scope="col">Limits</th>
              </tr>
            </thead>
            <tbody>
              {pod.containers.map((c) => (
                <ContainerRow key={c.name} container={c} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
