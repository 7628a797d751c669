// ArgoVue reuses a page of archived rows for ARGOVUE_ARCHIVE_COUNT_CACHE_SECONDS, like the count
// (server/src/archive/reused-answers.ts), keyed by the query with the namespaces the user may list.
// On the real PostgreSQL of the local cluster: after alice (team-a) has read a list, bob (team-b)
// asking the very same URL gets none of her namespace's runs, and a run archived after alice's page
// was read appears in her list once the reuse time is over — in her namespace's list and in her list
// of all namespaces, counted in the total.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError, WorkflowList } from '@argovue/api-types';
import { devclusterArchiveEnv } from '../../devcluster/argovue-env.ts';
import { eventually } from '../../devcluster/test/cluster.ts';
import {
  archivePool,
  insertArchivedRuns,
  removeArchivedRuns,
  type ArchivedRun,
  untilListed,
} from '../support/archive-db.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTeamANamespace } from '../support/service-proxy.ts';

// A name no other run has, so a search for it lists this test's runs only.
const prefix = `reused-${randomBytes(3).toString('hex')}`;
const run = (i: number): ArchivedRun => ({
  name: `${prefix}-${i}`,
  phase: 'Succeeded',
  labels: { team: 'reuse' },
  createdAt: new Date(Date.UTC(2026, 10, 2, 0, i)).toISOString().replace('.000Z', 'Z'),
  durationSeconds: 1,
});

describe('a reused archive page', () => {
  const owner = archivePool('argo');
  let namespace: Awaited<ReturnType<typeof createTeamANamespace>>;
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;
  const queries = [`q=${prefix}`, `q=${prefix}&label=team%3Dreuse`, `q=${prefix}&sort=name`];

  async function names(client: ApiClient, path: string): Promise<{ names: string[]; total: number }> {
    const res = await client.json<WorkflowList>(path);
    assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.archive, undefined, 'the archive was read');
    return { names: res.body.items.map((row) => row.name).sort(), total: res.body.total };
  }

  before(async () => {
    namespace = await createTeamANamespace('archive-reuse');
    await insertArchivedRuns(owner, namespace.name, [run(1), run(2), run(3)]);
    // Reused for 2 s (10 by default): long enough that alice's page is reused, short for the test.
    server = await startServer({ ...devclusterArchiveEnv(), ARGOVUE_ARCHIVE_COUNT_CACHE_SECONDS: '2' });
    [alice, bob] = await Promise.all([loginAs(server.url, 'alice'), loginAs(server.url, 'bob')]);
    // Alice may list there once the apiserver's RBAC and ArgoVue's namespace cache have seen it.
    await untilListed(alice, namespace.name, `q=${prefix}`, 3);
  });

  after(async () => {
    await server.stop();
    await removeArchivedRuns(owner, namespace.name);
    await namespace.remove();
    await owner.end();
  });

  it('gives bob, asking the same URLs right after alice, none of her runs', async () => {
    const three = [run(1), run(2), run(3)].map((r) => r.name).sort();
    for (const query of queries) {
      // Alice first: her page is then kept for these very queries.
      assert.deepEqual((await names(alice, `/api/v1/workflows?${query}`)).names, three, query);
      assert.deepEqual((await names(bob, `/api/v1/workflows?${query}`)).names, [], `bob: ${query}`);
      const own = await bob.json<ApiError>(`/api/v1/namespaces/${namespace.name}/workflows?${query}`);
      assert.deepEqual([own.status, own.body.code], [404, 'NOT_FOUND'], `bob, the namespace: ${query}`);
      // And alice again, after bob: still hers.
      assert.deepEqual((await names(alice, `/api/v1/workflows?${query}`)).names, three, query);
    }
  });

  it('shows alice a run archived after her page was read, once the reuse time is over', async () => {
    const paths = queries.flatMap((query) => [
      `/api/v1/workflows?${query}`,
      `/api/v1/namespaces/${namespace.name}/workflows?${query}`,
    ]);
    for (const path of paths) assert.equal((await names(alice, path)).total, 3, path);
    await insertArchivedRuns(owner, namespace.name, [run(4)]);
    const four = [run(1), run(2), run(3), run(4)].map((r) => r.name).sort();
    for (const path of paths) {
      await eventually(
        `the new run in ${path}`,
        async () => {
          const now = await names(alice, path);
          return now.names.join() === four.join() && now.total === 4 ? true : undefined;
        },
        30_000,
      );
    }
    // Bob still sees none of them.
    for (const query of queries)
      assert.deepEqual((await names(bob, `/api/v1/workflows?${query}`)).names, [], `bob: ${query}`);
  });
});
