import type { WorkflowTemplateSummary } from '@argovue/api-types';
import { useCallback } from 'react';
import { type Loadable, useLoadable } from './loadable.ts';
import { fetchClusterWorkflowTemplates, fetchWorkflowTemplates } from './workflow-actions.ts';

/** The templates a user may submit in a namespace: its own, then the cluster's they may read. */
export function useWorkflowTemplates(namespace: string): {
  templates: Loadable<WorkflowTemplateSummary[]>;
  reload: () => void;
} {
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [own, cluster] = await Promise.all([
        namespace === '' ? { items: [] } : fetchWorkflowTemplates(namespace, signal),
        fetchClusterWorkflowTemplates(signal),
      ]);
      return [...own.items, ...cluster.items];
    },
    [namespace],
  );
  const { data, reload } = useLoadable(load);
  return { templates: data, reload };
}
