// Quota first, in words: what an instance would ask of its namespace and why it cannot start.
import type { InstanceResources, QuotaShortfall } from '@argovue/api-types/service-fit';
import { formatQuantity } from './quantity-format.ts';
import { describeQuota, quotaKind, quotaLabel } from './quota.ts';

function amount(value: number, resource: string): string {
  if (resource === 'pods') return `${value} ${value === 1 ? 'pod' : 'pods'}`;
  const text = formatQuantity(value, quotaKind(resource));
  const label = quotaLabel(resource);
  if (label === 'CPU' || label === 'GPU') return text;
  if (label === 'Memory') return `${text} of memory`;
  // Limits, and resources without a label of ours (ephemeral storage).
  return `${text} of ${label === resource ? resource : label}`;
}

/** e.g. `Needs 1 GPU: team-a's quota has 0 of 8 GPUs left.` */
export function describeShortfall(shortfall: QuotaShortfall, namespace: string): string {
  const { resource, needed, left, hard } = shortfall;
  const quota = describeQuota({ resource, used: '', hard: '', usedValue: hard - left, hardValue: hard });
  const room = hard <= 0 ? 'allows none' : `has ${quota.remaining}`;
  return `Needs ${amount(needed, resource)}: ${namespace}'s quota ${room}.`;
}

export interface AskedAmount {
  label: 'CPU' | 'Memory' | 'GPU';
  text: string;
}

/** CPU, memory and GPUs one instance would request in all (its replicas counted), for beside the quota. */
export function askedAmounts(asked: InstanceResources): AskedAmount[] {
  const gpus = Object.entries(asked.requests)
    .filter(([name]) => name.endsWith('/gpu'))
    .reduce((sum, [, value]) => sum + value, 0);
  return [
    { label: 'CPU', text: formatQuantity(asked.requests.cpu ?? 0, 'cpu') },
    { label: 'Memory', text: formatQuantity(asked.requests.memory ?? 0, 'bytes') },
    { label: 'GPU', text: formatQuantity(gpus, 'gpu') },
  ];
}
