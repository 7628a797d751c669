// The archive's window (server/src/archive/archive-window.ts): ArgoVue keeps the newest archived runs
// in memory, current through the notifications of its trigger on Argo's table. On the local cluster's
// real PostgreSQL, with 500 archived runs in a namespace of team-a's and a window of 300 runs, a
// server with the window lists alice exactly what a server reading PostgreSQL for every page lists —
// first pages and every page after, past the window's oldest run, for the filters the UI offers —
// and keeps doing so while runs are archived, written again and deleted, and after its listening
// connection is cut. That it answers from memory is shown by a change made with the trigger off,
// which it does not see until the run is written again. Bob (team-b) gets none of these runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WorkflowList, WorkflowListTotal } from '@argovue/api-types';
import { devclusterArchiveEnv } from '../../devcluster/argovue-env.ts';
import { eventually } from '../../devcluster/test/cluster.ts';
import {
  archivePool,
  insertArchivedRuns,
  removeArchivedRuns,
  type ArchivedRun,
  untilListed,
  listsNoneOf,
} from '../support/archive-db.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTeamANamespace } from '../support/service-proxy.ts';

const count = 500;
// The newest runs of the archive: created in the last hours, in pairs of the same second (ties).
const base = Math.floor(Date.now() / 1000) * 1000 - 3 * 3600_000;
const at = (seconds: number): string => new Date(base + seconds * 1000).toISOString().replace('.000Z', 'Z');
const runs: ArchivedRun[] = Array.from({ length: count }, (_, i) => ({
  name: `run-${String((i * 7919) % count).padStart(3, '0')}`,
  phase: i % 3 === 0 ? 'Failed' : 'Succeeded',
  labels: { team: `t${i % 4}` },
  createdAt: at(Math.floor(i / 2)),
  durationSeconds: i % 7,
}));
// The filters the UI offers, as the API takes them.
const queries = [
  '',
  'phase=Failed',
  'phase=Failed&q=1',
  'label=team%3Dt1',
  'label=team%3Dt2&phase=Succeeded&q=2',
];

