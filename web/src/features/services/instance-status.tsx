import type { ServiceInstanceRow } from '@argovue/api-types';
import { instanceIsMoving } from '../../api/use-services.ts';
import { RelativeTime } from '../../components/relative-time.tsx';
import { parseApiTime } from '../../lib/relative-time.ts';
import { ServicePhaseBadge } from './service-phase-badge.tsx';

/** `1 of 2 ready`, or nothing for a stopped instance that asks for none. */
export function readyText(row: ServiceInstanceRow): string {
  if (row.replicas === 0 && row.readyReplicas === 0) return 'none asked for';
  return `${row.readyReplicas} of ${row.replicas} ready`;
}

// The controller's message while it waits says why ("waiting for a GPU: …"), and a stopped one why it
// stopped ("stopped after 30 minutes without use"); "1 of 1 ready" and a plain "stopped" add nothing.
function saysMore(row: ServiceInstanceRow): boolean {
  if (row.phase === 'Stopped') return row.message !== undefined && row.message !== 'stopped';
  return row.phase !== 'Running' && !/^\d+ of \d+ ready$/.test(row.message ?? '');
}

/** Phase, readiness and, while it is on its way or failing, what it is waiting for, in words. */
export function InstanceStatus({ row }: { row: ServiceInstanceRow }) {
  const moving = instanceIsMoving(row);
  return (
    <div className="instance-status">
      <ServicePhaseBadge row={row} /> <span className="small muted">{readyText(row)}</span>
      {moving && (
        // A progress bar without a value: the time it takes is not known, only that it is under way.
        <progress className="instance-progress" aria-label={`${row.name} is ${row.phase.toLowerCase()}`} />
      )}
      {row.lastError !== undefined ? (
        <p className="instance-error small">{row.lastError}</p>
      ) : (
        row.message !== undefined && saysMore(row) && <p className="small muted">{row.message}</p>
      )}
    </div>
  );
}

/** The link that opens the instance through the proxy, at its own origin; one stopped for being idle starts there. */
export function OpenInstanceLink({ row }: { row: ServiceInstanceRow }) {
  if (row.url === undefined || (row.stopped && row.idleStopped !== true))
    return <span className="muted small">—</span>;
  const ready = row.phase === 'Running' && row.readyReplicas > 0;
  return (
    <a
      className={ready ? 'button button-primary' : 'button'}
      href={row.url}
      target="_blank"
      rel="noopener noreferrer"
    >
      Open<span className="visually-hidden"> {row.name}</span>
      {row.idleStopped === true ? (
        <span className="small"> (starts it)</span>
      ) : (
        !ready && <span className="small"> (not ready)</span>
      )}
    </a>
  );
}

function When({ iso, now }: { iso: string | undefined; now: Date }) {
  const time = iso === undefined ? null : parseApiTime(iso);
  return time === null ? null : <RelativeTime time={time} now={now} />;
}

/**
 * When it was last used through ArgoVue (recorded up to about a minute late) and, when its template
 * culls idle instances, when it was stopped for that or when it will be if nobody uses it before.
 */
export function InstanceUse({ row, now }: { row: ServiceInstanceRow; now: Date }) {
  return (
    <span className="instance-use small">
      {row.lastUsedAt === undefined ? (
        <span className="muted">not yet used through ArgoVue</span>
      ) : (
        <When iso={row.lastUsedAt} now={now} />
      )}
      {row.idleStopped === true && row.idleStoppedAt !== undefined ? (
        <span className="muted">
          {' '}
          · stopped for being idle <When iso={row.idleStoppedAt} now={now} />
        </span>
      ) : (
        row.idleStopsAt !== undefined && (
          <span className="muted">
            {' '}
            · stops if unused <When iso={row.idleStopsAt} now={now} />
          </span>
        )
      )}
    </span>
  );
}
