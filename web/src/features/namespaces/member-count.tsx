import type { NamespaceMember } from '@argovue/api-types';
import { countMembers } from '../../lib/namespace-members.ts';

export function MemberCount({ members }: { members: NamespaceMember[] | null }) {
  if (members === null) {
    return (
      <span className="member-count" title="You may not see who has access here">
        <span aria-hidden="true">— members</span>
        <span className="visually-hidden">You may not see who has access here</span>
      </span>
    );
  }
  const count = countMembers(members);
  return (
    <span className="member-count">
      {count} {count === 1 ? 'member' : 'members'}
    </span>
  );
}
