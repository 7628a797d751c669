import type { NamespaceSummary } from '@argovue/api-types';

export interface ProjectGroup {
  /** The Rancher project id, or null for the namespaces in no project. */
  project: string | null;
  namespaces: NamespaceSummary[];
}

// `numeric` so that team-2 comes before team-10.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Namespaces grouped by project, projects and namespaces by name; those in no project come last. */
export function groupNamespacesByProject(items: readonly NamespaceSummary[]): ProjectGroup[] {
  const byProject = new Map<string | null, NamespaceSummary[]>();
  for (const item of items) {
    // An empty project annotation is no project.
    const project = item.project === undefined || item.project === '' ? null : item.project;
    const group = byProject.get(project);
    if (group) group.push(item);
    else byProject.set(project, [item]);
  }
  const groups = [...byProject].map(([project, namespaces]) => ({
    project,
    namespaces: namespaces.sort((a, b) => collator.compare(a.name, b.name)),
  }));
  return groups.sort((a, b) => {
    if (a.project === null) return 1;
    if (b.project === null) return -1;
    return collator.compare(a.project, b.project);
  });
}
