// An instance that is stopped, or whose pod is not ready, is not an error: the proxy answers a page
// that says so (503, with Retry-After while it starts), and the same instance is served once it runs.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createDecoyInstance, isStartingPage, serviceProxyFixture } from '../support/service-proxy.ts';

describe('a service that does not run', () => {
  const fixture = serviceProxyFixture('proxy-stopped');
  before(async () => {
    await fixture.startInstance('stopped', { stopped: true });
    // An instance whose Service has no ready pod yet.
    await createDecoyInstance(fixture.api, fixture.namespace(), 'starting');
    await fixture.startInstance('control');
    await fixture.untilServed('control');
  });

  it('says it is stopped', async () => {
    const alice = await fixture.browserAs('alice', 'stopped');
    const answer = await alice.fetch('/', { headers: { Accept: 'text/html' } });
    assert.equal(answer.status, 503);
    assert.match(answer.body.toString(), /stopped is stopped/);
    assert.match(String(answer.headers['content-security-policy']), /default-src 'none'/);
  });

  it('says it is starting, and when to look again', async () => {
    const alice = await fixture.browserAs('alice', 'starting');
    const answer = await alice.fetch('/');
    assert.ok(isStartingPage(answer));
    assert.equal(answer.headers['retry-after'], '2');
  });
});
