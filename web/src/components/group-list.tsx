import './group-list.css';
/** Group names as a list, or a note when there are none. */
export function GroupList({ groups, label }: { groups: readonly string[]; label: string }) {
  if (groups.length === 0) return <p className="muted">None</p>;
  return (
    <ul className="group-list" aria-label={label}>
      {groups.map((group) => (
        <li key={group} className="mono">
          {group}
        </li>
      ))}
    </ul>
  );
}
