import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elapsedMs, formatDuration, formatElapsed } from './duration-format.ts';

describe('formatDuration', () => {
  it('shows seconds, minutes, hours and days in their two largest units', () => {
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(4_900), '4s');
    assert.equal(formatDuration(185_000), '3m 05s');
    assert.equal(formatDuration(2 * 3600_000 + 7 * 60_000 + 30_000), '2h 07m');
    assert.equal(formatDuration(3 * 86_400_000 + 4 * 3600_000), '3d 4h');
  });

  it('shows a dash for a negative or unknown duration', () => {
    assert.equal(formatDuration(-1), '—');
    assert.equal(formatDuration(Number.NaN), '—');
  });
});

describe('elapsed time', () => {
  const now = new Date('2026-11-25T15:00:00Z');
  it('counts a running workflow up to now', () => {
    assert.equal(elapsedMs('2026-11-25T14:59:00Z', undefined, now), 60_000);
    assert.equal(formatElapsed('2026-11-25T14:59:00Z', undefined, now), '1m 00s');
  });
  it('uses the finish time of a finished one', () => {
    assert.equal(formatElapsed('2026-11-25T10:00:00Z', '2026-11-25T10:00:42Z', now), '42s');
  });
  it('has no duration before it started or with a broken time', () => {
    assert.equal(elapsedMs(undefined, undefined, now), null);
    assert.equal(formatElapsed('yesterday', undefined, now), '—');
  });
});
