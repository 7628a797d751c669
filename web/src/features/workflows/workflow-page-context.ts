import { createContext, useContext } from 'react';

/**
 * Which workflow a page shows, for parts drawn deep inside it (the node panel in the graph) that read
 * more about it. `version` is the workflow's resourceVersion: it changes with every live update, and
 * those parts read again when it does.
 */
export interface WorkflowPage {
  namespace: string;
  name: string;
  version: string;
}

export const WorkflowPageContext = createContext<WorkflowPage | null>(null);

export function useWorkflowPage(): WorkflowPage | null {
  return useContext(WorkflowPageContext);
}
