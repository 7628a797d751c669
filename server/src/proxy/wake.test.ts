import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { usesToRecord } from './activity-recorder.ts';
import type { CachedInstance } from './instance-targets.ts';
import { isNavigation, mayNotStartPage, podLines, startingPage } from './wake.ts';

const ref = { namespace: 'team-a', name: 'nb' };
const instance: CachedInstance = {
  namespace: 'team-a',
  name: 'nb',
  stopped: true,
  phase: 'Stopped',
  message: 'stopped after 30 minutes without use',
  idleStopped: true,
  creator: 'oidc:alice@example.com',
  lastActivityAt: undefined,
};

describe('what may wake an instance', () => {
  it('is a browser navigation only', () => {
    const nav = (method: string, headers: Record<string, string>) => isNavigation({ method, headers });
    assert.equal(nav('GET', { 'sec-fetch-mode': 'navigate', accept: 'text/html' }), true);
    assert.equal(nav('HEAD', { 'sec-fetch-mode': 'navigate' }), true);
    assert.equal(nav('GET', { accept: 'text/html,application/xhtml+xml' }), true);
    assert.equal(nav('GET', { 'sec-fetch-mode': 'cors', accept: 'text/html' }), false);
    assert.equal(nav('GET', { 'sec-fetch-mode': 'websocket' }), false);
    assert.equal(nav('GET', { accept: 'application/json' }), false);
    assert.equal(nav('GET', {}), false);
    assert.equal(nav('POST', { 'sec-fetch-mode': 'navigate', accept: 'text/html' }), false);
    assert.equal(nav('GET', { 'sec-fetch-mode': 'navigate', 'sec-purpose': 'prefetch' }), false);
    assert.equal(nav('GET', { 'sec-fetch-mode': 'navigate', 'sec-purpose': 'prefetch;prerender' }), false);
    assert.equal(nav('GET', { accept: 'text/html', purpose: 'prefetch' }), false);
  });
});

describe('the pages of a sleeping instance', () => {
  it('shows a starting instance’s phase and pods, and reloads itself', () => {
    const page = startingPage(
      ref,
      { ...instance, stopped: false, phase: 'Starting', message: '0 of 1 ready' },
      [
        {
          namespace: 'team-a',
          name: 'nb-1',
          instance: 'nb',
          ips: [],
          ready: false,
          deleting: false,
          phase: 'Pending',
        },
      ],
      true,
    );
    assert.equal(page.status, 503);
    assert.equal(page.title, 'nb is starting');
    assert.match(page.message, /your visit started it again/);
    assert.deepEqual(page.items, ['Phase: Starting (0 of 1 ready)', 'Pod nb-1: Pending, not ready yet']);
    assert.equal(page.refreshSeconds, 2);
    assert.equal(page.retryAfter, 2);
  });

  it('says a stopped instance just started is Starting, not its old Stopped', () => {
    const page = startingPage(ref, instance, []);
    assert.deepEqual(page.items, ['Phase: Starting', ...podLines([])]);
  });

  it('tells one who may only open it why it is stopped and who can start it', () => {
    const page = mayNotStartPage(ref, instance);
    assert.equal(page.title, 'nb is stopped');
    assert.match(page.message, /was stopped after 30 minutes without use/);
    assert.match(page.message, /oidc:alice@example.com, who created it/);
    assert.equal(page.refreshSeconds, undefined);
  });
});

describe('recording the last use for the leader', () => {
  it('writes only a use newer than the recorded one by a step', () => {
    const recorded = new Map([['team-a/a', 100_000]]);
    const due = usesToRecord(
      [
        { namespace: 'team-a', name: 'a', at: 130_000 },
        { namespace: 'team-a', name: 'b', at: 130_000 },
        { namespace: 'team-a', name: 'c', at: 10_000 },
      ],
      (namespace, name) => recorded.get(`${namespace}/${name}`),
      60_000,
    );
    assert.deepEqual(
      due.map((u) => u.name),
      ['b'],
    );
  });
});
