// The RBAC matrix: every demo user × every namespace endpoint × namespaces that exist (bound to
// some team, or to nobody) and one that does not. A user sees exactly the namespaces their groups
// are bound to, and a refused namespace answers exactly like a missing one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiError, NamespaceList, NamespaceSummary, WorkflowList } from '@argovue/api-types';
import { demoUsers } from '../../devcluster/oidc/users.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { namespacesByUser as expected } from '../support/demo-access.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const probed = ['team-a', 'team-b', 'kube-system', 'argovue-system', 'argo', 'no-such-namespace-4f2a'];

describe('RBAC matrix: users × namespace endpoints × namespaces', () => {
  let server: RunningServer;
  const clients = new Map<string, ApiClient>();
  before(async () => {
    server = await startServer();
    for (const user of demoUsers) clients.set(user.username, await loginAs(server.url, user.username));
  });
  after(async () => {
    await server.stop();
  });

  it('covers every demo user', () => {
    assert.deepEqual(Object.keys(expected).sort(), demoUsers.map((u) => u.username).sort());
  });

  for (const [username, namespaces] of Object.entries(expected)) {
    it(`${username} lists exactly ${namespaces.join(', ') || 'no namespace'}`, async () => {
      const client = clients.get(username);
      assert.ok(client);
      const { status, body } = await client.json<NamespaceList>('/api/v1/namespaces');
      assert.equal(status, 200);
      assert.deepEqual(body.items.map((ns) => ns.name).sort(), [...namespaces]);
    });

    it(`${username} can open only their namespaces, and others look missing`, async () => {
      const client = clients.get(username);
      assert.ok(client);
      for (const namespace of probed) {
        const res: { status: number; body: NamespaceSummary | ApiError } = await client.json(
          `/api/v1/namespaces/${namespace}`,
        );
        const { status, body } = res;
        if (namespaces.includes(namespace)) {
          assert.equal(status, 200, `${username} opens ${namespace}`);
          assert.equal((body as NamespaceSummary).name, namespace);
        } else {
          assert.equal(status, 404, `${username} is refused ${namespace}`);
          const error = body as ApiError;
          assert.equal(error.code, 'NOT_FOUND');
          // Same words for "does not exist" and "not yours", but for the name itself.
          assert.equal(
            error.message.replace(namespace, 'NS'),
            'Namespace NS was not found, or you have no access to it.',
          );
        }
      }
    });
  }

  for (const [username, namespaces] of Object.entries(expected)) {
    it(`${username} lists workflows only of ${namespaces.join(', ') || 'no namespace'}`, async () => {
      const client = clients.get(username);
      assert.ok(client);
      const all = await client.json<WorkflowList>('/api/v1/workflows?limit=1000');
      assert.equal(all.status, 200);
      // The demo has workflows in team-a and in team-b: every allowed namespace shows rows, no other does.
      const seen = [...new Set(all.body.items.map((w) => w.namespace))].sort();
      assert.deepEqual(seen, [...namespaces]);
      assert.equal(all.body.total, all.body.items.length);
      for (const namespace of probed) {
        const res: { status: number; body: WorkflowList | ApiError } = await client.json(
          `/api/v1/namespaces/${namespace}/workflows`,
        );
        if (namespaces.includes(namespace)) {
          assert.equal(res.status, 200, `${username} lists workflows of ${namespace}`);
          assert.ok((res.body as WorkflowList).items.every((w) => w.namespace === namespace));
        } else {
          assert.equal(res.status, 404, `${username} is refused the workflows of ${namespace}`);
          assert.equal(
            (res.body as ApiError).message.replace(namespace, 'NS'),
            'Namespace NS was not found, or you have no access to it.',
          );
        }
      }
    });
  }

  it('refuses a malformed workflow query with a clear error', async () => {
    const client = clients.get('alice');
    assert.ok(client);
    const { status, body } = await client.json<ApiError>('/api/v1/workflows?phase=Exploded&limit=0');
    assert.equal(status, 400);
    assert.equal(body.code, 'INPUT_INVALID');
    assert.match(body.message, /phase must be one of/);
  });

  it('shows quotas, workflow counts and members where RBAC lets the user read them', async () => {
    const client = clients.get('alice');
    assert.ok(client);
    const { body } = await client.json<NamespaceSummary>('/api/v1/namespaces/team-a');
    const cpu = body.quota.find((q) => q.resource === 'requests.cpu');
    assert.equal(cpu?.hard, '16');
    assert.equal(cpu.hardValue, 16);
    const gpu = body.quota.find((q) => q.resource === 'requests.nvidia.com/gpu');
    assert.equal(gpu?.hardValue, 2);
    assert.ok(body.workflows, 'alice may list workflows in team-a');
    assert.ok(
      body.members?.some((m) => m.kind === 'Group' && m.name === 'oidc:team-a' && m.role === 'argovue-user'),
    );
  });

  it('refuses a malformed namespace name before looking it up', async () => {
    const client = clients.get('alice');
    assert.ok(client);
    const { status, body } = await client.json<ApiError>('/api/v1/namespaces/Not_A..Name');
    assert.equal(status, 400);
    assert.equal(body.code, 'INPUT_INVALID');
  });
});
