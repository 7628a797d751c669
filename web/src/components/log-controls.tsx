// Small controls shared by the log views (a node's log, a workflow's interleaved logs).
import type { LogContainer } from '../api/client.ts';
import type { LogStreamStatus } from '../api/use-log-stream.ts';
import { useState } from 'react';
import { LogSearchBox } from './log-search-box.tsx';
import type { LogSearch } from './use-log-search.ts';
import './log-controls.css';

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

/** The choices both log views offer: container, timestamps, follow, wrap. */
export interface LogChoices {
  container: LogContainer;
  setContainer: (container: LogContainer) => void;
  timestamps: boolean;
  setTimestamps: (on: boolean) => void;
  follow: boolean;
  setFollow: (on: boolean) => void;
  wrap: boolean;
  setWrap: (on: boolean) => void;
}

export function useLogChoices(followAtFirst: boolean): LogChoices {
  const [container, setContainer] = useState<LogContainer>('main');
  const [timestamps, setTimestamps] = useState(false);
  const [follow, setFollow] = useState(followAtFirst);
  const [wrap, setWrap] = useState(false);
  return { container, setContainer, timestamps, setTimestamps, follow, setFollow, wrap, setWrap };
}

/** The bar above a log: its choices, the search, and where the stream is (`shown` of the lines). */
export function LogToolbar({
  choices,
  search,
  status,
  total,
  shown,
}: {
  choices: LogChoices;
  search: LogSearch;
  status: LogStreamStatus;
  total: number;
  shown: number;
}) {
  return (
    <div className="log-toolbar">
      <ContainerSelect value={choices.container} onChange={choices.setContainer} />
      <LogToggle label="Timestamps" checked={choices.timestamps} onChange={choices.setTimestamps} />
      <LogToggle label="Follow" checked={choices.follow} onChange={choices.setFollow} />
      <LogToggle label="Wrap" checked={choices.wrap} onChange={choices.setWrap} />
      <LogSearchBox search={search} />
      <LogStreamState status={status} follow={choices.follow} total={total} shown={shown} />
    </div>
  );
}
