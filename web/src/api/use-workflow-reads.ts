import type { NodePod, WorkflowKubeEventList, WorkflowNodeDetail } from '@argovue/api-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { type Loadable, loadableOf } from './loadable.ts';
import { queryKeys } from './query-client.ts';
import { fetchNodeDetail, fetchNodePod, fetchWorkflowKubeEvents } from './workflow-reads.ts';

/**
 * A workflow's Kubernetes events; read again (keeping the old ones in view) when `version` — the
 * workflow's resourceVersion, which live updates change — changes, and on `refresh`. The node panel
 * and the Events tab share one cache entry, so one request serves both.
 */
export function useWorkflowKubeEvents(
  namespace: string,
  name: string,
  version: string,
): { events: Loadable<WorkflowKubeEventList>; refresh: () => void } {
  const queryClient = useQueryClient();
  const key = queryKeys.workflowKubeEvents(namespace, name);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchWorkflowKubeEvents(namespace, name, signal),
  });
  // The node panel and the Events tab both refresh on a change: the second joins the first's read.
  const refresh = useCallback(() => {
    queryClient
      .refetchQueries(
        { queryKey: queryKeys.workflowKubeEvents(namespace, name), exact: true },
        { cancelRefetch: false },
      )
      .catch(reportError);
  }, [queryClient, namespace, name]);
  // The controller records events through a queue, after it wrote the status: the events of a change
  // (WorkflowSucceeded, say) can land just after it. Read once on the change and once a moment later.
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    refresh();
    const later = setTimeout(refresh, 2000);
    return () => clearTimeout(later);
  }, [version, refresh]);
  return { events: loadableOf(query), refresh };
}

/**
 * A node's inputs and outputs at the workflow's `version`: a new version reads them again while the
 * previous ones stay in view.
 */
export function useNodeDetail(
  namespace: string,
  name: string,
  nodeId: string,
  version: string,
): Loadable<WorkflowNodeDetail> {
  return loadableOf(
    useQuery({
      queryKey: queryKeys.nodeDetail(namespace, name, nodeId, version),
      queryFn: ({ signal }) => fetchNodeDetail(namespace, name, nodeId, signal),
      // The previous version's answer stays in view while the new one loads, for the same node only.
      placeholderData: (previous, previousQuery) =>
        previousQuery?.queryKey[4] === nodeId ? previous : undefined,
    }),
  );
}

/** A node's pod at the workflow's `version` (a pod's state follows its node's), as useNodeDetail. */
export function useNodePod(
  namespace: string,
  name: string,
  nodeId: string,
  version: string,
): Loadable<NodePod> {
  return loadableOf(
    useQuery({
      queryKey: queryKeys.nodePod(namespace, name, nodeId, version),
      queryFn: ({ signal }) => fetchNodePod(namespace, name, nodeId, signal),
      // The previous version's answer stays in view while the new one loads, for the same node only.
      placeholderData: (previous, previousQuery) =>
        previousQuery?.queryKey[4] === nodeId ? previous : undefined,
    }),
  );
}
