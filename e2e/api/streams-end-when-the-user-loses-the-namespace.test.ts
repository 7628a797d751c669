// Access can be taken away while a stream is open: erin (in no team) is given team-a by a
// RoleBinding of her own, opens the live list of team-a, the live list of all her namespaces and a
// followed log there; an admin deletes the RoleBinding. Within the authorization period (here 1 s)
// the team-a list ends (access-lost), the list of all namespaces tells the browser to list again
// (the rows of team-a must go) and the log ends saying why.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eventually, rbac } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { openLog, startRunningWorkflow, type RunningWorkflow } from '../support/followed-logs.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SseReader } from '../support/sse.ts';

async function openEvents(client: ApiClient, query: string): Promise<SseReader | undefined> {
  const res = await client.fetch(`/api/v1/workflows/events${query}`, {
    headers: { accept: 'text/event-stream' },
  });
  if (res.status !== 200) {
    await res.arrayBuffer();
    return undefined;
  }
  const stream = new SseReader(res);
  await stream.waitFor('ready', (e) => e.event === 'ready');
  return stream;
}

describe('open streams end when the user loses the namespace', () => {
  let server: RunningServer;
  let running: RunningWorkflow;
  const suffix = randomBytes(3).toString('hex');
  const binding = `erin-for-a-while-${suffix}`;
  const name = `lost-access-${suffix}`;
  before(async () => {
    server = await startServer({ ARGOVUE_AUTHZ_CACHE_SECONDS: '1' });
    await rbac.createNamespacedRoleBinding({
      namespace: 'team-a',
      body: {
        metadata: { name: binding },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'argovue-user' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'oidc:erin@example.com' }],
      },
    });
    running = await startRunningWorkflow('team-a', name);
  });
  after(async () => {
    await server.stop();
    await rbac.deleteNamespacedRoleBinding({ namespace: 'team-a', name: binding }).catch(() => undefined);
    await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('ends the namespace’s streams and resets the list of all namespaces', async () => {
    const erin = await loginAs(server.url, 'erin');
    // The binding takes effect once the apiserver's RBAC informer has seen it.
    const one = await eventually(
      'erin’s access to team-a',
      () => openEvents(erin, '?namespace=team-a'),
      20_000,
    );
    const all = await openEvents(erin, '');
    assert.ok(all);
    const log = await openLog(erin, `${running.path}/logs?node=${running.nodeId}&follow=true`);
    assert.equal(log.status, 200);

    await rbac.deleteNamespacedRoleBinding({ namespace: 'team-a', name: binding });

    const end = await one.waitFor('the end of the team-a stream', (e) => e.event === 'end', 30_000);
    assert.equal((end.data as { reason: string }).reason, 'access-lost');
    await one.waitForEnd(5000);
    const reset = await all.waitFor('a reset of the list', (e) => e.event === 'reset', 30_000);
    assert.equal((reset.data as { reason: string }).reason, 'access-changed');
    assert.equal(all.ended, false, 'the list of all namespaces goes on without team-a');
    assert.match(await log.rest(30_000), /… \[log stream ended: you no longer have access to this\]\n$/);
    // Opened again, the team-a stream is refused like a namespace that does not exist.
    assert.equal(await openEvents(erin, '?namespace=team-a'), undefined);
    await all.close();
  });
});
