import type { WorkflowRow } from '@argovue/api-types';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { RelativeTime } from '../../components/relative-time.tsx';
import { VirtualTable } from '../../components/virtual-table.tsx';
import { WorkflowPhaseBadge } from '../../components/workflow-phase-badge.tsx';
import { useNow } from '../../components/use-now.ts';
import { formatElapsed } from '../../lib/duration-format.ts';
import { parseApiTime } from '../../lib/relative-time.ts';
import { type SortColumn, type WorkflowSort, sortColumn } from '../../lib/workflow-query.ts';
import './workflow-list.css';

/** Must match `.virtual-table tbody tr` in components/virtual-table.css. */
const ROW_HEIGHT = 40;
const COLUMNS = 8;

interface WorkflowTableProps {
  rows: WorkflowRow[];
  sort: WorkflowSort;
  onSort: (column: SortColumn) => void;
  onNearEnd: () => void;
}

export function workflowPath(row: Pick<WorkflowRow, 'namespace' | 'name' | 'archivedUid'>): string {
  if (row.archivedUid !== undefined)
    return `/archived-workflows/${encodeURIComponent(row.namespace)}/${encodeURIComponent(row.archivedUid)}`;
  return `/workflows/${encodeURIComponent(row.namespace)}/${encodeURIComponent(row.name)}`;
}

function SortHeader({
  column,
  label,
  sort,
  onSort,
  className,
}: {
  column: SortColumn;
  label: string;
  sort: WorkflowSort;
  onSort: (column: SortColumn) => void;
  className?: string;
}) {
  const current = sortColumn(sort);
  const active = current.column === column;
  const direction = current.descending ? 'descending' : 'ascending';
  return (
    <th scope="col" className={className} aria-sort={active ? direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (current.descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </th>
  );
}

/** The workflow rows, only those in view rendered; running durations count up every second. */
export function WorkflowTable({ rows, sort, onSort, onNearEnd }: WorkflowTableProps) {
  const now = useNow(1000);
  const renderRow = useCallback(
    (index: number) => {
      const row = rows[index];
      if (row === undefined) return null;
      const started = parseApiTime(row.startedAt ?? row.createdAt);
      return (
        <tr key={`${row.namespace}/${row.name}/${row.archivedUid ?? ''}`} aria-rowindex={index + 2}>
          <td>
            <WorkflowPhaseBadge phase={row.phase} />
          </td>
          <td className="cell-name">
            <span className="cell-name-line">
              <Link to={workflowPath(row)} title={row.name}>
                {row.name}
              </Link>
              {row.archivedUid !== undefined && (
                <span
                  className="badge badge-muted badge-archived"
                  title="From the workflow archive: no longer in the cluster"
                >
                  archived
                </span>
              )}
            </span>
          </td>
          <td>{row.namespace}</td>
          <td>{row.template?.name ?? <span className="muted">—</span>}</td>
          <td>{row.submitter ?? <span className="muted">—</span>}</td>
          <td>{started === null ? '—' : <RelativeTime time={started} now={now} />}</td>
          <td className="numeric">{formatElapsed(row.startedAt, row.finishedAt, now)}</td>
          <td className="numeric">
            {row.progress === undefined ? '—' : `${row.progress.done}/${row.progress.total}`}
          </td>
        </tr>
      );
    },
    [rows, now],
  );
  return (
    <VirtualTable
      label="Workflows"
      className="workflow-table"
      columnCount={COLUMNS}
      rowCount={rows.length}
      rowHeight={ROW_HEIGHT}
      renderRow={renderRow}
      onNearEnd={onNearEnd}
      head={
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="col-phase">
              Phase
            </th>
            <SortHeader column="name" label="Name" sort={sort} onSort={onSort} />
            <th scope="col">Namespace</th>
            <th scope="col">Template</th>
            <th scope="col">Submitter</th>
            <SortHeader column="createdAt" label="Started" sort={sort} onSort={onSort} />
            <SortHeader column="duration" label="Duration" sort={sort} onSort={onSort} className="numeric" />
            <th scope="col" className="numeric">
              Progress
            </th>
          </tr>
        </thead>
      }
    />
  );
}
