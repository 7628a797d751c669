// Many logouts keep working: once the revocations of sessions expiring about the same time fill a
// ConfigMap (20,000 of them, ~800 KB; one object could not hold them all, etcd stops at ~1.5 MiB), the
// next logout spills into another and is still honoured by every replica; revocations whose sessions
// have all expired are deleted.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  bucketEndOf,
  maxEntriesPerShard,
  revokedSessionsLabel,
  shardName,
} from '../../server/src/auth/revocation-store.ts';
import { core, eventually } from '../../devcluster/test/cluster.ts';
import { ApiClient, loginAs } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const namespace = 'argovue-system';
const sessionSeconds = 3600;

function fullShard(bucketEnd: number): Record<string, string> {
  const data: Record<string, string> = {};
  for (let i = 0; i < maxEntriesPerShard; i++)
    data[randomBytes(18).toString('base64url')] = String(bucketEnd - 1);
  return data;
}

async function createShard(name: string, data: Record<string, string>): Promise<void> {
  await core.createNamespacedConfigMap({
    namespace,
    body: {
      metadata: { name, labels: { [revokedSessionsLabel]: 'true', 'argovue.dev/test': 'true' } },
      data,
    },
  });
}

async function refusedBy(client: ApiClient): Promise<true | undefined> {
  return (await client.json('/api/v1/me')).status === 401 ? true : undefined;
}

describe('logouts past what one ConfigMap holds', () => {
  let server: RunningServer;
  let otherReplica: RunningServer;
  const seeded: string[] = [];
  const expired = shardName(bucketEndOf(Date.now() / 1000 - 7200), 0);

  before(async () => {
    // The sessions made below expire within the next two buckets: both are seeded full.
    const soon = Date.now() / 1000 + sessionSeconds;
    for (const bucketEnd of new Set([bucketEndOf(soon), bucketEndOf(soon + 120)])) {
      const name = shardName(bucketEnd, 0);
      await core.deleteNamespacedConfigMap({ name, namespace }).catch(() => undefined);
      await createShard(name, fullShard(bucketEnd));
      seeded.push(name, shardName(bucketEnd, 1));
    }
    await createShard(expired, { [randomBytes(18).toString('base64url')]: '1' });
    seeded.push(expired);
    const env = { ARGOVUE_SESSION_SECONDS: String(sessionSeconds) };
    server = await startServer(env);
    otherReplica = await startServer(env); // same session key, as replicas behind a load balancer
  });
  after(async () => {
    await server.stop();
    await otherReplica.stop();
    for (const name of seeded)
      await core.deleteNamespacedConfigMap({ name, namespace }).catch(() => undefined);
  });

  it('still ends each session on every replica, logout after logout', async () => {
    for (let i = 0; i < 3; i++) {
      const alice = await loginAs(server.url, 'alice');
      const elsewhere = new ApiClient(otherReplica.url);
      for (const [name, value] of alice.cookies) elsewhere.cookies.set(name, value);
      assert.equal((await elsewhere.json('/api/v1/me')).status, 200, 'the session works on both replicas');

      assert.equal((await alice.send('POST', '/auth/logout')).status, 200);
      await eventually(`logout ${i + 1} to reach the other replica`, () => refusedBy(elsewhere), 15_000);
    }
    // They went past the full one, into the next shard of their bucket.
    const spilled = await core.listNamespacedConfigMap({ namespace, labelSelector: revokedSessionsLabel });
    const names = spilled.items.map((item) => item.metadata?.name ?? '');
    assert.ok(
      seeded.some((name) => name.endsWith('-1') && names.includes(name)),
      `a second shard exists: ${names.join(', ')}`,
    );
  });

  it('deletes the revocations of sessions that have all expired', async () => {
    await eventually(
      `${expired} to be deleted`,
      async () =>
        (await core.readNamespacedConfigMap({ name: expired, namespace }).then(
          () => false,
          () => true,
        ))
          ? true
          : undefined,
      15_000,
    );
  });
});
