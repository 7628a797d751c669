import { formatAbsoluteTime, formatRelativeTime } from '../lib/relative-time.ts';

/** A time as `in 8 hours`, with the exact time on hover and in the markup. */
export function RelativeTime({ time, now }: { time: Date; now: Date }) {
  return (
    <time dateTime={time.toISOString()} title={formatAbsoluteTime(time)}>
      {formatRelativeTime(time, now)}
    </time>
  );
}
