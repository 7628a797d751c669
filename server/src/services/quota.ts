// Quota first, the server's half: what the namespace's ResourceQuota leaves, what one instance asks
// for as people read it, and a refusal's numbers in words. What an instance asks and what does not fit
// is computed by api-types/src/service-fit.ts, the same code the start form runs.
import type { QuotaLeft, QuotaResource } from '@argovue/api-types';
import { formatQuantity, isByteResource } from '@argovue/api-types/quantity';
import type { InstanceResources, QuotaShortfall } from '@argovue/api-types/service-fit';

/** What the quota leaves of each resource (from the tightest quota, as quotaOf chose it). */
export function quotaLeftOf(resources: readonly QuotaResource[]): QuotaLeft[] {
  return resources.map((r) => {
    const leftValue = Math.max(0, r.hardValue - r.usedValue);
    return { ...r, left: formatQuantity(leftValue, isByteResource(r.resource)), leftValue };
  });
}

/** An instance's totals in quota names, e.g. { 'requests.cpu': '500m', 'limits.memory': '2Gi', pods: '1' }. */
export function requestsOf(asked: InstanceResources): Record<string, string> {
  const entries: [string, number][] = [
    ...Object.entries(asked.requests).map(([name, value]): [string, number] => [`requests.${name}`, value]),
    ...Object.entries(asked.limits).map(([name, value]): [string, number] => [`limits.${name}`, value]),
    ['pods', asked.replicas],
  ];
  return Object.fromEntries(
    entries
      .filter(([, value]) => value > 0)
      .map(([resource, value]) => [resource, formatQuantity(value, isByteResource(resource))]),
  );
}

/** A quota resource as a person says it. */
function resourceWords(resource: string): string {
  const bare = resource.replace(/^(requests|limits|count)[./]/, '');
  const noun = bare === 'nvidia.com/gpu' ? 'GPU' : bare === 'cpu' ? 'CPU' : bare;
  return resource.startsWith('limits.') ? `${noun} (limit)` : noun;
}

/** One sentence per shortfall, e.g. "GPU: needs 1, 0 of 8 free in team-a's quota". */
export function shortfallWords(namespace: string, shortfalls: readonly QuotaShortfall[]): string[] {
  return shortfalls.map((s) => {
    const bytes = isByteResource(s.resource);
    return (
      `${resourceWords(s.resource)}: needs ${formatQuantity(s.needed, bytes)}, ` +
      `${formatQuantity(s.left, bytes)} of ${formatQuantity(s.hard, bytes)} free in ${namespace}'s quota`
    );
  });
}
