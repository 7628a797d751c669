import type { WorkflowDetail } from '@argovue/api-types';
import { useCallback } from 'react';
import { fetchWorkflow } from './client.ts';
import { type Loadable, useLoadable } from './loadable.ts';

/** One workflow with its nodes; `reload` fetches it again, `refresh` too but keeps the old one in view meanwhile. */
export function useWorkflow(
  namespace: string,
  name: string,
): { workflow: Loadable<WorkflowDetail>; reload: () => void; refresh: () => void } {
  const load = useCallback(
    (signal: AbortSignal) => fetchWorkflow(namespace, name, signal),
    [namespace, name],
  );
  const { data, reload, refresh } = useLoadable(load);
  return { workflow: data, reload, refresh };
}
