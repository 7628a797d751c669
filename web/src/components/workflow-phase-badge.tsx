import type { NodePhase } from '@argovue/api-types';
import './workflow-phase.css';

// Shapes as well as colours, so a phase reads without colour vision.
const ICONS: Record<NodePhase, string> = {
  Running: '◔',
  Pending: '○',
  Succeeded: '✓',
  Failed: '✕',
  Error: '!',
  Skipped: '↷',
  Omitted: '–',
};

/** A workflow's or node's phase as an icon and word, coloured like the phase chips. */
export function WorkflowPhaseBadge({ phase }: { phase: NodePhase }) {
  return (
    <span className={`chip chip-${phase.toLowerCase()} phase-badge`}>
      <span aria-hidden="true" className="phase-icon">
        {ICONS[phase]}
      </span>
      {phase}
    </span>
  );
}
