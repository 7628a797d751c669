import type { WorkflowNode } from '@argovue/api-types';
import { nodeLogPath } from '../../api/client.ts';
import { useLogStream } from '../../api/use-log-stream.ts';
import { LogError, LogToolbar, useLogChoices } from '../../components/log-controls.tsx';
import { LogView } from '../../components/log-view.tsx';
import { useLogSearch } from '../../components/use-log-search.ts';
import './logs.css';

interface NodeLogsProps {
  namespace: string;
  workflowName: string;
  node: WorkflowNode;
}

/** One Pod node's log: container, timestamps, follow and wrap choices, search, and the download. */
export function NodeLogs({ namespace, workflowName, node }: NodeLogsProps) {
  // Following a finished node's log would hold a connection open for nothing.
  const choices = useLogChoices(node.finishedAt === undefined);
  const { container, timestamps, follow, wrap } = choices;
  const options = { node: node.id, container, timestamps, follow };
  const log = useLogStream(
    nodeLogPath(namespace, workflowName, options),
    timestamps ? 'timestamped' : 'plain',
  );
  const search = useLogSearch(log.buffer, null, log.version);
  const download = nodeLogPath(namespace, workflowName, { ...options, follow: false, download: true });
  const failed = log.status.state === 'failed';

  return (
    <section className="node-logs panel" aria-labelledby="node-logs-title">
      <div className="node-logs-head">
        <h3 id="node-logs-title">Logs of {node.displayName}</h3>
        <a className="button" href={download} download>
          Download
        </a>
      </div>
      <LogToolbar
        choices={choices}
        search={search}
        status={log.status}
        total={log.buffer.length}
        shown={log.buffer.length}
      />
      <LogError status={log.status} />
      {!(failed && log.buffer.length === 0) && (
        <LogView
          label={`Log of ${node.displayName}, ${container} container`}
          buffer={log.buffer}
          rows={null}
          version={log.version}
          needle={search.needle}
          current={search.current}
          follow={follow}
          live={follow && log.status.state === 'streaming'}
          wrap={wrap}
          showTime={timestamps}
          showSource={false}
          onTopRow={search.setTopRow}
        />
      )}
    </section>
  );
}
