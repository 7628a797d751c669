import type { WorkflowNode } from '@argovue/api-types';
import { WorkflowPhaseBadge } from '../../../components/workflow-phase-badge.tsx';
import { formatElapsed } from '../../../lib/duration-format.ts';
import '../workflow-graph.css';

/** A Retry node's attempts, in order; the graph shows them folded into the Retry node until expanded. */
export function RetryAttempts({
  retry,
  attempts,
  expanded,
  onToggle,
  onOpen,
  now,
}: {
  retry: WorkflowNode;
  attempts: readonly WorkflowNode[];
  expanded: boolean;
  onToggle: () => void;
  onOpen: (id: string) => void;
  now: Date;
}) {
  return (
    <section className="retry-attempts panel" aria-labelledby="retry-attempts-title">
      <h3 id="retry-attempts-title">
        {retry.displayName}: {attempts.length} {attempts.length === 1 ? 'attempt' : 'attempts'}
      </h3>
      <button type="button" className="button" onClick={onToggle} aria-expanded={expanded}>
        {expanded ? 'Fold the attempts into the retry node' : 'Show the attempts in the graph'}
      </button>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Attempt</th>
            <th scope="col">Phase</th>
            <th scope="col" className="numeric">
              Duration
            </th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt) => (
            <tr key={attempt.id}>
              <td>
                <button type="button" className="link-button" onClick={() => onOpen(attempt.id)}>
                  {attempt.displayName}
                </button>
              </td>
              <td>
                <WorkflowPhaseBadge phase={attempt.phase} />
              </td>
              <td className="numeric">{formatElapsed(attempt.startedAt, attempt.finishedAt, now)}</td>
              <td>{attempt.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
