import type { NodePod, PodContainer } from '@argovue/api-types';
import { useNodePod } from '../../api/use-workflow-reads.ts';

function quantities(values: Record<string, string>): string {
  const entries = Object.entries(values);
  return entries.length === 0 ? '—' : entries.map(([name, value]) => `${name} ${value}`).join(', ');
}

function ContainerState({ container }: { container: PodContainer }) {
  const failed = container.exitCode !== undefined && container.exitCode !== 0;
  return (
    <li className="pod-container">
      <div>
        <strong className="mono">{container.name}</strong>
        {container.init && <span className="muted small"> (init)</span>}{' '}
        <span className={failed ? 'badge badge-bad' : 'badge badge-muted'}>
          {container.state}
          {container.reason !== undefined && `: ${container.reason}`}
        </span>
      </div>
      <dl className="facts facts-compact">
        {container.exitCode !== undefined && (
          <>
            <dt>Exit code</dt>
            <dd className={failed ? 'exit-code-failed' : undefined}>{container.exitCode}</dd>
          </>
        )}
        <dt>Restarts</dt>
        <dd>{container.restartCount}</dd>
        <dt>Requests</dt>
        <dd className="mono small">{quantities(container.requests)}</dd>
        <dt>Limits</dt>
        <dd className="mono small">{quantities(container.limits)}</dd>
        {container.message !== undefined && (
          <>
            <dt>Message</dt>
            <dd className="small">{container.message}</dd>
          </>
        )}
      </dl>
    </li>
  );
}

function PodFacts({ pod }: { pod: NodePod }) {
  return (
    <>
      <dl className="facts facts-compact">
        <dt>Pod</dt>
        <dd className="mono">{pod.name}</dd>
        <dt>Phase</dt>
        <dd>
          {pod.phase}
          {pod.reason !== undefined && ` (${pod.reason})`}
        </dd>
        <dt>Node</dt>
        <dd className="mono">{pod.nodeName ?? '—'}</dd>
        {pod.qosClass !== undefined && (
          <>
            <dt>QoS</dt>
            <dd>{pod.qosClass}</dd>
          </>
        )}
      </dl>
      {pod.message !== undefined && <p className="small">{pod.message}</p>}
      <ul className="pod-containers" aria-label="Containers">
        {pod.containers.map((c) => (
          <ContainerState key={c.name} container={c} />
        ))}
      </ul>
    </>
  );
}

/** A pod node's pod as it is now; a pod already deleted (pod GC) is said to be gone, not an error. */
export function NodePodSection({
  namespace,
  name,
  nodeId,
  version,
}: {
  namespace: string;
  name: string;
  nodeId: string;
  version: string;
}) {
  const pod = useNodePod(namespace, name, nodeId, version);
  return (
    <section className="node-section" aria-labelledby="node-pod-title">
      <h3 id="node-pod-title">Pod</h3>
      {pod.state === 'loading' && <p className="muted small">Loading the pod…</p>}
      {pod.state === 'failed' &&
        (pod.error.body.code === 'POD_NOT_FOUND' ? (
          <p className="muted small">The pod no longer exists (deleted after the node finished).</p>
        ) : (
          <p className="small" role="alert">
            {pod.error.body.message}
          </p>
        ))}
      {pod.state === 'ready' && <PodFacts pod={pod.value} />}
    </section>
  );
}
