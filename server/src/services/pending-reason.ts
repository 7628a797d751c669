// Why an instance's pods do not run, as people say it: "waiting for a GPU: 0 of 8 free in team-a's
// quota", "no node has a free GPU". Read from what Kubernetes already wrote: the Deployment's
// ReplicaFailure condition (the quota admission's refusal of a pod, copied there from the ReplicaSet)
// and the pod's PodScheduled=False Unschedulable message (the scheduler's), with the numbers from the
// namespace's ResourceQuota as the server caches it, which is newer than the refusal's own figures.
import type { QuotaResource } from '@argovue/api-types';
import { formatQuantity, isByteResource, parseQuantity } from '@argovue/api-types/quantity';

/** What the controller knows of the instance's Deployment and pods. */
export interface PendingFacts {
  namespace: string;
  /** The Deployment's ReplicaFailure message (True), in the apiserver's words. */
  replicaFailure: string | undefined;
  /** The scheduler's message on a pod it could not place, and what that pod asks for (base units). */
  unschedulable: { message: string; asks: Readonly<Record<string, number>> } | undefined;
  /** The namespace's quota (the tightest per resource), when the cache holds one. */
  quota: readonly QuotaResource[];
}

/** The resource a quota or scheduler name means, without requests./limits. */
function bare(resource: string): string {
  return resource.replace(/^(requests|limits)\./, '');
}

/** "a GPU", "2 GPUs", "3 CPU", "8Gi of memory", "a pod": an amount of a resource as said. */
function amountWords(resource: string, value: number): string {
  const name = bare(resource);
  const amount = formatQuantity(value, isByteResource(name));
  const limit = resource.startsWith('limits.') ? ' (limit)' : '';
  if (name === 'nvidia.com/gpu' || name.endsWith('/gpu'))
    return `${value === 1 ? 'a GPU' : `${amount} GPUs`}${limit}`;
  if (name === 'pods') return value === 1 ? 'a pod' : `${amount} pods`;
  if (name === 'cpu') return `${amount} CPU${limit}`;
  if (name === 'memory' || name === 'ephemeral-storage') return `${amount} of ${name}${limit}`;
  return `${amount} ${name}${limit}`;
}

/** "GPU", "CPU", "memory": the resource's noun. */
function noun(resource: string): string {
  const name = bare(resource);
  if (name.endsWith('/gpu')) return 'GPU';
  if (name === 'cpu') return 'CPU';
  return name;
}

// GPUs first: they are what people wait for; then CPU, memory, the rest as the apiserver listed them.
function rank(resource: string): number {
  const name = bare(resource);
  return name.endsWith('/gpu') ? 0 : name === 'cpu' ? 1 : name === 'memory' ? 2 : 3;
}

