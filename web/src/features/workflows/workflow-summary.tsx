import type { WorkflowDetail } from '@argovue/api-types';
import { Link } from 'react-router';
import { KeyValueChips } from '../../components/key-value-chips.tsx';
import { ArtifactTable, ParameterTable } from './node-io-tables.tsx';

/** The template a workflow came from: its kind, and a link to the workflows run from it. */
export function TemplateLink({
  template,
  namespace,
}: {
  template: WorkflowDetail['row']['template'];
  namespace: string;
}) {
  if (template === undefined) return <span className="muted">— (defined inline)</span>;
  const kind = template.cluster ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
  const runs = new URLSearchParams({ template: template.name });
  if (!template.cluster) runs.set('namespace', namespace);
  return (
    <>
      <span className="muted small">{kind}</span>{' '}
      <Link
        className="mono"
        to={`/workflows?${runs.toString()}`}
        title={`Workflows run from ${kind} ${template.name}`}
      >
        {template.name}
      </Link>
    </>
  );
}

/** Labels, annotations, and what the workflow gave: `status.outputs`. */
export function WorkflowSummary({ workflow }: { workflow: WorkflowDetail }) {
  const { outputs } = workflow;
  const hasOutputs = outputs.parameters.length > 0 || outputs.artifacts.length > 0;
  return (
    <div className="workflow-summary">
      <section aria-labelledby="workflow-labels">
        <h2 id="workflow-labels">Labels</h2>
        <KeyValueChips label="Labels" values={workflow.row.labels} />
      </section>
      <section aria-labelledby="workflow-annotations">
        <h2 id="workflow-annotations">Annotations</h2>
        <KeyValueChips label="Annotations" values={workflow.annotations} />
      </section>
      <section aria-labelledby="workflow-outputs">
        <h2 id="workflow-outputs">Outputs</h2>
        {hasOutputs ? (
          <>
            <ParameterTable label="Output parameters" parameters={outputs.parameters} />
            <ArtifactTable label="Output artifacts" artifacts={outputs.artifacts} />
          </>
        ) : (
          <p className="muted small">No outputs (the entrypoint template exports none).</p>
        )}
      </section>
    </div>
  );
}
