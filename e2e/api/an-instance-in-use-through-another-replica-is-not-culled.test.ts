// Idle culling with two replicas: only the leader culls, and it sees the other replica's use only
// through the instance's status.lastActivityTime, which every replica writes (proxy/activity-
// recorder.ts). An instance used steadily through the replica that does not lead stays running for
// three times its idle timeout, its status records the use, and once nobody uses it the leader
// stops it. A leader that read only its own proxy's use would stop it while it is in use.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../../devcluster/test/cluster.ts';
import { loginAs } from '../support/api-client.ts';
import { idleFixture } from '../support/idle-services.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { ServiceBrowser } from '../support/service-proxy.ts';

// Each replica writes a use one second newer than the status says, looking every second.
const env = { ARGOVUE_ACTIVITY_RECORD_SECONDS: '1' };
const timeoutSeconds = 10;

/** Whether the server's log says it leads now (its last word on the lease). */
function leads(server: RunningServer): boolean {
  const said = [...server.output().matchAll(/services: \S+ (leads|no longer leads)/g)].at(-1);
  return said?.[1] === 'leads';
}

describe('an instance in use through another replica', () => {
  const fixture = idleFixture('svc-idle-replicas', { timeout: `${timeoutSeconds}s`, env });
  const name = 'busy';
  let second: RunningServer;
  before(async () => {
    second = await startServer(env);
  });
  after(async () => {
    await second.stop();
  });

  it('is not stopped while it is used through the replica that does not lead', async () => {
    const [leader, other] = await eventually('one of the two replicas to lead', () => {
      if (leads(fixture.server()) && !leads(second)) return Promise.resolve([fixture.server(), second]);
      if (leads(second) && !leads(fixture.server())) return Promise.resolve([second, fixture.server()]);
      return Promise.resolve(undefined);
    });
    assert.notEqual(leader, other);
    await fixture.startInstance('alice', name);
    await fixture.untilPhase(name, 'Running');
    const visitor = new ServiceBrowser(other, fixture.namespace(), name);
    await visitor.signIn(await loginAs(other.url, 'alice'));
    await fixture.untilServed(visitor, name);
    // Used once a second, through the other replica only, for three idle timeouts (a bounded loop:
    // the pause paces the use, it waits for nothing).
    for (let i = 0; i < 3 * timeoutSeconds; i++) {
      const answer = await visitor.echo();
      assert.equal(answer.status, 200, `use ${i + 1} reached the service`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    assert.equal(leads(leader), true, 'the same replica led throughout');
    const instance = await fixture.read(name);
    assert.notEqual(instance.spec.stopped, true, 'never stopped');
    const recorded = Date.parse(instance.status?.lastActivityTime ?? '');
    assert.ok(Number.isFinite(recorded), 'the other replica recorded the use in the status');
    // The instance's page says when it was last used, and that it stops if unused from then on.
    const { row } = await fixture.detail('alice', name);
    assert.ok(Date.parse(row.lastUsedAt ?? '') >= recorded, 'last used as recorded (or later)');
    assert.equal(Date.parse(row.idleStopsAt ?? ''), Date.parse(row.lastUsedAt ?? '') + timeoutSeconds * 1000);
  });

  it('is stopped by the leader once nobody uses it', async () => {
    const stopped = await fixture.untilPhase(name, 'Stopped', true);
    assert.equal(stopped.row.message, `stopped after ${timeoutSeconds} seconds without use`);
  });
});
