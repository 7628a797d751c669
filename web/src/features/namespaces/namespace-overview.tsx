import type { ProjectGroup } from '../../lib/namespace-groups.ts';
import { NamespaceCard } from './namespace-card.tsx';
import './namespaces.css';

/** Namespace cards under a heading per project; no headings when no namespace is in a project. */
export function NamespaceOverview({ groups }: { groups: ProjectGroup[] }) {
  const onlyUnprojected = groups.length === 1 && groups[0]?.project === null;
  if (onlyUnprojected) {
    return (
      <div className="card-grid">
        {groups[0]?.namespaces.map((ns) => (
          <NamespaceCard key={ns.name} namespace={ns} headingLevel={2} />
        ))}
      </div>
    );
  }
  return (
    <>
      {groups.map((group) => (
        <section key={group.project ?? ''} className="project-group" aria-label={projectTitle(group.project)}>
          <h2 className="project-heading">
            {group.project === null ? (
              'Not in a project'
            ) : (
              <>
                Project <span className="mono">{group.project}</span>
              </>
            )}
          </h2>
          <div className="card-grid">
            {group.namespaces.map((ns) => (
              <NamespaceCard key={ns.name} namespace={ns} headingLevel={3} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}

function projectTitle(project: string | null): string {
  return project === null ? 'Not in a project' : `Project ${project}`;
}
