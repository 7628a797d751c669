import type { ServiceInstanceRow, ServicePhase } from '@argovue/api-types';
import './services.css';

// Shapes as well as colours, so a phase reads without colour vision.
const ICONS: Record<ServicePhase, string> = {
  Pending: '○',
  Starting: '◔',
  Running: '●',
  Stopping: '◑',
  Stopped: '■',
  Failed: '✕',
};

/** An instance's phase as an icon and a word; Running with fewer ready replicas than asked is still starting. */
export function ServicePhaseBadge({ row }: { row: Pick<ServiceInstanceRow, 'phase'> }) {
  return (
    <span className={`chip service-phase service-phase-${row.phase.toLowerCase()}`}>
      <span aria-hidden="true">{ICONS[row.phase]}</span> {row.phase}
    </span>
  );
}
