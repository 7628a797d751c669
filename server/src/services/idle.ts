// Idle culling's pure rules: reading a template's idleTimeout, saying it in words, and deciding
// whether an instance has been idle that long. The controller (idle-culler.ts) acts on the answer.

/** Set on an instance stopped for being idle (its time): a visit may start it again; a user's stop or start removes it. */
export const idleStoppedAnnotation = 'argovue.io/idle-stopped-at';

// The CRD's pattern is the first check (^([0-9]{1,4}h)?([0-9]{1,4}m)?([0-9]{1,5}s)?$); this one runs
// again because the controller acts with its own rights on objects it did not write, and a CRD
// changed or applied without its schema must not crash it or cull at once.
const durationPattern = /^(?:(\d{1,4})h)?(?:(\d{1,4})m)?(?:(\d{1,5})s)?$/;

/**
 * The idle timeout in milliseconds, or undefined when the template sets none, sets zero (no culling)
 * or sets something that is not a duration (no culling rather than a guess).
 */
export function parseIdleTimeout(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const match = durationPattern.exec(value);
  if (match === null) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const ms = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  return ms > 0 ? ms : undefined;
}

function unit(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** 30 minutes, 1 hour 30 minutes, 5 seconds: how the status says how long it went unused. */
export function durationInWords(ms: number): string {
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [
    hours > 0 ? unit(hours, 'hour') : '',
    minutes > 0 ? unit(minutes, 'minute') : '',
    seconds > 0 || total === 0 ? unit(seconds, 'second') : '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** What the status says of an instance stopped for being idle. */
export function idleStopMessage(timeoutMs: number): string {
  return `stopped after ${durationInWords(timeoutMs)} without use`;
}

export interface IdleClock {
  /** The template's idle timeout (parseIdleTimeout). */
  timeoutMs: number;
  /** The last use through the proxy seen by this replica (Unix ms), if any. */
  lastUsedHere: number | undefined;
  /** The last use any replica recorded in the instance's status.lastActivityTime, if any. */
  lastUsedRecorded: number | undefined;
  /** Since when it has been ready (Running), as far as is known; an instance never used counts from here. */
  readySince: number | undefined;
  /**
   * Since when this replica has led: use seen by a former leader before that and not yet recorded is
   * unknown, so nothing counts as idle from before it (a new leader never culls at once).
   */
  leadingSince: number;
  now: number;
}

/** The time the instance counts as idle from; it is due when now - idleFrom >= timeout. */
export function idleFrom(clock: IdleClock): number {
  return Math.max(
    clock.lastUsedHere ?? 0,
    clock.lastUsedRecorded ?? 0,
    clock.readySince ?? clock.now,
    clock.leadingSince,
  );
}

/** Whether an instance that is Running has gone unused for its whole timeout. */
export function isIdle(clock: IdleClock): boolean {
  return clock.now - idleFrom(clock) >= clock.timeoutMs;
}

/** A time as Kubernetes writes it (RFC 3339), or undefined for anything that is not one. */
export function parseKubeTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * When a running instance will be stopped if nobody uses it before then, as the page says it: the
 * recorded last use (or when it became ready) plus the timeout. The leader may add use only it has
 * seen, so this is the earliest it can be; undefined when neither time is known.
 */
export function idleStopsAt(clock: {
  timeoutMs: number;
  lastUsedRecorded: number | undefined;
  readySince: number | undefined;
}): number | undefined {
  const from = Math.max(clock.lastUsedRecorded ?? 0, clock.readySince ?? 0);
  return from === 0 ? undefined : from + clock.timeoutMs;
}
