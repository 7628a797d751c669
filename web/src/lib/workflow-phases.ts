import type { NamespaceSummary, WorkflowPhase } from '@argovue/api-types';

/** The order phases are shown in: what is going on now, then how things ended. */
export const WORKFLOW_PHASES: readonly WorkflowPhase[] = [
  'Running',
  'Pending',
  'Succeeded',
  'Failed',
  'Error',
];

export interface PhaseCount {
  phase: WorkflowPhase;
  count: number;
}

/** The phases that have workflows, in display order; null when the user may not list workflows. */
export function phaseCounts(workflows: NamespaceSummary['workflows']): PhaseCount[] | null {
  if (workflows === null) return null;
  const counts: PhaseCount[] = [];
  for (const phase of WORKFLOW_PHASES) {
    const count = workflows[phase] ?? 0;
    if (count > 0) counts.push({ phase, count });
  }
  return counts;
}
