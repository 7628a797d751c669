import type { NodePod, WorkflowKubeEventList, WorkflowNodeDetail } from '@argovue/api-types';
import { useCallback, useEffect, useRef } from 'react';
import { type Loadable, useLoadable } from './loadable.ts';
import { fetchNodeDetail, fetchNodePod, fetchWorkflowKubeEvents } from './workflow-reads.ts';

/** Calls `refresh` whenever `version` changes after the first render (the first load is useLoadable's). */
function useRefreshOn(version: string, refresh: () => void): void {
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    refresh();
  }, [version, refresh]);
}

/**
 * A workflow's Kubernetes events; read again (keeping the old ones in view) when `version` — the
 * workflow's resourceVersion, which live updates change — changes, and on `refresh`.
 */
export function useWorkflowKubeEvents(
  namespace: string,
  name: string,
  version: string,
): { events: Loadable<WorkflowKubeEventList>; refresh: () => void } {
  const load = useCallback(
    (signal: AbortSignal) => fetchWorkflowKubeEvents(namespace, name, signal),
    [namespace, name],
  );
  const { data, refresh } = useLoadable(load);
  // The controller records events through a queue, after it wrote the status: the events of a change
  // (WorkflowSucceeded, say) can land just after it. Read once on the change and once a moment later.
  const later = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshNowAndLater = useCallback(() => {
    refresh();
    if (later.current !== null) clearTimeout(later.current);
    later.current = setTimeout(() => {
      later.current = null;
      refresh();
    }, 2000);
  }, [refresh]);
  useEffect(
    () => () => {
      if (later.current !== null) clearTimeout(later.current);
    },
    [],
  );
  useRefreshOn(version, refreshNowAndLater);
  return { events: data, refresh };
}

/** A node's inputs and outputs, read again when the workflow changes. */
export function useNodeDetail(
  namespace: string,
  name: string,
  nodeId: string,
  version: string,
): Loadable<WorkflowNodeDetail> {
  const load = useCallback(
    (signal: AbortSignal) => fetchNodeDetail(namespace, name, nodeId, signal),
    [namespace, name, nodeId],
  );
  const { data, refresh } = useLoadable(load);
  useRefreshOn(version, refresh);
  return data;
}

/** A node's pod, read again when the workflow changes (a pod's state follows its node's). */
export function useNodePod(
  namespace: string,
  name: string,
  nodeId: string,
  version: string,
): Loadable<NodePod> {
  const load = useCallback(
    (signal: AbortSignal) => fetchNodePod(namespace, name, nodeId, signal),
    [namespace, name, nodeId],
  );
  const { data, refresh } = useLoadable(load);
  useRefreshOn(version, refresh);
  return data;
}
