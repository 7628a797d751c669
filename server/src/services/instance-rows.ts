// A ServiceInstance as the API shows it in lists: phase, readiness, URL, conditions, the last error in
// words and who created it. Read from objects the controller and users wrote, so every field is checked.
import type {
  ServiceCondition,
  ServiceInputValue,
  ServiceInstanceRow,
  ServicePhase,
} from '@argovue/api-types';
import { idleStopsAt, idleStoppedAnnotation, parseKubeTime } from './idle.ts';
import { readySinceOf } from './idle-culler.ts';
import type { ServiceInstance } from './template-types.ts';

/** Set by the API from the user who creates the instance (the admission policy keeps it honest). */
export const creatorAnnotation = 'argovue.io/created-by';

const phases = new Set<ServicePhase>(['Pending', 'Starting', 'Running', 'Stopping', 'Stopped', 'Failed']);
const conditionStatuses = new Set(['True', 'False', 'Unknown']);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function conditionsOf(raw: unknown): ServiceCondition[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((c: unknown): ServiceCondition[] => {
    if (typeof c !== 'object' || c === null) return [];
    const { type, status, reason, message, lastTransitionTime } = c as Record<string, unknown>;
    if (typeof type !== 'string' || typeof status !== 'string' || !conditionStatuses.has(status)) return [];
    return [
      {
        type,
        status: status as ServiceCondition['status'],
        reason: typeof reason === 'string' ? reason : '',
        message: typeof message === 'string' ? message : '',
        lastTransitionTime: typeof lastTransitionTime === 'string' ? lastTransitionTime : '',
      },
    ];
  });
}

function inputsOf(raw: unknown): Record<string, ServiceInputValue> {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(
    Object.entries(raw).filter(
      (entry): entry is [string, ServiceInputValue] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number' || typeof entry[1] === 'boolean',
    ),
  );
}

/** The row of an instance; `replicas` is what its Deployment should have now, when known. */
export function instanceRow(
  instance: ServiceInstance & { metadata: { creationTimestamp?: string } },
  extra: {
    title?: string | undefined;
    replicas?: number | undefined;
    /** The template's idle timeout, when known: a running instance then says when it stops if unused. */
    idleTimeoutMs?: number | undefined;
  } = {},
): ServiceInstanceRow {
  const status = instance.status ?? {};
  const phase = typeof status.phase === 'string' && phases.has(status.phase) ? status.phase : 'Pending';
  const conditions = conditionsOf(status.conditions);
  const stopped = instance.spec.stopped === true;
  const message = text(status.message);
  const failing = conditions.find((c) => c.type === 'Ready' && c.status === 'False');
  // The last error is the controller's message while the instance failed or cannot be made ready.
  const lastError =
    phase === 'Failed' ? message : failing?.reason === 'ApplyFailed' ? failing.message : undefined;
  const creator = text(instance.metadata.annotations?.[creatorAnnotation]);
  const url = text(status.url);
  const lastUsed = parseKubeTime(status.lastActivityTime);
  const idleStoppedAt = stopped
    ? parseKubeTime(instance.metadata.annotations?.[idleStoppedAnnotation])
    : undefined;
  const stopsAt =
    phase === 'Running' && !stopped && extra.idleTimeoutMs !== undefined
      ? idleStopsAt({
          timeoutMs: extra.idleTimeoutMs,
          lastUsedRecorded: lastUsed,
          readySince: readySinceOf(instance),
        })
      : undefined;
  return {
    namespace: instance.metadata.namespace ?? '',
    name: instance.metadata.name,
    template: {
      name: instance.spec.template.name,
      cluster: instance.spec.template.kind === 'ClusterServiceTemplate',
    },
    ...(extra.title === undefined ? {} : { title: extra.title }),
    phase,
    stopped,
    ...(stopped && instance.metadata.annotations?.[idleStoppedAnnotation] !== undefined
      ? { idleStopped: true }
      : {}),
    readyReplicas: typeof status.readyReplicas === 'number' ? status.readyReplicas : 0,
    replicas: extra.replicas ?? (stopped ? 0 : 1),
    ...(url === undefined ? {} : { url }),
    ...(message === undefined ? {} : { message }),
    ...(lastError === undefined ? {} : { lastError }),
    ...(lastUsed === undefined ? {} : { lastUsedAt: new Date(lastUsed).toISOString() }),
    ...(idleStoppedAt === undefined ? {} : { idleStoppedAt: new Date(idleStoppedAt).toISOString() }),
    ...(stopsAt === undefined ? {} : { idleStopsAt: new Date(stopsAt).toISOString() }),
    conditions,
    ...(creator === undefined ? {} : { creator }),
    createdAt: instance.metadata.creationTimestamp ?? '',
    inputs: inputsOf(instance.spec.inputs),
  };
}
