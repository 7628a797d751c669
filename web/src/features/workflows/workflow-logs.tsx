import { useState } from 'react';
import { WORKFLOW_LOG_TAIL_LINES, workflowLogsPath } from '../../api/client.ts';
import { useLogStream } from '../../api/use-log-stream.ts';
import { ContainerSelect, LogBody, LogToolbar, useLogChoices } from '../../components/log-controls.tsx';
import { useExtendedMemo } from '../../components/use-extended-memo.ts';
import { useLogSearch } from '../../components/use-log-search.ts';
import {
  type FilteredRows,
  filterRowsBySource,
  type LogBuffer,
  SOURCE_COLOURS,
} from '../../lib/log-buffer.ts';
import { NodeFilter } from './node-filter.tsx';
import './logs.css';

interface WorkflowLogsProps {
  namespace: string;
  workflowName: string;
  /** The workflow is still running: follow its pods' logs. */
  running: boolean;
}

/**
 * Every pod's log of a workflow in one view, interleaved by time, each line labelled by its node in the
 * node's colour; filtered to chosen nodes, searched, downloaded.
 */
export function WorkflowLogs({ namespace, workflowName, running }: WorkflowLogsProps) {
  const choices = useLogChoices(running);
  const { container, follow } = choices;
  /** Node names shown; null for all. */
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const log = useLogStream(workflowLogsPath(namespace, workflowName, { container, follow }), 'interleaved');
  const rows = useFilteredRows(log.buffer, log.version, chosen);
  const search = useLogSearch(log.buffer, rows, log.version);
  const download = workflowLogsPath(namespace, workflowName, { container, follow: false });

  return (
    <section className="workflow-logs" aria-labelledby="workflow-logs-title">
      <div className="node-logs-head">
        <h3 id="workflow-logs-title">
          All logs, by time{' '}
          <span className="muted small">
            (the last {WORKFLOW_LOG_TAIL_LINES.toLocaleString('en-US')} lines of each pod)
          </span>
        </h3>
        <a className="button" href={download} download={`${workflowName}-${container}.log`}>
          Download
        </a>
      </div>
      <LogToolbar toggles={choices} search={search} log={log} shown={rows?.length ?? log.buffer.length}>
        <ContainerSelect value={container} onChange={choices.setContainer} />
      </LogToolbar>
      <NodeFilter
        sources={log.buffer.sources}
        colours={SOURCE_COLOURS}
        chosen={chosen}
        onChange={setChosen}
      />
      <LogBody
        log={log}
        search={search}
        toggles={choices}
        label={`Logs of ${workflowName}, ${container} containers`}
        rows={rows}
        showSource
      />
      {log.status.state === 'done' && log.buffer.length === 0 && (
        <p className="muted">No pod of this workflow has written to its {container} container.</p>
      )}
    </section>
  );
}

/** The buffer's lines of the chosen nodes, extended as lines arrive; null when every node is shown. */
function useFilteredRows(
  buffer: LogBuffer,
  version: number,
  chosen: ReadonlySet<string> | null,
): readonly number[] | null {
  const filtered = useExtendedMemo<FilteredRows | null>(
    (previous) => {
      if (chosen === null) return null;
      const indices = new Set(buffer.sources.flatMap((source, i) => (chosen.has(source) ? [i] : [])));
      return filterRowsBySource(buffer.sourceOf, indices, previous ?? undefined);
    },
    [buffer, chosen],
    [version],
  );
  return filtered === null ? null : filtered.rows;
}
