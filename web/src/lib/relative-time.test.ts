import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAbsoluteTime, formatRelativeTime, parseApiTime } from './relative-time.ts';

const now = new Date('2026-11-25T15:00:00Z');
const at = (iso: string) => new Date(iso);

describe('formatRelativeTime', () => {
  it('says "now" for the same moment and seconds for a moment away', () => {
    assert.equal(formatRelativeTime(now, now), 'now');
    assert.equal(formatRelativeTime(at('2026-11-25T15:00:30Z'), now), 'in 30 seconds');
  });

  it('says minutes ago for the recent past', () => {
    assert.equal(formatRelativeTime(at('2026-11-25T14:55:00Z'), now), '5 minutes ago');
  });

  it('says hours ahead for a session that ends later today', () => {
    assert.equal(formatRelativeTime(at('2026-11-25T23:00:00Z'), now), 'in 8 hours');
  });

  it('switches to days from 22 hours, and says "1 day" rather than "tomorrow"', () => {
    assert.equal(formatRelativeTime(at('2026-11-26T15:00:00Z'), now), 'in 1 day');
    assert.equal(formatRelativeTime(at('2026-11-20T15:00:00Z'), now), '5 days ago');
  });

  it('uses months and years for long spans', () => {
    assert.equal(formatRelativeTime(at('2027-02-25T15:00:00Z'), now), 'in 3 months');
    assert.equal(formatRelativeTime(at('2024-11-25T15:00:00Z'), now), '2 years ago');
  });
});

describe('parseApiTime', () => {
  it('reads an ISO time', () => {
    assert.equal(parseApiTime('2026-11-25T15:00:00Z')?.getTime(), now.getTime());
  });

  it('returns null for a string that is not a time', () => {
    assert.equal(parseApiTime('soon'), null);
  });
});

describe('formatAbsoluteTime', () => {
  it('shows date, time and zone in the given locale and zone', () => {
    assert.equal(
      formatAbsoluteTime(at('2026-11-25T23:16:00Z'), { locale: 'en-GB', timeZone: 'UTC' }),
      '25 Nov 2026, 23:16:00 UTC',
    );
  });
});
