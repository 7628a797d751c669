// A session that expires while its streams are open ends them: with sessions of 60 s (the shortest
// allowed), alice's live list and followed log end within the authorization period after the
// session's end, saying why, instead of running on for as long as the browser keeps them.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Me } from '@argovue/api-types';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs } from '../support/api-client.ts';
import { openLog, startRunningWorkflow, type RunningWorkflow } from '../support/followed-logs.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SseReader } from '../support/sse.ts';

describe('open streams end when the session expires', () => {
  let server: RunningServer;
  let running: RunningWorkflow;
  const name = `expiring-streams-${randomBytes(3).toString('hex')}`;
  before(async () => {
    server = await startServer({ ARGOVUE_SESSION_SECONDS: '60', ARGOVUE_AUTHZ_CACHE_SECONDS: '1' });
    running = await startRunningWorkflow('team-a', name);
  });
  after(async () => {
    await server.stop();
    await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('ends the live list and the followed log once the session is over', async () => {
    const alice = await loginAs(server.url, 'alice');
    const me = await alice.json<Me>('/api/v1/me');
    const expiresAt = Date.parse(me.body.sessionExpiresAt);
    const res = await alice.fetch('/api/v1/workflows/events', { headers: { accept: 'text/event-stream' } });
    assert.equal(res.status, 200);
    const events = new SseReader(res);
    await events.waitFor('ready', (e) => e.event === 'ready');
    const log = await openLog(alice, `${running.path}/logs?node=${running.nodeId}&follow=true`);
    assert.equal(log.status, 200);

    // Bounded by the session's 60 s and a margin; the test waits for the end, it does not time it.
    const end = await events.waitFor('the end of the stream', (e) => e.event === 'end', 90_000);
    assert.equal((end.data as { reason: string }).reason, 'session-expired');
    assert.ok(Date.now() >= expiresAt, 'not before the session ended');
    assert.match(await log.rest(30_000), /… \[log stream ended: your session expired; sign in again\]\n$/);
  });
});
