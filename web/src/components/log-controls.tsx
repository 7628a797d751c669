// The controls and body shared by every log view (a workflow node's log, a workflow's interleaved
// logs, a service instance's pod log).
import type { LogContainer } from '../api/client.ts';
import type { LogStream, LogStreamStatus } from '../api/use-log-stream.ts';
import { useState, type ReactNode } from 'react';
import { LogSearchBox } from './log-search-box.tsx';
import { LogView } from './log-view.tsx';
import type { LogSearch } from './use-log-search.ts';
import './log-controls.css';

const CONTAINERS: readonly LogContainer[] = ['main', 'init', 'wait'];

/** A labelled choice of one of `options` (a pod, a container). */
export function LogSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
}) {
  return (
    <label className="log-field">
      {label}{' '}
      <select
        value={value}
        onChange={(e) => {
          const chosen = options.find((option) => option === e.target.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The container of a workflow pod: Argo's main, init and wait. */
export function ContainerSelect({
  value,
  onChange,
}: {
  value: LogContainer;
  onChange: (container: LogContainer) => void;
}) {
  return <LogSelect label="Container" value={value} options={CONTAINERS} onChange={onChange} />;
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

/** The switches every log view offers: timestamps, follow, wrap. */
export interface LogToggles {
  timestamps: boolean;
  setTimestamps: (on: boolean) => void;
  follow: boolean;
  setFollow: (on: boolean) => void;
  wrap: boolean;
  setWrap: (on: boolean) => void;
}

export function useLogToggles(followAtFirst: boolean): LogToggles {
  const [timestamps, setTimestamps] = useState(false);
  const [follow, setFollow] = useState(followAtFirst);
  const [wrap, setWrap] = useState(false);
  return { timestamps, setTimestamps, follow, setFollow, wrap, setWrap };
}

/** A workflow's log choices: its switches and Argo's container. */
export interface LogChoices extends LogToggles {
  container: LogContainer;
  setContainer: (container: LogContainer) => void;
}

export function useLogChoices(followAtFirst: boolean): LogChoices {
  const [container, setContainer] = useState<LogContainer>('main');
  return { ...useLogToggles(followAtFirst), container, setContainer };
}

/**
 * The bar above a log: what to read (`children`: a container, a pod), its switches, the search,
 * where the stream is (`shown` of the lines), and `end` (a download) last.
 */
export function LogToolbar({
  toggles,
  search,
  log,
  shown = log.buffer.length,
  children,
  end,
}: {
  toggles: LogToggles;
  search: LogSearch;
  log: LogStream;
  /** How many of the lines are shown (a filter); all of them when absent. */
  shown?: number;
  children: ReactNode;
  end?: ReactNode;
}) {
  return (
    <div className="log-toolbar">
      {children}
      <LogToggle label="Timestamps" checked={toggles.timestamps} onChange={toggles.setTimestamps} />
      <LogToggle label="Follow" checked={toggles.follow} onChange={toggles.setFollow} />
      <LogToggle label="Wrap" checked={toggles.wrap} onChange={toggles.setWrap} />
      <LogSearchBox search={search} />
      <LogStreamState status={log.status} follow={toggles.follow} total={log.buffer.length} shown={shown} />
      {end}
    </div>
  );
}

/** The stream's error (message and hint), and its lines unless it failed before the first. */
export function LogBody({
  log,
  search,
  toggles,
  label,
  rows = null,
  showSource = false,
}: {
  log: LogStream;
  search: LogSearch;
  toggles: LogToggles;
  label: string;
  /** The buffer's lines to show (a filter); null for all. */
  rows?: readonly number[] | null;
  showSource?: boolean;
}) {
  return (
    <>
      <LogError status={log.status} />
      {!(log.status.state === 'failed' && log.buffer.length === 0) && (
        <LogView
          label={label}
          buffer={log.buffer}
          rows={rows}
          version={log.version}
          needle={search.needle}
          current={search.current}
          follow={toggles.follow}
          live={toggles.follow && log.status.state === 'streaming'}
          wrap={toggles.wrap}
          showTime={toggles.timestamps}
          showSource={showSource}
          onTopRow={search.setTopRow}
        />
      )}
    </>
  );
}
