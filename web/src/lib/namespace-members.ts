import type { NamespaceMember } from '@argovue/api-types';

const kindOrder: Record<NamespaceMember['kind'], number> = { Group: 0, User: 1, ServiceAccount: 2 };
const collator = new Intl.Collator('en', { numeric: true });

/** How many distinct subjects have access; one holding two roles counts once. */
export function countMembers(members: readonly NamespaceMember[]): number {
  return new Set(members.map((m) => `${m.kind}\u0000${m.name}`)).size;
}

/** Groups first (access comes from groups), then users, then service accounts; each by name, then role. */
export function sortMembers(members: readonly NamespaceMember[]): NamespaceMember[] {
  return [...members].sort(
    (a, b) =>
      kindOrder[a.kind] - kindOrder[b.kind] ||
      collator.compare(a.name, b.name) ||
      collator.compare(a.role, b.role),
  );
}
