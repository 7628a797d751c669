// A live list is a watch: Kubernetes must let the user watch workflows, listing them is not enough.
// erin is given a Role in team-a that may get and list workflows but not watch them: she reads the
// list, and the live list of team-a is refused like a namespace she cannot see. Given watch too, the
// same stream opens (so the refusal was for want of watch).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError, WorkflowList } from '@argovue/api-types';
import { eventually, rbac } from '../../devcluster/test/cluster.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SseReader } from '../support/sse.ts';

describe('the live list needs watch, not only list', () => {
  let server: RunningServer;
  let erin: ApiClient;
  const name = `erin-lists-${randomBytes(3).toString('hex')}`;
  const role = (verbs: string[]) => ({
    metadata: { name },
    rules: [{ apiGroups: ['argoproj.io'], resources: ['workflows'], verbs }],
  });
  before(async () => {
    // No reuse of access decisions: the Role's change is seen at the next request.
    server = await startServer({ ARGOVUE_AUTHZ_CACHE_SECONDS: '0' });
    await rbac.createNamespacedRole({ namespace: 'team-a', body: role(['get', 'list']) });
    await rbac.createNamespacedRoleBinding({
      namespace: 'team-a',
      body: {
        metadata: { name },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'oidc:erin@example.com' }],
      },
    });
    erin = await loginAs(server.url, 'erin');
  });
  after(async () => {
    await server.stop();
    await rbac.deleteNamespacedRoleBinding({ namespace: 'team-a', name }).catch(() => undefined);
    await rbac.deleteNamespacedRole({ namespace: 'team-a', name }).catch(() => undefined);
  });

  it('lists team-a for erin but refuses her its live list', async () => {
    const list = await eventually(
      'erin’s list access to team-a',
      async () => {
        const res = await erin.json<WorkflowList>('/api/v1/namespaces/team-a/workflows');
        return res.status === 200 ? res : undefined;
      },
      20_000,
    );
    assert.ok(list.body.total > 0);
    const stream = await erin.json<ApiError>('/api/v1/workflows/events?namespace=team-a');
    assert.equal(stream.status, 404);
    assert.equal(stream.body.code, 'NOT_FOUND');
  });

  it('opens the live list once the Role allows watch', async () => {
    await rbac.replaceNamespacedRole({ namespace: 'team-a', name, body: role(['get', 'list', 'watch']) });
    const stream = await eventually(
      'the live list to open',
      async () => {
        const res = await erin.fetch('/api/v1/workflows/events?namespace=team-a', {
          headers: { accept: 'text/event-stream' },
        });
        if (res.status === 200) return new SseReader(res);
        await res.arrayBuffer();
        return undefined;
      },
      20_000,
    );
    await stream.waitFor('ready', (e) => e.event === 'ready');
    await stream.close();
  });
});
