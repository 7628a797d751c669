// The namespaces a user may use, as the home view shows them. "May use" is Kubernetes' answer to
// "may this user list workflows there?"; everything else shown is checked the same way first.
import type { NamespaceMember, NamespaceSummary, QuotaResource, WorkflowPhase } from '@argovue/api-types';
import type { KubeIdentity } from '../auth/identity.ts';
import type { AccessReviewer, ResourceAttributes } from '../kube/access.ts';
import { parseQuantity } from '@argovue/api-types/quantity';
import { mapConcurrent } from '../lib/map-concurrent.ts';
import type {
  CachedNamespace,
  CachedQuota,
  CachedRoleBinding,
  ClusterCaches,
} from '../kube/cluster-caches.ts';

const reviewConcurrency = 16;

export class NamespaceDirectory {
  readonly #caches: ClusterCaches;
  readonly #access: AccessReviewer;

  constructor(caches: ClusterCaches, access: AccessReviewer) {
    this.#caches = caches;
    this.#access = access;
  }

  /** May the user use this namespace? The same answer whether it exists or not is the caller's job. */
  async mayUse(identity: KubeIdentity, namespace: string): Promise<boolean> {
    return this.#access.can(identity, {
      verb: 'list',
      group: 'argoproj.io',
      resource: 'workflows',
      namespace,
    });
  }

  /** May the user do this in the namespace (watch workflows, read pod logs)? Asked as they are. */
  async may(
    identity: KubeIdentity,
    namespace: string,
    attributes: Omit<ResourceAttributes, 'namespace'>,
  ): Promise<boolean> {
    return this.#access.can(identity, { ...attributes, namespace });
  }

  /** The namespaces the user may use, sorted by name. */
  async usableNamespaces(identity: KubeIdentity): Promise<CachedNamespace[]> {
    const all = [...this.#caches.namespaces.values()].sort((a, b) => a.name.localeCompare(b.name));
    const usable = await mapConcurrent(all, reviewConcurrency, async (ns) =>
      (await this.mayUse(identity, ns.name)) ? ns : undefined,
    );
    return usable.filter((ns) => ns !== undefined);
  }

  /**
   * The namespace's quota as the user may see it (empty when they may not list resourcequotas), or
   * as it is (`forCheck`: what a create is measured against, whoever asks).
   */
  async quotaFor(identity: KubeIdentity, namespace: string, forCheck = false): Promise<QuotaResource[]> {
    const visible =
      forCheck ||
      (await this.#access.can(identity, { verb: 'list', group: '', resource: 'resourcequotas', namespace }));
    return visible ? quotaOf([...this.#caches.quotas.inNamespace(namespace)]) : [];
  }

  async listForUser(identity: KubeIdentity): Promise<NamespaceSummary[]> {
    const usable = await this.usableNamespaces(identity);
    return mapConcurrent(usable, reviewConcurrency, (ns) => this.#summarize(identity, ns));
  }

  /** The namespace's summary, or undefined when it does not exist or the user may not use it. */
  async getForUser(identity: KubeIdentity, name: string): Promise<NamespaceSummary | undefined> {
    if (!(await this.mayUse(identity, name))) return undefined;
    const ns = this.#caches.namespaces.get(undefined, name);
    return ns === undefined ? undefined : this.#summarize(identity, ns);
  }

  async #summarize(identity: KubeIdentity, ns: CachedNamespace): Promise<NamespaceSummary> {
    const [mayReadQuota, mayReadMembers] = await Promise.all([
      this.#access.can(identity, { verb: 'list', group: '', resource: 'resourcequotas', namespace: ns.name }),
      this.#access.can(identity, {
        verb: 'list',
        group: 'rbac.authorization.k8s.io',
        resource: 'rolebindings',
        namespace: ns.name,
      }),
    ]);
    return {
      name: ns.name,
      ...(ns.description === undefined ? {} : { description: ns.description }),
      ...(ns.project === undefined ? {} : { project: ns.project }),
      quota: mayReadQuota ? quotaOf([...this.#caches.quotas.inNamespace(ns.name)]) : [],
      workflows: this.#workflowCounts(ns.name),
      members: mayReadMembers ? membersOf([...this.#caches.roleBindings.inNamespace(ns.name)]) : null,
    };
  }

  #workflowCounts(namespace: string): Partial<Record<WorkflowPhase, number>> {
    const counts: Partial<Record<WorkflowPhase, number>> = {};
    for (const { phase } of this.#caches.workflows.inNamespace(namespace))
      counts[phase] = (counts[phase] ?? 0) + 1;
    return counts;
  }
}

/** Quota resources of a namespace; where several quotas limit one resource, the tightest one counts. */
export function quotaOf(quotas: readonly CachedQuota[]): QuotaResource[] {
  const byResource = new Map<string, QuotaResource>();
  for (const quota of quotas) {
    for (const [resource, hard] of Object.entries(quota.hard)) {
      const used = quota.used[resource] ?? '0';
      const entry = {
        resource,
        hard,
        used,
        hardValue: parseQuantity(hard) ?? 0,
        usedValue: parseQuantity(used) ?? 0,
      };
      const existing = byResource.get(resource);
      if (
        existing === undefined ||
        entry.hardValue - entry.usedValue < existing.hardValue - existing.usedValue
      ) {
        byResource.set(resource, entry);
      }
    }
  }
  return [...byResource.values()].sort((a, b) => a.resource.localeCompare(b.resource));
}

export function membersOf(bindings: readonly CachedRoleBinding[]): NamespaceMember[] {
  const members: NamespaceMember[] = [];
  const seen = new Set<string>();
  for (const binding of bindings) {
    for (const subject of binding.subjects) {
      if (subject.kind !== 'User' && subject.kind !== 'Group' && subject.kind !== 'ServiceAccount') continue;
      const key = `${subject.kind}|${subject.name}|${binding.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      members.push({ kind: subject.kind, name: subject.name, role: binding.role });
    }
  }
  return members.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}
