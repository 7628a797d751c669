// Durations of workflows and nodes: `4s`, `3m 05s`, `2h 07m`, `3d 4h`; running ones count up to now.
import { parseApiTime } from './relative-time.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const two = (n: number) => String(n).padStart(2, '0');

/** A duration in the two largest units that matter; negative or unknown durations read as `—`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const total = Math.floor(ms / SECOND);
  if (total < 60) return `${total}s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m ${two(total % 60)}s`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ${two(Math.floor((ms % HOUR) / MINUTE))}m`;
  return `${Math.floor(ms / DAY)}d ${Math.floor((ms % DAY) / HOUR)}h`;
}

/** Milliseconds from start to finish, or to `now` while not finished; null before it started. */
export function elapsedMs(
  startedAt: string | undefined,
  finishedAt: string | undefined,
  now: Date,
): number | null {
  if (startedAt === undefined) return null;
  const start = parseApiTime(startedAt);
  if (start === null) return null;
  const end = finishedAt === undefined ? now : parseApiTime(finishedAt);
  if (end === null) return null;
  return Math.max(0, end.getTime() - start.getTime());
}

/** The duration as shown in lists and panels; `—` before it started. */
export function formatElapsed(
  startedAt: string | undefined,
  finishedAt: string | undefined,
  now: Date,
): string {
  const ms = elapsedMs(startedAt, finishedAt, now);
  return ms === null ? '—' : formatDuration(ms);
}
