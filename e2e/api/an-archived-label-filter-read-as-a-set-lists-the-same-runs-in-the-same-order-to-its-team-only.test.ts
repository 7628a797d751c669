// The archive's label filter has two query shapes (server/src/archive/archive-sql.ts): `lookup`, the
// EXISTS in the labels table it always had, and `set`, the label's runs read once into a hashed set,
// which the list takes for a label on more than 1,000 runs. On the real PostgreSQL of the local
// cluster, with 1,200 archived runs in a namespace of team-a's (pairs made in the same second, so the
// orders' ties count), both shapes give the same rows in the same order for a label alone and with
// phase, name and a second label, in one read and page by page; alice pages through the list over
// the API and gets exactly those rows, each once; bob (team-b) gets nothing of them anywhere.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { WorkflowList } from '@argovue/api-types';
import type { RowFilter, WorkflowSort } from '@argovue/api-types/workflow-rows';
import { devclusterArchiveEnv } from '../../devcluster/argovue-env.ts';
import {
  archiveLabelRunsSql,
  archiveListSql,
  labelMatchFor,
  labelSetMax,
  type LabelMatch,
} from '../../server/src/archive/archive-sql.ts';
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

const key = `argovue.dev/shape-${randomBytes(3).toString('hex')}`;
const count = 1_200;
const runs: ArchivedRun[] = Array.from({ length: count }, (_, i) => ({
  // Names in another order than their creation: the name order is not the time order.
  name: `run-${String((i * 7919) % count).padStart(4, '0')}`,
  phase: i % 17 === 0 ? 'Error' : i % 3 === 0 ? 'Failed' : 'Succeeded',
  labels: { [key]: 'all', team: `t${i % 4}` },
  createdAt: new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 2) * 60_000).toISOString().replace('.000Z', 'Z'),
  durationSeconds: i % 7,
}));

// [what, the API's query, the same as a RowFilter]
const filters: [string, string, RowFilter][] = [
  ['the label', `label=${encodeURIComponent(`${key}=all`)}`, { labels: [[key, 'all']] }],
  [
    'the label, phase Failed and a name with "1"',
    `label=${encodeURIComponent(`${key}=all`)}&phase=Failed&q=1`,
    { labels: [[key, 'all']], phases: ['Failed'], nameContains: '1' },
  ],
  [
    'the label and team=t1',
    `label=${encodeURIComponent(`${key}=all,team=t1`)}`,
    {
      labels: [
        [key, 'all'],
        ['team', 't1'],
      ],
    },
  ],
  [
    'the label, team=t2, phases Failed and Error, a name with "2"',
    `label=${encodeURIComponent(`${key}=all,team=t2`)}&phase=Failed,Error&q=2`,
    {
      labels: [
        [key, 'all'],
        ['team', 't2'],
      ],
      phases: ['Failed', 'Error'],
      nameContains: '2',
    },
  ],
];
const sorts: WorkflowSort[] = ['-createdAt', 'createdAt', 'name', '-duration'];

describe('an archived label filter read as a set', () => {
  const owner = archivePool('argo');
  const reader = archivePool('argovue');
  let namespace: Awaited<ReturnType<typeof createTeamANamespace>>;
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;

  /** The names of the rows `filter` matches, in `sort`'s order, read with `match`, `limit` a page. */
  async function namesBy(
    filter: RowFilter,
    sort: WorkflowSort,
    match: LabelMatch,
    limit = count + 1,
  ): Promise<string[]> {
    const names: string[] = [];
    for (let offset = 0; offset <= count; offset += limit) {
      const sql = archiveListSql(
        { clusterName: 'default', instanceId: '' },
        {
          namespaces: [namespace.name],
          filter,
          sort,
          live: { namespaces: [], names: [], createdAts: [] },
          labelMatch: match,
        },
        offset,
        limit,
      );
      assert.ok(sql !== undefined);
      const page = await reader.query<{ name: string }>(sql.text, sql.values);
      names.push(...page.rows.map((r) => r.name));
      if (page.rows.length < limit) break;
    }
    return names;
  }

  before(async () => {
    namespace = await createTeamANamespace('archive-labels');
    await insertArchivedRuns(owner, namespace.name, runs);
    server = await startServer(devclusterArchiveEnv());
    [alice, bob] = await Promise.all([loginAs(server.url, 'alice'), loginAs(server.url, 'bob')]);
    // Alice may list there once the apiserver's RBAC and ArgoVue's namespace cache have seen it.
    await untilListed(alice, namespace.name, 'limit=1', 1);
  });

  after(async () => {
    await server.stop();
    await removeArchivedRuns(owner, namespace.name);
    await namespace.remove();
    await owner.end();
    await reader.end();
  });

  it('is the shape the list takes for a label on more than 1,000 runs', async () => {
    const sql = archiveLabelRunsSql({ clusterName: 'default', instanceId: '' }, [[key, 'all']], labelSetMax);
    const result = await reader.query<{ runs: number }>(sql.text, sql.values);
    assert.equal(result.rows[0]?.runs, count);
    assert.equal(labelMatchFor(count), 'set');
  });

  for (const [what, , filter] of filters) {
    it(`gives the rows of the lookup, in the same order, for ${what} in each sort, whole and in pages`, async () => {
      for (const sort of sorts) {
        const expected = await namesBy(filter, sort, 'lookup');
        assert.ok(expected.length > 0, `${what}: some rows match`);
        assert.deepEqual(await namesBy(filter, sort, 'set'), expected, `${what}, ${sort}`);
        assert.deepEqual(await namesBy(filter, sort, 'set', 37), expected, `${what}, ${sort}, pages of 37`);
      }
    });
  }

  for (const [what, query, filter] of filters) {
    it(`lists alice exactly those rows, each once, page by page, for ${what}`, async () => {
      for (const sort of ['-createdAt', 'name'] as const) {
        const expected = await namesBy(filter, sort, 'lookup');
        const names: string[] = [];
        let token: string | undefined;
        let total = -1;
        for (let page = 0; page < 100 && total === -1; page++) {
          const res = await alice.json<WorkflowList>(
            `/api/v1/namespaces/${namespace.name}/workflows?${query}&sort=${sort}&limit=50` +
              (token === undefined ? '' : `&continue=${token}`),
          );
          assert.equal(res.status, 200, JSON.stringify(res.body));
          assert.equal(res.body.archive, undefined, 'the archive was read');
          assert.ok(res.body.items.every((row) => row.archivedUid !== undefined));
          names.push(...res.body.items.map((row) => row.name));
          token = res.body.continue;
          if (token === undefined) total = res.body.total;
        }
        assert.deepEqual(names, expected, `${what}, ${sort}`);
        assert.equal(total, expected.length, 'the last page’s total is the rows listed');
      }
    });
  }

  it('lists bob (team-b) none of them: his lists, searches and the namespace answer as if they did not exist', async () => {
    await listsNoneOf(bob, namespace.name, [...filters.map(([, query]) => query), 'q=run-'], 1000);
  });
});
