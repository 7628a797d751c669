// The shared watch caches the namespace views read from, each holding only the fields shown.
import type { WorkflowRow } from '@argovue/api-types';
import type { KubeApi } from './kube-api.ts';
import { workflowRow } from '../workflows/list/rows.ts';
import { WatchCache, type ObjectMeta } from './watch-cache.ts';

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

export interface NamespaceCaches {
  namespaces: WatchCache<CachedNamespace>;
  quotas: WatchCache<CachedQuota>;
  roleBindings: WatchCache<CachedRoleBinding>;
  /** Every workflow as a list row (one watch serves the counts here and the workflow lists). */
  workflows: WatchCache<WorkflowRow>;
}

export function startNamespaceCaches(api: KubeApi, log: (message: string) => void): NamespaceCaches {
  return {
    namespaces: new WatchCache<CachedNamespace>(api, {
      path: '/api/v1/namespaces',
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
      path: '/api/v1/resourcequotas',
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
      path: '/apis/rbac.authorization.k8s.io/v1/rolebindings',
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
      path: '/apis/argoproj.io/v1alpha1/workflows',
      log,
      project: workflowRow,
      // 20,000 whole workflows take the apiserver seconds to list; ArgoVue is ready with the first
      // page and lists say `loading` until the rest is in (their rows arrive on the live stream).
      readyAfterFirstPage: true,
    }).start(),
  };
}

function allOf(caches: NamespaceCaches): Pick<WatchCache<unknown>, 'ready' | 'stop' | 'size'>[] {
  return [caches.namespaces, caches.quotas, caches.roleBindings, caches.workflows];
}

export async function namespaceCachesReady(caches: NamespaceCaches): Promise<void> {
  await Promise.all(allOf(caches).map((cache) => cache.ready()));
}

/** How many objects the caches hold (during the first list: how far it got). */
export function namespaceCachesSize(caches: NamespaceCaches): number {
  return allOf(caches).reduce((sum, cache) => sum + cache.size, 0);
}

export function stopNamespaceCaches(caches: NamespaceCaches): void {
  for (const cache of allOf(caches)) cache.stop();
}
