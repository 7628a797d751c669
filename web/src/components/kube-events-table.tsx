import type { WorkflowKubeEvent } from '@argovue/api-types';
import { parseApiTime } from '../lib/relative-time.ts';
import { RelativeTime } from './relative-time.tsx';

/** Kubernetes events as a table: Warnings stand out; the time is when it was last seen. */
export function KubeEventsTable({
  events,
  now,
  label,
  showObject = true,
}: {
  events: readonly WorkflowKubeEvent[];
  now: Date;
  label: string;
  showObject?: boolean;
}) {
  if (events.length === 0) return <p className="muted">No events.</p>;
  return (
    <table className="table events-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          {showObject && <th scope="col">Object</th>}
          <th scope="col">Message</th>
          <th scope="col" className="numeric">
            Count
          </th>
          <th scope="col">Last seen</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, i) => {
          const seen = event.lastSeen === undefined ? null : parseApiTime(event.lastSeen);
          return (
            <tr key={i} className={event.type === 'Warning' ? 'event-warning' : undefined}>
              <td>
                <span className={event.type === 'Warning' ? 'badge badge-bad' : 'badge badge-muted'}>
                  {event.type}
                </span>
              </td>
              <td>{event.reason}</td>
              {showObject && (
                <td className="mono small">
                  {event.object.kind.toLowerCase()}/{event.object.name}
                </td>
              )}
              <td>{event.message}</td>
              <td className="numeric">{event.count}</td>
              <td>
                {seen === null ? <span className="muted">—</span> : <RelativeTime time={seen} now={now} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The same events as a compact list, for a narrow panel. */
export function KubeEventsList({
  events,
  now,
  label,
}: {
  events: readonly WorkflowKubeEvent[];
  now: Date;
  label: string;
}) {
  if (events.length === 0) return <p className="muted small">No events.</p>;
  return (
    <ul className="events-list" aria-label={label}>
      {events.map((event, i) => {
        const seen = event.lastSeen === undefined ? null : parseApiTime(event.lastSeen);
        return (
          <li key={i} className={event.type === 'Warning' ? 'event-warning' : undefined}>
            <strong>{event.reason}</strong>
            {event.type === 'Warning' && <span className="badge badge-bad">Warning</span>}{' '}
            {event.count > 1 && <span className="muted small">×{event.count} </span>}
            {seen !== null && (
              <span className="muted small">
                <RelativeTime time={seen} now={now} />
              </span>
            )}
            <div className="small">{event.message}</div>
          </li>
        );
      })}
    </ul>
  );
}
