// Quota first: what an instance of a template would ask of its namespace's ResourceQuota, and what
// does not fit. Shared by the server (which refuses before creating) and the browser's start form
// (which says so before sending). Kubernetes admits a Deployment whatever the quota and only refuses
// its pods, so without this an instance would be created and then sit with no pod.
import { parseQuantity } from './quantity.ts';
import type { InputValue, TemplateInput } from './service-inputs.ts';

type Quantities = Record<string, string | number>;

/** The parts of a ServiceTemplate's spec that decide what its instances ask for. */
export interface FitTemplate {
  inputs?: TemplateInput[];
  workload: {
    deployment: {
      replicas?: number;
      template: {
        spec: { containers: { name: string; resources?: { requests?: Quantities; limits?: Quantities } }[] };
      };
    };
  };
}

/** Totals over every replica and container, in base units (cores, bytes, devices), by resource name. */
export interface InstanceResources {
  replicas: number;
  requests: Record<string, number>;
  limits: Record<string, number>;
}

/** One quota resource the instance would go past. Amounts in base units. */
export interface QuotaShortfall {
  /** As the ResourceQuota names it: requests.cpu, memory, requests.nvidia.com/gpu, pods, … */
  resource: string;
  needed: number;
  left: number;
  hard: number;
}

/** A quota as the namespaces API sends it (QuotaResource carries these and more). */
export interface QuotaAmount {
  resource: string;
  usedValue: number;
  hardValue: number;
}

function parsed(quantities: Quantities | undefined): Map<string, number> {
  const result = new Map<string, number>();
  for (const [name, quantity] of Object.entries(quantities ?? {})) {
    const value = typeof quantity === 'number' ? quantity : parseQuantity(quantity);
    if (value !== undefined) result.set(name, value);
  }
  return result;
}

function add(totals: Record<string, number>, name: string, value: number): void {
  totals[name] = (totals[name] ?? 0) + value;
}

/**
 * What one instance asks for with these (checked) input values: the template's resources with the
 * inputs' resource fills applied, a request taken from the limit when only a limit is set (as the
 * apiserver defaults it), times the replicas (an input's, else the template's, else 1).
 */
export function instanceResources(
  template: FitTemplate,
  values: ReadonlyMap<string, InputValue>,
): InstanceResources {
  const deployment = template.workload.deployment;
  let replicas = deployment.replicas ?? 1;
  const containers = new Map(
    deployment.template.spec.containers.map((c) => [
      c.name,
      { requests: parsed(c.resources?.requests), limits: parsed(c.resources?.limits) },
    ]),
  );
  for (const input of template.inputs ?? []) {
    const value = values.get(input.name);
    if (value === undefined) continue;
    for (const fill of input.fills ?? []) {
      if (fill.replicas && typeof value === 'number') replicas = value;
      const target = fill.resource;
      const container = target ? containers.get(target.container) : undefined;
      const amount = typeof value === 'boolean' ? undefined : parseQuantity(String(value));
      if (!target || !container || amount === undefined) continue;
      if (target.in !== 'limits') container.requests.set(target.name, amount);
      if (target.in !== 'requests') container.limits.set(target.name, amount);
    }
  }
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  for (const container of containers.values()) {
    for (const [name, value] of container.limits) {
      add(limits, name, value * replicas);
      if (!container.requests.has(name)) add(requests, name, value * replicas);
    }
    for (const [name, value] of container.requests) add(requests, name, value * replicas);
  }
  return { replicas, requests, limits };
}

// cpu and memory in a quota mean their requests; extended resources (GPUs) are quota'd as requests.X.
function neededFor(resource: string, asked: InstanceResources): number | undefined {
  if (resource === 'pods') return asked.replicas;
  if (resource.startsWith('limits.')) return asked.limits[resource.slice('limits.'.length)] ?? 0;
  const name = resource.startsWith('requests.') ? resource.slice('requests.'.length) : resource;
  if (name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.includes('/'))
    return asked.requests[name] ?? 0;
  return undefined;
}

/** Every quota resource the instance would go past: none means it fits (or nothing limits it). */
export function quotaShortfalls(asked: InstanceResources, quota: readonly QuotaAmount[]): QuotaShortfall[] {
  const shortfalls: QuotaShortfall[] = [];
  for (const q of quota) {
    const needed = neededFor(q.resource, asked);
    if (needed === undefined || needed <= 0) continue;
    const left = Math.max(0, q.hardValue - q.usedValue);
    // Quantities in base units carry float error (0.1 + 0.2 cores); a millionth is below any unit.
    if (needed > left + 1e-6) shortfalls.push({ resource: q.resource, needed, left, hard: q.hardValue });
  }
  return shortfalls;
}
