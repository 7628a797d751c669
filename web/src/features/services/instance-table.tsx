import type { ServiceInstanceRow } from '@argovue/api-types';
import { Link } from 'react-router';
import { instancePagePath, startPagePath } from '../../lib/service-paths.ts';
import { InstanceActions } from './instance-actions.tsx';
import { InstanceStatus, OpenInstanceLink } from './instance-status.tsx';
import './services.css';

/** Instances as a table: name, template, namespace, status in words, the link to open, actions. */
export function InstanceTable({
  rows,
  label,
  showCreator,
}: {
  rows: readonly ServiceInstanceRow[];
  label: string;
  showCreator: boolean;
}) {
  return (
    <table className="table instance-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Instance</th>
          <th scope="col">Template</th>
          <th scope="col">Namespace</th>
          {showCreator && <th scope="col">Started by</th>}
          <th scope="col">Status</th>
          <th scope="col">Open</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.namespace}/${row.name}`} data-instance={row.name}>
            <td>
              <Link className="mono" to={instancePagePath(row.namespace, row.name)}>
                {row.name}
              </Link>
            </td>
            <td>
              <Link to={startPagePath(row.namespace, row.template.name, row.template.cluster)}>
                {row.title ?? row.template.name}
              </Link>
            </td>
            <td className="mono small">{row.namespace}</td>
            {showCreator && <td className="small">{row.creator ?? '—'}</td>}
            <td>
              <InstanceStatus row={row} />
            </td>
            <td>
              <OpenInstanceLink row={row} />
            </td>
            <td>
              <InstanceActions row={row} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
