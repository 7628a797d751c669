import type { WorkflowDetail } from '@argovue/api-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchArchivedWorkflow, fetchWorkflow } from './client.ts';
import { type Loadable, loadableOf } from './loadable.ts';
import { queryKeys } from './query-client.ts';

/**
 * One workflow with its nodes; `reload` fetches it again after an error, `refresh` fetches it again
 * keeping the one in view meanwhile.
 */
export function useWorkflow(
  namespace: string,
  name: string,
): { workflow: Loadable<WorkflowDetail>; reload: () => void; refresh: () => void } {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.workflow(namespace, name),
    queryFn: ({ signal }) => fetchWorkflow(namespace, name, signal),
  });
  const { refetch } = query;
  const reload = useCallback(() => {
    refetch().catch(reportError);
  }, [refetch]);
  const refresh = useCallback(() => {
    // A read already under way may predate the change (an action's outcome): it is cancelled for a new one.
    queryClient
      .refetchQueries({ queryKey: queryKeys.workflow(namespace, name), exact: true })
      .catch(reportError);
  }, [queryClient, namespace, name]);
  return { workflow: loadableOf(query), reload, refresh };
}

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
