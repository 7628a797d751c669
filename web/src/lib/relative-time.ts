// Times from the API are ISO strings; they become Dates here, once, and are shown relative and absolute.

/** A Date from an API time, or null when the string is not a time. */
export function parseApiTime(iso: string): Date | null {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? null : time;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// `auto` says "now" rather than "in 0 seconds"; for larger units "in 1 day" is more exact than "tomorrow".
const secondsFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const unitsFormat = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** `in 8 hours`, `5 minutes ago`, `now`: the largest unit that keeps the number meaningful. */
export function formatRelativeTime(time: Date, now: Date): string {
  const diff = time.getTime() - now.getTime();
  const size = Math.abs(diff);
  if (size < 45 * SECOND) return secondsFormat.format(Math.round(diff / SECOND), 'second');
  if (size < 45 * MINUTE) return unitsFormat.format(Math.round(diff / MINUTE), 'minute');
  if (size < 22 * HOUR) return unitsFormat.format(Math.round(diff / HOUR), 'hour');
  if (size < 26 * DAY) return unitsFormat.format(Math.round(diff / DAY), 'day');
  if (size < 320 * DAY) return unitsFormat.format(Math.round(diff / (30.44 * DAY)), 'month');
  return unitsFormat.format(Math.round(diff / (365.25 * DAY)), 'year');
}

export interface AbsoluteTimeOptions {
  /** Defaults to the browser's locale and time zone. */
  locale?: string;
  timeZone?: string;
}

// Making a DateTimeFormat takes about a millisecond (a workflow's page made three on every update).
const absoluteFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time with its zone, e.g. `25 Nov 2026, 23:16 UTC`. */
export function formatAbsoluteTime(time: Date, options: AbsoluteTimeOptions = {}): string {
  const key = `${options.locale ?? ''} ${options.timeZone ?? ''}`;
  let format = absoluteFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(options.locale, {
      dateStyle: 'medium',
      timeStyle: 'long',
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    });
    absoluteFormats.set(key, format);
  }
  return format.format(time);
}
