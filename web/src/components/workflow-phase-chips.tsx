import type { PhaseCount } from '../lib/workflow-phases.ts';
import './workflow-phase.css';

/** Workflow counts by phase as coloured chips; a dash when the user may not list workflows. */
export function WorkflowPhaseChips({
  counts,
  spelledOut = false,
}: {
  counts: PhaseCount[] | null;
  spelledOut?: boolean;
}) {
  if (counts === null) {
    if (spelledOut) return <p className="muted">You may not list workflows here.</p>;
    return (
      <span className="phase-unknown" title="You may not list workflows here">
        <span aria-hidden="true">— workflows</span>
        <span className="visually-hidden">You may not list workflows here</span>
      </span>
    );
  }
  if (counts.length === 0) return <span className="muted">No workflows yet</span>;
  return (
    <ul className="phase-chips">
      {counts.map(({ phase, count }) => (
        <li key={phase} className={`chip chip-${phase.toLowerCase()}`}>
          <span className="chip-count">{count}</span> {phase}
        </li>
      ))}
    </ul>
  );
}
