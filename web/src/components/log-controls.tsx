// Small controls shared by the log views (a node's log, a workflow's interleaved logs).
import type { LogContainer } from '../api/client.ts';
import type { LogStreamStatus } from '../api/use-log-stream.ts';

const CONTAINERS: readonly LogContainer[] = ['main', 'init', 'wait'];

export function ContainerSelect({
  value,
  onChange,
}: {
  value: LogContainer;
  onChange: (container: LogContainer) => void;
}) {
  return (
    <label className="log-field">
      Container{' '}
      <select
        value={value}
        onChange={(e) => {
          const chosen = CONTAINERS.find((c) => c === e.target.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {CONTAINERS.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LogToggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="log-field">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** Loading, following, or how many lines (of how many, when filtered). */
export function LogStreamState({
  status,
  follow,
  total,
  shown,
}: {
  status: LogStreamStatus;
  follow: boolean;
  total: number;
  shown: number;
}) {
  const lines = `${total.toLocaleString('en-US')} ${total === 1 ? 'line' : 'lines'}`;
  const count = shown === total ? lines : `${shown.toLocaleString('en-US')} of ${lines}`;
  return (
    <span className="muted small log-state" data-state={status.state}>
      {status.state === 'loading' && 'Loading…'}
      {status.state === 'streaming' && `${follow ? 'Following' : 'Reading'}… ${count}`}
      {status.state === 'done' && count}
      {status.state === 'failed' && `${count} (stopped)`}
    </span>
  );
}

export function LogError({ status }: { status: LogStreamStatus }) {
  if (status.state !== 'failed') return null;
  return (
    <div className="panel panel-error" role="alert">
      <p>{status.error.body.message}</p>
      {status.error.body.hint !== undefined && <p className="hint">{status.error.body.hint}</p>}
    </div>
  );
}
