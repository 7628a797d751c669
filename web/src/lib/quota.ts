// Reading a namespace's ResourceQuota for people: which resource is which, how full it is, what is left.
import type { QuotaResource } from '@argovue/api-types';
import { displayUnitFor, formatInUnit, type QuantityKind, unitName } from './quantity-format.ts';

export type FillLevel = 'normal' | 'warning' | 'full';

/** How full a quota is: warning from 80 %, full at 100 % (or when nothing is allowed). */
export function quotaFillLevel(used: number, hard: number): FillLevel {
  if (hard <= 0 || used >= hard) return 'full';
  if (used >= hard * 0.8) return 'warning';
  return 'normal';
}

/** What kind of amount a quota resource counts, from its name. */
export function quotaKind(resource: string): QuantityKind {
  const base = resource.replace(/^(requests|limits)\./, '');
  if (base === 'cpu') return 'cpu';
  if (base === 'memory' || base.endsWith('storage')) return 'bytes';
  if (base.endsWith('/gpu')) return 'gpu';
  return 'count';
}

/** A short label: `CPU`, `Memory`, `GPU` (with `limits` when it is a limit), else the resource's name. */
export function quotaLabel(resource: string): string {
  const limit = resource.startsWith('limits.');
  const base = resource.replace(/^(requests|limits)\./, '');
  let label: string;
  if (base === 'cpu') label = 'CPU';
  else if (base === 'memory') label = 'Memory';
  else if (base.endsWith('/gpu')) label = 'GPU';
  else return resource;
  return limit ? `${label} limits` : label;
}

export interface QuotaDescription {
  resource: string;
  label: string;
  level: FillLevel;
  /** False when the quota allows none of it (hard 0). */
  allowed: boolean;
  /** In base units, for a meter. */
  usedValue: number;
  hardValue: number;
  /** e.g. `12 of 16 cores left`, `0 of 16 cores left (2 over)`, `None allowed`. */
  remaining: string;
  /** e.g. `4 of 16 cores used`. */
  usage: string;
}

export function describeQuota(quota: QuotaResource): QuotaDescription {
  const kind = quotaKind(quota.resource);
  const { usedValue, hardValue } = quota;
  const unit = displayUnitFor(kind, hardValue);
  const name = unitName(unit, hardValue);
  const ofHard = `of ${formatInUnit(hardValue, unit)}${name === '' ? '' : ` ${name}`}`;
  const left = Math.max(0, hardValue - usedValue);
  const over = usedValue - hardValue;
  let remaining: string;
  if (hardValue <= 0) remaining = 'None allowed';
  else if (over > 0) remaining = `0 ${ofHard} left (${formatInUnit(over, unit)} over)`;
  else remaining = `${formatInUnit(left, unit)} ${ofHard} left`;
  return {
    resource: quota.resource,
    label: quotaLabel(quota.resource),
    level: quotaFillLevel(usedValue, hardValue),
    allowed: hardValue > 0,
    usedValue,
    hardValue,
    remaining,
    usage: `${formatInUnit(usedValue, unit)} ${ofHard} used`,
  };
}

export interface CardQuota {
  label: 'CPU' | 'Memory' | 'GPU';
  /** Null when the quota does not limit this resource. */
  quota: QuotaDescription | null;
}

// Requests are what the scheduler and the quota check count first; `cpu` is the same as `requests.cpu`.
function pick(quota: readonly QuotaResource[], names: readonly string[]): QuotaResource | undefined {
  for (const name of names) {
    const found = quota.find((q) => q.resource === name);
    if (found) return found;
  }
  return undefined;
}

function pickGpu(quota: readonly QuotaResource[]): QuotaResource | undefined {
  const gpus = quota.filter((q) => q.resource.endsWith('/gpu'));
  return gpus.find((q) => q.resource.startsWith('requests.')) ?? gpus[0];
}

/** The three quotas a namespace card shows, CPU, memory and GPU, in that order. */
export function cardQuotas(quota: readonly QuotaResource[]): CardQuota[] {
  const cpu = pick(quota, ['requests.cpu', 'cpu', 'limits.cpu']);
  const memory = pick(quota, ['requests.memory', 'memory', 'limits.memory']);
  const gpu = pickGpu(quota);
  return [
    { label: 'CPU', quota: cpu ? describeQuota(cpu) : null },
    { label: 'Memory', quota: memory ? describeQuota(memory) : null },
    { label: 'GPU', quota: gpu ? describeQuota(gpu) : null },
  ];
}

const kindOrder: Record<QuantityKind, number> = { cpu: 0, bytes: 1, gpu: 2, count: 3 };
const isLimit = (resource: string) => (resource.startsWith('limits.') ? 1 : 0);

/** Every quota resource, for the detail page: CPU, memory, GPU first (requests before limits), then the rest by name. */
export function allQuotas(quota: readonly QuotaResource[]): QuotaDescription[] {
  return [...quota]
    .sort(
      (a, b) =>
        kindOrder[quotaKind(a.resource)] - kindOrder[quotaKind(b.resource)] ||
        isLimit(a.resource) - isLimit(b.resource) ||
        a.resource.localeCompare(b.resource, 'en'),
    )
    .map(describeQuota);
}
