import type { WorkflowDetail } from '@argovue/api-types';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchArchivedWorkflow } from './client.ts';
import { type Loadable, loadableOf } from './loadable.ts';
import { queryKeys } from './query-client.ts';

/** A run from the workflow archive: it changes no more, so it is read once. */
export function useArchivedWorkflow(
  namespace: string,
  uid: string,
): { workflow: Loadable<WorkflowDetail>; reload: () => void } {
  const query = useQuery({
    queryKey: queryKeys.archivedWorkflow(namespace, uid),
    queryFn: ({ signal }) => fetchArchivedWorkflow(namespace, uid, signal),
  });
  const { refetch } = query;
  const reload = useCallback(() => {
    refetch().catch(reportError);
  }, [refetch]);
  return { workflow: loadableOf(query), reload };
}
