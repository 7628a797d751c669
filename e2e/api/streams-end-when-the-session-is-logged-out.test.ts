// A stream is one request that never ends, so the session check at its start is not enough: after
// alice logs out, her open live list and followed log end within the authorization period (here 1 s)
// and say why — on the replica she logged out at and on another replica, which learns of the logout
// from the shared revocation record.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { ApiClient, loginAs } from '../support/api-client.ts';
import { openLog, startRunningWorkflow, type RunningWorkflow } from '../support/followed-logs.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SseReader } from '../support/sse.ts';

const quickChecks = { ARGOVUE_AUTHZ_CACHE_SECONDS: '1' };

async function openEvents(client: ApiClient): Promise<SseReader> {
  const res = await client.fetch('/api/v1/workflows/events', { headers: { accept: 'text/event-stream' } });
  assert.equal(res.status, 200);
  const stream = new SseReader(res);
  await stream.waitFor('ready', (e) => e.event === 'ready');
  return stream;
}

describe('open streams end when the session is logged out', () => {
  let server: RunningServer;
  let otherReplica: RunningServer;
  let running: RunningWorkflow;
  const name = `logout-streams-${randomBytes(3).toString('hex')}`;
  before(async () => {
    server = await startServer(quickChecks);
    otherReplica = await startServer(quickChecks); // same session keys, as replicas behind a balancer
    running = await startRunningWorkflow('team-a', name);
  });
  after(async () => {
    await server.stop();
    await otherReplica.stop();
    await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('ends the live list and the followed log on the replica of the logout and on another', async () => {
    const alice = await loginAs(server.url, 'alice');
    const elsewhere = new ApiClient(otherReplica.url);
    for (const [cookie, value] of alice.cookies) elsewhere.cookies.set(cookie, value);

    const logPath = `${running.path}/logs?node=${running.nodeId}&follow=true`;
    const events = await openEvents(alice);
    const eventsElsewhere = await openEvents(elsewhere);
    const log = await openLog(alice, logPath);
    const logElsewhere = await openLog(elsewhere, logPath);
    assert.deepEqual([log.status, logElsewhere.status], [200, 200]);

    assert.equal((await alice.send('POST', '/auth/logout')).status, 200);

    for (const stream of [events, eventsElsewhere]) {
      const end = await stream.waitFor('the end of the stream', (e) => e.event === 'end', 20_000);
      assert.equal((end.data as { reason: string }).reason, 'signed-out');
      await stream.waitForEnd(5000);
    }
    for (const followed of [log, logElsewhere]) {
      const text = await followed.rest(20_000);
      assert.match(text, /… \[log stream ended: you signed out, or your session was ended\]\n$/);
    }
    // And the browser's reconnect is refused.
    const again = await elsewhere.fetch('/api/v1/workflows/events');
    assert.equal(again.status, 401);
    await again.arrayBuffer();
  });
});
