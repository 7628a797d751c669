// A workflow's live page stream is opened as the user, and access is asked again while it runs.
// bob (team-b) asking for team-a's running workflow gets exactly what he gets for a name that exists
// nowhere; erin, given team-a by a RoleBinding of her own, follows the workflow until an admin deletes
// the binding: within the authorization period (here 1 s) her stream ends saying access-lost, and
// opened again it answers like a missing workflow.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { eventually, rbac } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs } from '../support/api-client.ts';
import { startRunningWorkflow } from '../support/followed-logs.ts';
import { openLiveWorkflow } from '../support/live-workflow.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('another team’s workflow stream, and a stream whose access is taken away', () => {
  let server: RunningServer;
  const suffix = randomBytes(3).toString('hex');
  const name = `live-access-${suffix}`;
  const nowhere = `nowhere-${suffix}`;
  const binding = `erin-follows-${suffix}`;
  before(async () => {
    server = await startServer({ ARGOVUE_AUTHZ_CACHE_SECONDS: '1' });
    await startRunningWorkflow('team-a', name);
  });
  after(async () => {
    await server.stop();
    await rbac.deleteNamespacedRoleBinding({ namespace: 'team-a', name: binding }).catch(() => undefined);
    await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('answers bob exactly as for a workflow that does not exist', async () => {
    const [alice, bob] = await Promise.all([loginAs(server.url, 'alice'), loginAs(server.url, 'bob')]);
    const theirs = await openLiveWorkflow(alice, 'team-a', name);
    assert.equal(theirs.status, 200, 'alice follows it (so what bob gets is not about a missing workflow)');
    await theirs.live?.close();
    const foreign = await openLiveWorkflow(bob, 'team-a', name);
    const missing = await openLiveWorkflow(bob, 'team-a', nowhere);
    assert.equal(foreign.status, 404);
    assert.equal(foreign.live, undefined);
    assert.equal((foreign.error as ApiError | undefined)?.code, 'NOT_FOUND');
    assert.deepEqual(
      JSON.parse(JSON.stringify(foreign.error).replaceAll(name, 'NAME')),
      JSON.parse(JSON.stringify(missing.error).replaceAll(nowhere, 'NAME')),
    );
  });

  it('ends erin’s stream when she loses the namespace, and then refuses it like a missing one', async () => {
    await rbac.createNamespacedRoleBinding({
      namespace: 'team-a',
      body: {
        metadata: { name: binding },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'argovue-user' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'oidc:erin@example.com' }],
      },
    });
    const erin = await loginAs(server.url, 'erin');
    // The binding takes effect once the apiserver's RBAC informer has seen it.
    const live = await eventually(
      'erin’s access to the workflow',
      async () => (await openLiveWorkflow(erin, 'team-a', name)).live,
      20_000,
    );
    const first = await live.sse.waitFor('the whole state', () => true);
    assert.equal(first.event, 'snapshot');

    await rbac.deleteNamespacedRoleBinding({ namespace: 'team-a', name: binding });

    const end = await live.sse.waitFor('the end of the stream', (e) => e.event === 'end', 30_000);
    assert.equal((end.data as { reason: string }).reason, 'access-lost');
    await live.sse.waitForEnd(5000);
    const again = await openLiveWorkflow(erin, 'team-a', name);
    const missing = await openLiveWorkflow(erin, 'team-a', nowhere);
    assert.equal(again.status, 404);
    assert.deepEqual(
      JSON.parse(JSON.stringify(again.error).replaceAll(name, 'NAME')),
      JSON.parse(JSON.stringify(missing.error).replaceAll(nowhere, 'NAME')),
    );
  });
});