describe("the archive's window of newest runs", () => {
  const env = { ...devclusterArchiveEnv(), ARGOVUE_ARCHIVE_COUNT_CACHE_SECONDS: '0' };
  const owner = archivePool('argo');
  // ArgoVue's role, which may end its own connections.
  const reader = archivePool('argovue');
  let namespace: Awaited<ReturnType<typeof createTeamANamespace>>;
  let windowed: RunningServer;
  let direct: RunningServer;
  let alice: ApiClient;
  let aliceDirect: ApiClient;
  let bob: ApiClient;

  /** Every row alice is listed for `query`, page by page (pages of 40), as "name phase". */
  async function listed(client: ApiClient, query: string): Promise<string[]> {
    const rows: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 50; page++) {
      const res = await client.json<WorkflowList>(
        `/api/v1/namespaces/${namespace.name}/workflows?${query}&limit=40` +
          (token === undefined ? '' : `&continue=${token}`),
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.archive, undefined, 'the archive was read');
      rows.push(...res.body.items.map((row) => `${row.name} ${row.phase}`));
      token = res.body.continue;
      if (token === undefined) return rows;
    }
    throw new Error('more than 50 pages');
  }

  /** The first page of the default list, as "name phase". */
  async function firstPage(client: ApiClient): Promise<string[]> {
    const res = await client.json<WorkflowList>(`/api/v1/namespaces/${namespace.name}/workflows?limit=40`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items.map((row) => `${row.name} ${row.phase}`);
  }

  /** The first page of the default list from each server, once they agree (the window applies a change in ms). */
  const agreeing = (what: string, check: (rows: string[]) => boolean = () => true): Promise<string[]> =>
    eventually(
      what,
      async () => {
        const [ours, theirs] = await Promise.all([firstPage(alice), firstPage(aliceDirect)]);
        return ours.join() === theirs.join() && check(ours) ? ours : undefined;
      },
      30_000,
    );

  /** Sets a run's phase as the tables' owner (the trigger tells the window). */
  async function setPhase(name: string, phase: string): Promise<void> {
    await owner.query('UPDATE argo_archived_workflows SET phase = $3 WHERE namespace = $1 AND name = $2', [
      namespace.name,
      name,
      phase,
    ]);
  }

  /** Sets a run's phase with the trigger off: a change the window is not told of. */
  async function unnoticed(name: string, phase: string): Promise<void> {
    await owner.query('ALTER TABLE argo_archived_workflows DISABLE TRIGGER argovue_archive_changed');
    try {
      await setPhase(name, phase);
    } finally {
      await owner.query('ALTER TABLE argo_archived_workflows ENABLE TRIGGER argovue_archive_changed');
    }
  }

  /**
   * Waits until alice's first page, whose first row is `name` in `phase`, comes from memory: a
   * change it is not told of stays unseen (put back, told, after each look).
   */
  const answersFromMemory = (name: string, phase: string): Promise<true> =>
    eventually(
      'the window to answer from memory',
      async () => {
        await unnoticed(name, 'Error');
        const seen = (await firstPage(alice))[0];
        await setPhase(name, phase);
        return seen === `${name} ${phase}` ? true : undefined;
      },
      60_000,
    );

  before(async () => {
    namespace = await createTeamANamespace('archive-window');
    await insertArchivedRuns(owner, namespace.name, runs);
    [windowed, direct] = await Promise.all([
      startServer({ ...env, ARGOVUE_ARCHIVE_WINDOW_RUNS: '300' }),
      startServer({ ...env, ARGOVUE_ARCHIVE_WINDOW_RUNS: '0' }),
    ]);
    [alice, aliceDirect, bob] = await Promise.all([
      loginAs(windowed.url, 'alice'),
      loginAs(direct.url, 'alice'),
      loginAs(windowed.url, 'bob'),
    ]);
    await untilListed(alice, namespace.name, 'limit=1', 1);
    await untilListed(aliceDirect, namespace.name, 'limit=1', 1);
  });

  after(async () => {
    await Promise.all([windowed.stop(), direct.stop()]);
    await removeArchivedRuns(owner, namespace.name);
    await namespace.remove();
    await owner.end();
    await reader.end();
  });

  it('lists alice the same rows in the same order as PostgreSQL, for each filter, past its oldest run too', async () => {
    for (const query of queries) {
      const expected = await listed(aliceDirect, query);
      assert.ok(expected.length > 0, `${query}: some rows match`);
      assert.deepEqual(await listed(alice, query), expected, query);
    }
    assert.equal((await listed(alice, '')).length, count);
  });

  it('counts from memory when it holds the whole archive: the totals PostgreSQL counts, sent with the page', async () => {
    // Larger than the local cluster's archive (a benchmark's seed is 100,000 runs).
    const whole = await startServer({ ...env, ARGOVUE_ARCHIVE_WINDOW_RUNS: '200000' });
    try {
      await eventually('its window to hold the whole archive', () =>
        Promise.resolve(whole.output().includes('its window holds all') ? true : undefined),
      );
      const aliceWhole = await loginAs(whole.url, 'alice');
      await untilListed(aliceWhole, namespace.name, 'limit=1', 1);
      for (const query of queries) {
        const page = await aliceWhole.json<WorkflowList>(
          `/api/v1/namespaces/${namespace.name}/workflows?${query}&limit=40`,
        );
        const counted = await aliceDirect.json<WorkflowListTotal>(
          `/api/v1/workflows/total?namespace=${namespace.name}&${query}`,
        );
        assert.equal(counted.status, 200);
        assert.equal(page.body.totalCounting, undefined, `${query}: the total comes with the page`);
        assert.equal(page.body.total, counted.body.total, query);
        const total = await aliceWhole.json<WorkflowListTotal>(
          `/api/v1/workflows/total?namespace=${namespace.name}&${query}`,
        );
        assert.equal(total.body.total, counted.body.total, query);
      }
    } finally {
      await whole.stop();
    }
  });

  it('answers from memory: a change made with its trigger off is not seen until the run is written again', async () => {
    const [newest, phase] = (await agreeing('both lists to agree'))[0]?.split(' ') ?? [];
    assert.ok(newest !== undefined && phase !== undefined);
    await answersFromMemory(newest, phase);
    await unnoticed(newest, 'Error');
    assert.equal((await firstPage(aliceDirect))[0], `${newest} Error`, 'PostgreSQL holds the change');
    // Written again with the trigger on, as the controller writes: the window reads the run anew.
    await setPhase(newest, 'Error');
    await agreeing('the window to read the run again', (rows) => rows[0] === `${newest} Error`);
    await setPhase(newest, phase);
  });

  it('follows runs archived and deleted, and lists the same as PostgreSQL after', async () => {
    const fresh: ArchivedRun[] = [
      {
        name: 'newly-archived',
        phase: 'Succeeded',
        labels: { team: 't1' },
        createdAt: at(4 * 3600),
        durationSeconds: 3,
      },
    ];
    await insertArchivedRuns(owner, namespace.name, fresh);
    await agreeing(
      'the newly archived run to be listed first',
      (rows) => rows[0] === 'newly-archived Succeeded',
    );
    await owner.query('DELETE FROM argo_archived_workflows WHERE namespace = $1 AND name = ANY($2::text[])', [
      namespace.name,
      ['newly-archived', 'run-000', 'run-001'],
    ]);
    await agreeing(
      'the deleted runs to be gone',
      (rows) => !rows.some((row) => row.startsWith('newly-archived')),
    );
    for (const query of queries)
      assert.deepEqual(await listed(alice, query), await listed(aliceDirect, query), query);
  });

  it('keeps listing what PostgreSQL holds when its connection is cut, and answers from memory again once back', async () => {
    const cut = await reader.query<{ cut: boolean }>(
      "SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = 'argovue' AND query = 'LISTEN argovue_archive'",
    );
    assert.ok(cut.rows.length >= 1 && cut.rows.every((r) => r.cut), 'the listening connections were cut');
    // Archived while it may not listen: read by the window when it loads again.
    await insertArchivedRuns(owner, namespace.name, [
      {
        name: 'archived-meanwhile',
        phase: 'Failed',
        labels: {},
        createdAt: at(5 * 3600),
        durationSeconds: 1,
      },
    ]);
    await agreeing(
      'the run archived meanwhile to be listed first',
      (rows) => rows[0] === 'archived-meanwhile Failed',
    );
    for (const query of queries)
      assert.deepEqual(await listed(alice, query), await listed(aliceDirect, query), query);
    await answersFromMemory('archived-meanwhile', 'Failed');
  });

  it('lists bob (team-b) none of them: his list of all namespaces, a search, and the namespace as if it did not exist', async () => {
    // Pages of 50, which the window answers (1,000 rows would reach past it, to PostgreSQL).
    await listsNoneOf(bob, namespace.name, ['', 'q=run-', 'label=team%3Dt1'], 50);
  });
});
