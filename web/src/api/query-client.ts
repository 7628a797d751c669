// The browser's one data layer: TanStack Query holds every resource the server sends, one cache entry
// per resource, so components asking for the same resource share one request and one answer; the
// Server-Sent Events patch these entries (workflow-cache.ts) instead of anything polling.
import { QueryClient } from '@tanstack/react-query';

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Our errors are answers (404, 403, INPUT_INVALID), not blips: shown at once, with a Try again
        // button, as before. A network failure says so too; the user decides when to retry.
        retry: false,
        // Live data comes from the event stream; a tab coming back into view does not fetch again.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // Every call goes to this page's own origin. With the default ('online') a query stops fetching
        // while the browser says it is offline (navigator.onLine is false on a machine with no network
        // but loopback, as in the tests' network namespaces): a refresh then waits for ever, silently.
        networkMode: 'always',
      },
      mutations: { networkMode: 'always' },
    },
  });
}

/** The cache keys, one per resource; a workflow's sub-resources sit under its key. */
export const queryKeys = {
  session: ['session'] as const,
  serverInfo: ['server-info'] as const,
  namespaces: ['namespaces'] as const,
  workflowTemplates: (namespace: string) => ['workflow-templates', namespace] as const,
  workflowList: (path: string) => ['workflow-list', path] as const,
  workflow: (namespace: string, name: string) => ['workflow', namespace, name] as const,
  archivedWorkflow: (namespace: string, uid: string) => ['archived-workflow', namespace, uid] as const,
  workflowKubeEvents: (namespace: string, name: string) =>
    ['workflow', namespace, name, 'kube-events'] as const,
  nodeDetail: (namespace: string, name: string, nodeId: string, version: string) =>
    ['workflow', namespace, name, 'node', nodeId, version] as const,
  serviceTemplates: (namespace: string) => ['service-templates', namespace] as const,
  serviceTemplate: (namespace: string, name: string, cluster: boolean) =>
    ['service-templates', namespace, name, cluster] as const,
  serviceInstances: ['service-instances'] as const,
  serviceInstance: (namespace: string, name: string) => ['service-instances', namespace, name] as const,
  nodePod: (namespace: string, name: string, nodeId: string, version: string) =>
    ['workflow', namespace, name, 'pod', nodeId, version] as const,
};
