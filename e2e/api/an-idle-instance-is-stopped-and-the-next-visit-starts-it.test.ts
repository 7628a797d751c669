// Idle culling and wake on visit, on the real cluster with ArgoVue's own controller and proxy: an
// instance of a template with idleTimeout 5s is stopped by the controller once nobody has used it
// through the proxy for that long — the user's Stop (scaled to zero), with the reason in its status.
// A script's request or a WebSocket to it then gets 503 with Retry-After at once and starts nothing;
// the next browser navigation starts it (as the visitor), shows a page with its phase and pods that
// reloads itself, and once it runs the same navigation reaches the service. A Stop by its user is not
// undone by a visit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventually } from '../../devcluster/test/cluster.ts';
import { idleStoppedAnnotation } from '../../server/src/services/idle.ts';
import { idleFixture, navigate } from '../support/idle-services.ts';
import { UpgradeRefused } from '../support/websocket-client.ts';

describe('an idle instance', () => {
  const fixture = idleFixture('svc-idle');
  const name = 'sleepy';

  it('runs, is used through the proxy, and is stopped once unused for its idle timeout', async () => {
    await fixture.startInstance('alice', name);
    const running = await fixture.untilPhase(name, 'Running');
    // Its page says when it stops if unused: from when it became ready (never used yet), plus 5 s.
    const ready = running.row.conditions.find((c) => c.type === 'Ready' && c.status === 'True');
    assert.equal(
      Date.parse(running.row.idleStopsAt ?? ''),
      Date.parse(ready?.lastTransitionTime ?? '') + 5000,
    );
    const alice = await fixture.browserAs('alice', name);
    // Its pod is ready as KWOK says so; the echo app's process listens a moment later.
    await fixture.untilServed(alice, name);
    const stopped = await fixture.untilPhase(name, 'Stopped', true);
    assert.equal(stopped.row.message, 'stopped after 5 seconds without use');
    assert.equal(stopped.row.replicas, 0);
    const instance = await fixture.read(name);
    assert.equal(instance.spec.stopped, true, 'stopped as a Stop does it: scaled to zero');
    const mark = instance.metadata.annotations?.[idleStoppedAnnotation];
    assert.ok(mark, 'marked as stopped for being idle');
    // …and when it was stopped for being idle, no longer when it will be.
    assert.equal(Date.parse(stopped.row.idleStoppedAt ?? ''), Date.parse(mark));
    assert.equal(stopped.row.idleStopsAt, undefined);
    await eventually('its pod to go', async () =>
      (await fixture.detail('alice', name)).pods.length === 0 ? true : undefined,
    );
  });

  it('answers a script and a WebSocket 503 with Retry-After at once, and they start nothing', async () => {
    const alice = await fixture.browserAs('alice', name);
    const xhr = await alice.fetch('/echo', {
      headers: { Accept: 'application/json', 'Sec-Fetch-Mode': 'cors' },
    });
    assert.equal(xhr.status, 503);
    assert.ok(Number(xhr.headers['retry-after']) > 0, 'Retry-After says when to try again');
    assert.equal((JSON.parse(xhr.body.toString()) as { code: string }).code, 'SERVICE_NOT_RUNNING');
    const refused = await alice.webSocket().then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(refused instanceof UpgradeRefused, 'the WebSocket is refused, not left hanging');
    assert.equal(refused.status, 503);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal((await fixture.read(name)).spec.stopped, true, 'still stopped');
  });

  it('starts on the next visit, shows its progress, and the visit reaches the service once it runs', async () => {
    const alice = await fixture.browserAs('alice', name);
    const first = await alice.fetch('/', { headers: navigate });
    assert.equal(first.status, 503);
    const page = first.body.toString();
    assert.match(page, new RegExp(`${name} is starting`));
    assert.match(page, /your visit started it again/);
    assert.match(page, /Phase: /);
    assert.match(page, /<meta http-equiv="refresh" content="\d+">/, 'the page reloads itself');
    const woken = await fixture.read(name);
    assert.equal(woken.spec.stopped, false, 'started');
    assert.equal(woken.metadata.annotations?.[idleStoppedAnnotation], undefined, 'no longer marked idle');
    // What the page's reload does: the same navigation, until the service answers it.
    const served = await eventually(
      'the visit to reach the echo app',
      async () => {
        const answer = await alice.fetch('/', { headers: navigate });
        if (answer.status === 503) assert.match(answer.body.toString(), /is starting/);
        return answer.status === 200 ? answer : undefined;
      },
      120_000,
    );
    assert.doesNotMatch(served.body.toString(), /is starting/);
    await fixture.untilPhase(name, 'Running', false);
  });

  it('is not started by a visit when its user stopped it', async () => {
    const portal = await fixture.portalAs('alice');
    const stop = await portal.send(
      'POST',
      `/api/v1/namespaces/${fixture.namespace()}/service-instances/${name}/stop`,
    );
    assert.equal(stop.status, 200);
    const stopped = await fixture.untilPhase(name, 'Stopped', true);
    assert.equal(stopped.row.message, 'stopped');
    const alice = await fixture.browserAs('alice', name);
    const answer = await alice.fetch('/', { headers: navigate });
    assert.equal(answer.status, 503);
    assert.match(answer.body.toString(), new RegExp(`${name} is stopped`));
    assert.equal((await fixture.read(name)).spec.stopped, true, 'still stopped');
  });
});
