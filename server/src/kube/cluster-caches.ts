// The shared watch caches of cluster state, made as ArgoVue itself and read by every user's views
// (namespaces, quotas, role bindings, workflows), each holding only the fields shown. The workflow
// row is the workflows feature's projection, handed in, so kube/ imports no feature.
import type { WorkflowRow } from '@argovue/api-types';
import type { KubeApi } from './kube-api.ts';
import type { FieldPick } from './list-stream.ts';
import { WatchCache, type ObjectMeta, type WatchCacheOptions } from './watch-cache.ts';
import { apiPath, kinds } from './api-paths.ts';

export interface CachedNamespace {
  name: string;
  description: string | undefined;
  project: string | undefined;
}

export interface CachedQuota {
  namespace: string;
  hard: Record<string, string>;
  used: Record<string, string>;
}

export interface CachedRoleBinding {
  namespace: string;
  role: string;
  subjects: { kind: string; name: string }[];
}

interface Meta extends ObjectMeta {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface ClusterCaches {
  namespaces: WatchCache<CachedNamespace>;
  quotas: WatchCache<CachedQuota>;
  roleBindings: WatchCache<CachedRoleBinding>;
  /** Every workflow as a list row (one watch serves the counts here and the workflow lists). */
  workflows: WatchCache<WorkflowRow>;
}

export function startClusterCaches(
  api: KubeApi,
  log: (message: string) => void,
  projections: {
    workflowRow: WatchCacheOptions<WorkflowRow>['project'];
    /** The fields workflowRow reads: the only ones parsed of a listed workflow. */
    workflowRowFields: FieldPick;
  },
): ClusterCaches {
  return {
    namespaces: new WatchCache<CachedNamespace>(api, {
      path: apiPath(kinds.namespaces),
      log,
      metadataOnly: true,
      project: ({ metadata }: { metadata?: Meta }) => ({
        name: metadata?.name ?? '',
        description: metadata?.annotations?.['argovue.dev/description'],
        project:
          metadata?.annotations?.['field.cattle.io/projectId'] ??
          metadata?.labels?.['field.cattle.io/projectId'],
      }),
    }).start(),
    quotas: new WatchCache<CachedQuota>(api, {
      path: apiPath(kinds.resourceQuotas),
      log,
      project: (object: {
        metadata?: Meta;
        status?: { hard?: Record<string, string>; used?: Record<string, string> };
      }) => ({
        namespace: object.metadata?.namespace ?? '',
        hard: object.status?.hard ?? {},
        used: object.status?.used ?? {},
      }),
    }).start(),
    roleBindings: new WatchCache<CachedRoleBinding>(api, {
      path: apiPath(kinds.roleBindings),
      log,
      project: (object: {
        metadata?: Meta;
        roleRef?: { name?: string };
        subjects?: { kind?: string; name?: string }[];
      }) => ({
        namespace: object.metadata?.namespace ?? '',
        role: object.roleRef?.name ?? '',
        subjects: (object.subjects ?? []).map((s) => ({ kind: s.kind ?? '', name: s.name ?? '' })),
      }),
    }).start(),
    workflows: new WatchCache<WorkflowRow>(api, {
      path: apiPath(kinds.workflows),
      log,
      project: projections.workflowRow,
      fields: projections.workflowRowFields,
      // 20,000 whole workflows take the apiserver seconds to list; ArgoVue is ready with the first
      // page and lists say `loading` until the rest is in (their rows arrive on the live stream).
      readyAfterFirstPage: true,
    }).start(),
  };
}

function allOf(caches: ClusterCaches): Pick<WatchCache<unknown>, 'ready' | 'stop' | 'size'>[] {
  return [caches.namespaces, caches.quotas, caches.roleBindings, caches.workflows];
}

export async function clusterCachesReady(caches: ClusterCaches): Promise<void> {
  await Promise.all(allOf(caches).map((cache) => cache.ready()));
}

/** How many objects the caches hold (during the first list: how far it got). */
export function clusterCachesSize(caches: ClusterCaches): number {
  return allOf(caches).reduce((sum, cache) => sum + cache.size, 0);
}

export function stopClusterCaches(caches: ClusterCaches): void {
  for (const cache of allOf(caches)) cache.stop();
}
