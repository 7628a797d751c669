import type { WorkflowNode } from '@argovue/api-types';
import { useNodeDetail, useWorkflowKubeEvents } from '../../api/use-workflow-reads.ts';
import { KubeEventsList } from '../../components/kube-events-table.tsx';
import { ArtifactTable, ParameterTable } from './node-io-tables.tsx';
import { NodePodSection } from './node-pod-section.tsx';
import type { WorkflowPage } from './workflow-page-context.ts';

/**
 * A node's inputs and outputs change only with the node (its outputs come with its end), so they are
 * read again when the node changes, not on every change of a running workflow: that read carries the
 * whole workflow from the apiserver.
 */
function nodeVersion(node: WorkflowNode): string {
  return [node.phase, node.startedAt ?? '', node.finishedAt ?? '', node.message ?? ''].join('|');
}

function NodeInputsOutputs({ page, node }: { page: WorkflowPage; node: WorkflowNode }) {
  const detail = useNodeDetail(page.namespace, page.name, node.id, nodeVersion(node));
  if (detail.state === 'loading') return <p className="muted small">Loading inputs and outputs…</p>;
  if (detail.state === 'failed')
    return (
      <p className="small" role="alert">
        {detail.error.body.message}
      </p>
    );
  const { inputs, outputs, hostNodeName } = detail.value;
  const noInputs = inputs.parameters.length === 0 && inputs.artifacts.length === 0;
  const noOutputs =
    outputs.parameters.length === 0 &&
    outputs.artifacts.length === 0 &&
    outputs.exitCode === undefined &&
    outputs.result === undefined;
  return (
    <>
      <section className="node-section" aria-labelledby="node-inputs-title">
        <h3 id="node-inputs-title">Inputs</h3>
        {noInputs && <p className="muted small">None.</p>}
        <ParameterTable label="Input parameters" parameters={inputs.parameters} />
        <ArtifactTable label="Input artifacts" artifacts={inputs.artifacts} />
      </section>
      <section className="node-section" aria-labelledby="node-outputs-title">
        <h3 id="node-outputs-title">Outputs</h3>
        {noOutputs && <p className="muted small">None.</p>}
        {(outputs.exitCode !== undefined || hostNodeName !== undefined) && (
          <dl className="facts facts-compact">
            {outputs.exitCode !== undefined && (
              <>
                <dt>Exit code</dt>
                <dd className={outputs.exitCode === '0' ? undefined : 'exit-code-failed'}>
                  {outputs.exitCode}
                </dd>
              </>
            )}
            {hostNodeName !== undefined && (
              <>
                <dt>Ran on</dt>
                <dd className="mono">{hostNodeName}</dd>
              </>
            )}
          </dl>
        )}
        {outputs.result !== undefined && (
          <>
            <h4>Result</h4>
            <pre className="node-result">{outputs.result}</pre>
          </>
        )}
        <ParameterTable label="Output parameters" parameters={outputs.parameters} />
        <ArtifactTable label="Output artifacts" artifacts={outputs.artifacts} />
      </section>
    </>
  );
}

function NodeEvents({ page, nodeId, now }: { page: WorkflowPage; nodeId: string; now: Date }) {
  const { events } = useWorkflowKubeEvents(page.namespace, page.name, page.version);
  return (
    <section className="node-section" aria-labelledby="node-events-title">
      <h3 id="node-events-title">Events</h3>
      {events.state === 'loading' && <p className="muted small">Loading events…</p>}
      {events.state === 'failed' && (
        <p className="small" role="alert">
          {events.error.body.message}
        </p>
      )}
      {events.state === 'ready' && (
        <KubeEventsList
          label="Events of this node"
          events={events.value.items.filter((e) => e.nodeId === nodeId)}
          now={now}
        />
      )}
    </section>
  );
}

/** What the node panel reads beyond the node itself: inputs, outputs, its pod and its events. */
export function NodeDetails({ page, node, now }: { page: WorkflowPage; node: WorkflowNode; now: Date }) {
  return (
    <>
      <NodeInputsOutputs page={page} node={node} />
      {node.type === 'Pod' && (
        <NodePodSection namespace={page.namespace} name={page.name} nodeId={node.id} version={page.version} />
      )}
      <NodeEvents page={page} nodeId={node.id} now={now} />
    </>
  );
}
