// A service instance's pod log, end to end on the real cluster: the devcluster's pod runner writes
// what the echo app prints (a line at start, one per request) as the container's CRI log and makes
// KWOK serve it, so ArgoVue reads, as alice, the very lines her request through the proxy caused —
// once, and followed while she makes another. bob, of another team, is told of that log exactly what
// he is told of an instance that does not exist.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { eventually } from '../../devcluster/test/cluster.ts';
import { openLog } from '../support/followed-logs.ts';
import { podOfInstance, serviceProxyFixture, type ServiceBrowser } from '../support/service-proxy.ts';

describe('an instance pod’s log is what its process wrote', () => {
  const fixture = serviceProxyFixture('pod-log');
  let alice: ServiceBrowser;
  let pod: string;
  const logPath = (instance: string, query = '') =>
    `/api/v1/namespaces/${fixture.namespace()}/service-instances/${instance}/logs${query}`;

  before(async () => {
    await fixture.startInstance('echo');
    pod = (await podOfInstance(fixture.api, fixture.namespace(), 'echo')).name;
    alice = await fixture.browserAs('alice', 'echo');
  });

  it('has the line of alice’s request through the proxy, after the app’s start', async () => {
    const marker = randomBytes(4).toString('hex');
    assert.equal((await alice.fetch(`/echo?from=${marker}`)).status, 200);
    const portal = await fixture.portalAs('alice');
    const text = await eventually(`the log to show the request ${marker}`, async () => {
      const res = await portal.fetch(logPath('echo'));
      const body = await res.text();
      assert.equal(res.status, 200, body);
      assert.equal(res.headers.get('x-argovue-pod'), pod);
      return body.includes(`GET /echo?from=${marker} 200`) ? body : undefined;
    });
    const lines = text.split('\n');
    const started = lines.findIndex((l) =>
      l.startsWith(`echo-app ${fixture.namespace()}/${pod} listening on`),
    );
    assert.ok(started >= 0, text);
    assert.ok(lines.findIndex((l) => l === `GET /echo?from=${marker} 200`) > started, text);
  });

  it('follows: a request made while alice follows shows up in the open stream', async () => {
    const portal = await fixture.portalAs('alice');
    const followed = await openLog(portal, logPath('echo', '?follow=true&timestamps=true'));
    try {
      assert.equal(followed.status, 200, JSON.stringify(followed.error));
      // What was there already came first (the app's start, with the runtime's timestamp).
      await followed.until(/^\d{4}-\d\d-\d\dT\S+Z echo-app .* listening on/m, 30_000);
      const marker = randomBytes(4).toString('hex');
      assert.equal((await alice.fetch(`/echo?while-following=${marker}`)).status, 200);
      await followed.until(new RegExp(`Z GET /echo\\?while-following=${marker} 200$`, 'm'), 30_000);
    } finally {
      followed.close();
    }
  });

  it('answers bob as for an instance that does not exist, with or without the pod named', async () => {
    const bob = await fixture.portalAs('bob');
    const missing = await bob.json<ApiError>(logPath('missing'));
    assert.equal(missing.status, 404);
    for (const query of ['', `?pod=${pod}`, '?follow=true']) {
      const answer = await bob.json<ApiError>(logPath('echo', query));
      assert.equal(answer.status, missing.status);
      assert.equal(answer.body.code, missing.body.code);
      assert.equal(answer.body.message.replace('echo', 'missing'), missing.body.message);
      assert.equal(answer.body.hint, missing.body.hint);
      assert.ok(!JSON.stringify(answer.body).includes(pod), 'the pod’s name is not told');
    }
  });
});
