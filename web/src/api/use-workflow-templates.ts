import type { WorkflowTemplateSummary } from '@argovue/api-types';
import { useQuery } from '@tanstack/react-query';
import { type Loadable, loadableOf } from './loadable.ts';
import { queryKeys } from './query-client.ts';
import { fetchClusterWorkflowTemplates, fetchWorkflowTemplates } from './workflow-actions.ts';

/** The templates a user may submit in a namespace: its own, then the cluster's they may read. */
export function useWorkflowTemplates(namespace: string): {
  templates: Loadable<WorkflowTemplateSummary[]>;
  reload: () => void;
} {
  const query = useQuery({
    queryKey: queryKeys.workflowTemplates(namespace),
    queryFn: async ({ signal }) => {
      const [own, cluster] = await Promise.all([
        namespace === '' ? { items: [] } : fetchWorkflowTemplates(namespace, signal),
        fetchClusterWorkflowTemplates(signal),
      ]);
      return [...own.items, ...cluster.items];
    },
  });
  const { refetch } = query;
  return {
    templates: loadableOf(query),
    reload: () => {
      refetch().catch(reportError);
    },
  };
}
