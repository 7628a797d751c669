import type { NamespaceMember } from '@argovue/api-types';
import { sortMembers } from '../../lib/namespace-members.ts';

const kindLabel: Record<NamespaceMember['kind'], string> = {
  Group: 'Group',
  User: 'User',
  ServiceAccount: 'Service account',
};

export function MembersTable({ members }: { members: NamespaceMember[] | null }) {
  if (members === null) return <p className="muted">You may not see who has access here.</p>;
  if (members.length === 0) return <p className="muted">No RoleBinding here names anyone.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
        </tr>
      </thead>
      <tbody>
        {sortMembers(members).map((m) => (
          <tr key={`${m.kind}/${m.name}/${m.role}`}>
            <td>{kindLabel[m.kind]}</td>
            <td className="mono">{m.name}</td>
            <td className="mono">{m.role}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
