import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  durationInWords,
  idleFrom,
  idleStopMessage,
  idleStopsAt,
  isIdle,
  parseIdleTimeout,
  type IdleClock,
} from './idle.ts';
import { readySinceOf } from './idle-culler.ts';
import type { ServiceInstance } from './template-types.ts';

describe('idleTimeout, read', () => {
  it('reads hours, minutes and seconds as the CRD allows them', () => {
    assert.equal(parseIdleTimeout('30m'), 30 * 60_000);
    assert.equal(parseIdleTimeout('2h'), 2 * 3_600_000);
    assert.equal(parseIdleTimeout('1h30m'), 90 * 60_000);
    assert.equal(parseIdleTimeout('5s'), 5000);
    assert.equal(parseIdleTimeout('1h0m15s'), 3_615_000);
    assert.equal(parseIdleTimeout('9999h9999m99999s'), ((9999 * 60 + 9999) * 60 + 99999) * 1000);
  });

  it('culls nothing for no timeout, zero, or anything that is not a duration, and never throws', () => {
    for (const value of [
      undefined,
      null,
      '',
      '0m',
      '0h0m0s',
      'a while',
      '30',
      '30 m',
      '-5m',
      '1.5h',
      '5m30h',
      '30m\n',
      '12345h',
      'x'.repeat(100_000),
      30,
      {},
      ['30m'],
    ])
      assert.equal(
        parseIdleTimeout(value),
        undefined,
        typeof value === 'string' ? value.slice(0, 40) : typeof value,
      );
  });
});

describe('idleness, in words', () => {
  it('says how long it went unused', () => {
    assert.equal(idleStopMessage(30 * 60_000), 'stopped after 30 minutes without use');
    assert.equal(durationInWords(3_600_000), '1 hour');
    assert.equal(durationInWords(90 * 60_000), '1 hour 30 minutes');
    assert.equal(durationInWords(5000), '5 seconds');
    assert.equal(durationInWords(61_000), '1 minute 1 second');
    assert.equal(durationInWords(0), '0 seconds');
  });
});

describe('idle or not', () => {
  const base: IdleClock = {
    timeoutMs: 30_000,
    lastUsedHere: undefined,
    lastUsedRecorded: undefined,
    readySince: 1_000_000,
    leadingSince: 0,
    now: 1_000_000,
  };

  it('counts an instance never used from when it became ready', () => {
    assert.equal(isIdle({ ...base, now: 1_029_999 }), false);
    assert.equal(isIdle({ ...base, now: 1_030_000 }), true);
  });

  it('counts from the last use this replica saw, or any replica recorded, whichever is newer', () => {
    assert.equal(isIdle({ ...base, lastUsedHere: 1_020_000, now: 1_040_000 }), false);
    assert.equal(isIdle({ ...base, lastUsedRecorded: 1_020_000, now: 1_040_000 }), false);
    assert.equal(
      idleFrom({ ...base, lastUsedHere: 1_020_000, lastUsedRecorded: 1_025_000, now: 1_040_000 }),
      1_025_000,
    );
    assert.equal(isIdle({ ...base, lastUsedHere: 1_020_000, now: 1_050_000 }), true);
  });

  it('never culls at once on a new leader: nothing counts from before it led', () => {
    assert.equal(isIdle({ ...base, leadingSince: 5_000_000, now: 5_000_001 }), false);
    assert.equal(isIdle({ ...base, leadingSince: 5_000_000, now: 5_030_000 }), true);
  });

  it('does not cull an instance whose readiness time is unknown', () => {
    assert.equal(isIdle({ ...base, readySince: undefined, now: 9_000_000 }), false);
  });
});

describe('ready since', () => {
  const instance = (phase: string, status: 'True' | 'False', time: string): ServiceInstance =>
    ({
      apiVersion: 'argovue.io/v1alpha1',
      kind: 'ServiceInstance',
      metadata: { name: 'a' },
      spec: { template: { name: 't' } },
      status: {
        phase,
        conditions: [{ type: 'Ready', status, reason: phase, message: '', lastTransitionTime: time }],
      },
    }) as ServiceInstance;

  it('is the Ready condition’s last transition while Running, and unknown otherwise', () => {
    assert.equal(
      readySinceOf(instance('Running', 'True', '2026-12-05T01:00:00Z')),
      Date.parse('2026-12-05T01:00:00Z'),
    );
    assert.equal(readySinceOf(instance('Stopped', 'True', '2026-12-05T01:00:00Z')), undefined);
    assert.equal(readySinceOf(instance('Running', 'True', 'not a time')), undefined);
  });
});

describe('when a running instance stops if unused', () => {
  it('is the recorded last use, or when it became ready, plus the timeout; unknown without either', () => {
    assert.equal(idleStopsAt({ timeoutMs: 60_000, lastUsedRecorded: 5_000, readySince: 1_000 }), 65_000);
    assert.equal(idleStopsAt({ timeoutMs: 60_000, lastUsedRecorded: undefined, readySince: 1_000 }), 61_000);
    assert.equal(
      idleStopsAt({ timeoutMs: 60_000, lastUsedRecorded: undefined, readySince: undefined }),
      undefined,
    );
  });
});