function list(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** `limits.memory=8Gi,requests.cpu=3` → [['limits.memory', 8Gi in bytes], …]. */
function quantities(text: string): [string, number][] {
  return text.split(',').flatMap((pair): [string, number][] => {
    const at = pair.lastIndexOf('=');
    const value = at < 0 ? undefined : parseQuantity(pair.slice(at + 1));
    return value === undefined ? [] : [[pair.slice(0, at).trim(), value]];
  });
}

// e.g. pods "x-994c4b8d4-wrcsr" is forbidden: exceeded quota: compute, requested:
// limits.memory=8Gi,requests.cpu=3, used: limits.memory=0,requests.cpu=0, limited: limits.memory=4Gi,requests.cpu=2
// (the apiserver's quota admission names only the resources that would go past the quota).
const exceededQuota = /exceeded quota: [^,]+, requested: (.*), used: (.*), limited: (.*)$/;

/** A quota refusal in words, or undefined when the message is not one. */
export function quotaWords(
  message: string,
  namespace: string,
  quota: readonly QuotaResource[],
): string | undefined {
  const match = exceededQuota.exec(message);
  if (match === null) return undefined;
  const used = new Map(quantities(match[2] ?? ''));
  const limited = new Map(quantities(match[3] ?? ''));
  const asked = quantities(match[1] ?? '').sort((a, b) => rank(a[0]) - rank(b[0]));
  if (asked.length === 0) return undefined;
  const free = asked.map(([resource]) => {
    // The cached quota is newer than the refusal's figures; the refusal's are the fallback.
    const cached = quota.find((q) => q.resource === resource);
    const hard = cached?.hardValue ?? limited.get(resource) ?? 0;
    const left = Math.max(0, hard - (cached?.usedValue ?? used.get(resource) ?? 0));
    const bytes = isByteResource(resource);
    return { resource, left: formatQuantity(left, bytes), hard: formatQuantity(hard, bytes) };
  });
  const [only] = free;
  if (free.length === 1 && only !== undefined) {
    const [[resource, value] = ['', 0]] = asked;
    return `waiting for ${amountWords(resource, value)}: ${only.left} of ${only.hard} free in ${namespace}'s quota`;
  }
  const each = free.map((f) => {
    const limit = f.resource.startsWith('limits.') ? ' (limit)' : '';
    return `${f.left} of ${f.hard} ${noun(f.resource)}${limit} free`;
  });
  return `waiting for ${list(asked.map(([r, v]) => amountWords(r, v)))} in ${namespace}'s quota: ${each.join(', ')}`;
}

/** One of the scheduler's reasons about `count` nodes, in words ("2 do not match its node selector"). */
function nodeReason(count: number, reason: string): string {
  const one = count === 1;
  const insufficient = /^Insufficient (.+)$/.exec(reason);
  if (insufficient !== null) {
    const resource = insufficient[1] ?? '';
    const few = resource.endsWith('/gpu') || resource === 'pods' ? 'too few' : 'too little';
    const what = resource.endsWith('/gpu') ? 'GPUs' : noun(resource);
    return `${count} ${one ? 'has' : 'have'} ${few} ${what} free`;
  }
  if (/didn't match Pod's node affinity\/selector/.test(reason))
    return `${count} ${one ? 'does' : 'do'} not match its node selector`;
  if (/had untolerated taint/.test(reason))
    return `${count} ${one ? 'has' : 'have'} a taint it does not tolerate`;
  if (/were unschedulable/.test(reason)) return `${count} ${one ? 'is' : 'are'} cordoned`;
  if (/didn't have free ports/.test(reason)) return `${count} ${one ? 'has' : 'have'} its ports taken`;
  return `${count}: ${reason}`;
}

// e.g. "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node
// affinity/selector. preemption: 0/3 nodes are available: …" (the preemption part says nothing more).
const unavailable = /^0\/(\d+) nodes are available: (.*?)\.(?: preemption: .*)?$/s;

/** The scheduler's refusal in words, or undefined when the message is not one it knows. */
export function schedulingWords(message: string, asks: Readonly<Record<string, number>>): string | undefined {
  const match = unavailable.exec(message.trim());
  if (match === null) return undefined;
  const nodes = Number(match[1]);
  const reasons = (match[2] ?? '').split(', ').flatMap((part): [number, string][] => {
    const counted = /^(\d+) (.+)$/.exec(part.trim());
    return counted === null ? [] : [[Number(counted[1]), counted[2] ?? '']];
  });
  if (reasons.length === 0) return undefined;
  const short = reasons
    .map(([, reason]) => /^Insufficient (.+)$/.exec(reason)?.[1])
    .filter((r): r is string => r !== undefined)
    .sort((a, b) => rank(a) - rank(b));
  const detail = `(of ${nodes} node${nodes === 1 ? '' : 's'}: ${reasons.map(([n, r]) => nodeReason(n, r)).join(', ')})`;
  if (short.length === 0) return `no node can take its pod ${detail}`;
  const [first] = short;
  if (short.length === 1 && first !== undefined && first.endsWith('/gpu') && (asks[first] ?? 1) === 1)
    return `no node has a free GPU ${detail}`;
  const amounts = short.map((r) => {
    const value = asks[r];
    return value === undefined ? noun(r) : amountWords(r, value);
  });
  return `no node has ${list(amounts)} free ${detail}`;
}

/** Why the instance's pods do not run, in words, or undefined when nothing holds them back. */
export function pendingReason(facts: PendingFacts): string | undefined {
  if (facts.replicaFailure !== undefined) {
    return (
      quotaWords(facts.replicaFailure, facts.namespace, facts.quota) ??
      `its pods cannot be created: ${facts.replicaFailure}`
    );
  }
  if (facts.unschedulable === undefined) return undefined;
  const { message, asks } = facts.unschedulable;
  return schedulingWords(message, asks) ?? `waiting for a node: ${message}`;
}

/** What a pod asks for, summed over its containers in base units (a limit stands for a missing request). */
export function podAsks(containers: readonly PodContainerResources[] | undefined): Record<string, number> {
  const asks: Record<string, number> = {};
  for (const container of containers ?? []) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    for (const name of new Set([...Object.keys(requests), ...Object.keys(limits)])) {
      const text = requests[name] ?? limits[name];
      const value = text === undefined ? undefined : parseQuantity(String(text));
      if (value !== undefined) asks[name] = (asks[name] ?? 0) + value;
    }
  }
  return asks;
}

export interface PodContainerResources {
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
}
