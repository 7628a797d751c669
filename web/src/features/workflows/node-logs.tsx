import type { WorkflowNode } from '@argovue/api-types';
import { useDeferredValue, useMemo, useState } from 'react';
import { type LogContainer, nodeLogPath } from '../../api/client.ts';
import { useNodeLog } from '../../api/use-node-log.ts';
import { LogView } from '../../components/log-view.tsx';
import { findLogMatches, stepMatch } from '../../lib/log-search.ts';

const CONTAINERS: LogContainer[] = ['main', 'wait', 'init'];

interface NodeLogsProps {
  namespace: string;
  workflowName: string;
  node: WorkflowNode;
}

/** One Pod node's log: container, timestamps and follow choices, search, and the download. */
export function NodeLogs({ namespace, workflowName, node }: NodeLogsProps) {
  const [container, setContainer] = useState<LogContainer>('main');
  const [timestamps, setTimestamps] = useState(false);
  // Following a finished node's log would hold a connection open for nothing.
  const [follow, setFollow] = useState(node.finishedAt === undefined);
  const [search, setSearch] = useState('');
  const [currentIndex, setCurrentIndex] = useState(-1);
  const options = { node: node.id, container, timestamps, follow };
  const log = useNodeLog(namespace, workflowName, options);
  // Typing stays quick on a long log: the search runs on the deferred text.
  const needle = useDeferredValue(search);
  const matches = useMemo(
    () => findLogMatches(log.lines, needle),
    // `version` says when the lines grew in place.
    [log.lines, log.version, needle],
  );
  const current = currentIndex >= 0 ? (matches[currentIndex] ?? null) : null;
  const download = nodeLogPath(namespace, workflowName, { ...options, follow: false, download: true });

  return (
    <section className="node-logs panel" aria-labelledby="node-logs-title">
      <div className="node-logs-head">
        <h3 id="node-logs-title">Logs of {node.displayName}</h3>
        <a className="button" href={download} download>
          Download
        </a>
      </div>
      <div className="log-toolbar">
        <label className="log-field">
          Container{' '}
          <select value={container} onChange={(e) => setContainer(e.target.value as LogContainer)}>
            {CONTAINERS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="log-field">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />{' '}
          Timestamps
        </label>
        <label className="log-field">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
        <label className="log-field log-search">
          Search{' '}
          <input
            type="search"
            value={search}
            placeholder="Find in log"
            onChange={(e) => {
              setSearch(e.target.value);
              setCurrentIndex(-1);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              setCurrentIndex((i) => stepMatch(i, matches.length, e.shiftKey));
            }}
          />
        </label>
        {needle !== '' && (
          <span className="muted small" role="status">
            {matches.length === 0
              ? 'No matches'
              : `${currentIndex >= 0 ? currentIndex + 1 : 0} of ${matches.length}`}
          </span>
        )}
        <span className="muted small log-state">
          {log.status.state === 'loading' && 'Loading…'}
          {log.status.state === 'streaming' && (follow ? 'Following…' : 'Reading…')}
          {log.status.state === 'done' && `${log.lines.length} ${log.lines.length === 1 ? 'line' : 'lines'}`}
        </span>
      </div>
      {log.status.state === 'failed' ? (
        <div className="panel panel-error" role="alert">
          <p>{log.status.error.body.message}</p>
          {log.status.error.body.hint !== undefined && <p className="hint">{log.status.error.body.hint}</p>}
        </div>
      ) : (
        <LogView
          label={`Log of ${node.displayName}, ${container} container`}
          lines={log.lines}
          version={log.version}
          needle={needle}
          current={current}
          stickToBottom={follow}
        />
      )}
    </section>
  );
}
