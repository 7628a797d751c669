import type { LiveStatus } from '../api/workflow-events.ts';
import './live-indicator.css';

const LABELS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  off: 'Not live',
};

const TITLES: Record<LiveStatus, string> = {
  connecting: 'Opening the stream of changes',
  live: 'Changes appear as they happen',
  reconnecting: 'The stream of changes was lost; the browser is reconnecting',
  off: 'Changes do not appear by themselves; reload the page to see them',
};

/** Whether the page follows changes as they happen. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span className={`live-indicator live-${status}`} title={TITLES[status]} data-live={status}>
      <span className="live-dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
