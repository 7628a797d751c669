import type { WorkflowNode } from '@argovue/api-types';
import { nodeLogPath } from '../../api/client.ts';
import { useLogStream } from '../../api/use-log-stream.ts';
import { ContainerSelect, LogBody, LogToolbar, useLogChoices } from '../../components/log-controls.tsx';
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
  const { container, timestamps, follow } = choices;
  const options = { node: node.id, container, timestamps, follow };
  const log = useLogStream(
    nodeLogPath(namespace, workflowName, options),
    timestamps ? 'timestamped' : 'plain',
  );
  const search = useLogSearch(log.buffer, null, log.version);
  const download = nodeLogPath(namespace, workflowName, { ...options, follow: false, download: true });

  return (
    <section className="node-logs panel" aria-labelledby="node-logs-title">
      <div className="node-logs-head">
        <h3 id="node-logs-title">Logs of {node.displayName}</h3>
        <a className="button" href={download} download>
          Download
        </a>
      </div>
      <LogToolbar toggles={choices} search={search} log={log}>
        <ContainerSelect value={container} onChange={choices.setContainer} />
      </LogToolbar>
      <LogBody
        log={log}
        search={search}
        toggles={choices}
        label={`Log of ${node.displayName}, ${container} container`}
      />
    </section>
  );
}
