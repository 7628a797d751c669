// The workflow archive's list queries on 100,000 archived runs, with and without ArgoVue's indexes:
// each filter and order the list offers, as ArgoVue sends it (server/src/archive/archive-sql.ts), run
// under EXPLAIN ANALYZE on the local cluster's PostgreSQL. Prints the plan's indexes and the
// database's own execution time (median of 5); asserts nothing.
//   node bench/archive-queries.ts      (BENCH_ARCHIVED=100000; BENCH_CLEANUP=1 removes the seed)
// The seed (bench/support/seed-archive.ts, shared with bench/archive-list.ts) is in the namespace
// bench-archive, written as the tables' owner (Argo's role `argo`), as Argo's controller writes them.
import type pg from 'pg';
import type { RowFilter, WorkflowSort } from '@argovue/api-types/workflow-rows';
import {
  archiveIndexes,
  migrateArchiveIndexes,
  retiredArchiveIndexes,
} from '../server/src/archive/archive-migration.ts';
import {
  archiveCountSql,
  archiveLabelRunsSql,
  archiveListSql,
  labelMatchFor,
  labelSetMax,
  type LabelMatch,
  type SqlQuery,
} from '../server/src/archive/archive-sql.ts';
import { archiveCountCap } from '../server/src/archive/workflow-archive.ts';
import {
  archiveBenchNamespace,
  archiveOwnerPool,
  removeArchiveSeed,
  seedArchive,
} from './support/seed-archive.ts';

const namespace = archiveBenchNamespace;
const wanted = Number(process.env['BENCH_ARCHIVED'] ?? '100000');
const pool = archiveOwnerPool();

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function indexesOf(plan: PlanNode): string[] {
  const own = plan['Index Name'] === undefined ? [] : [plan['Index Name']];
  return [...own, ...(plan.Plans ?? []).flatMap(indexesOf)];
}

type Explained = { 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] };
/** A pool or one of its connections (inside a transaction). */
type Runner = Pick<pg.PoolClient, 'query'>;

async function explain(db: Runner, query: SqlQuery): Promise<{ ms: number; indexes: string[] }> {
  const times: number[] = [];
  let indexes: string[] = [];
  for (let i = 0; i < 5; i++) {
    const result = await db.query<Explained>(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`, query.values);
    const [plan] = result.rows[0]?.['QUERY PLAN'] ?? [];
    if (plan === undefined) throw new Error('no plan');
    times.push(plan['Execution Time']);
    indexes = [...new Set(indexesOf(plan.Plan))];
  }
  times.sort((a, b) => a - b);
  return { ms: times[2] ?? NaN, indexes };
}

// A label filter's page is run as ArgoVue chooses (labelMatchFor) and, for comparison, as it was
// before (`lookup`: EXISTS, one labels lookup per run passed over).
const scenarios: [string, RowFilter, WorkflowSort, LabelMatch?][] = [
  ['first page, newest first', {}, '-createdAt'],
  ['phase Failed + name contains "99"', { phases: ['Failed'], nameContains: '99' }, '-createdAt'],
  ['phase Error', { phases: ['Error'] }, '-createdAt'],
  ['name contains "12345"', { nameContains: '12345' }, '-createdAt'],
  ['label team=t7', { labels: [['team', 't7']] }, '-createdAt'],
  ['label team=t7, matched as before (lookup)', { labels: [['team', 't7']] }, '-createdAt', 'lookup'],
  ['template template-3', { template: 'template-3' }, '-createdAt'],
  ['order by name', {}, 'name'],
  ['order by duration, longest first', {}, '-duration'],
];

const scope = { clusterName: 'default', instanceId: '' };
const noLive = { namespaces: [], names: [], createdAts: [] };

async function measureAll(db: Runner): Promise<Map<string, { page: string; count: string }>> {
  const out = new Map<string, { page: string; count: string }>();
  for (const [label, filter, sort, forced] of scenarios) {
    const labels = filter.labels ?? [];
    const runsSql = archiveLabelRunsSql(scope, labels, labelSetMax);
    const runs =
      labels.length === 0
        ? 0
        : (await db.query<{ runs: number }>(runsSql.text, runsSql.values)).rows[0]?.runs;
    const labelMatch = forced ?? labelMatchFor(runs ?? 0);
    const query = { namespaces: [namespace], filter, sort, live: noLive, labelMatch };
    const page = archiveListSql(scope, query, 0, 51); // a page of 50 and the row that says more follow
    const count = archiveCountSql(scope, query, archiveCountCap);
    if (page === undefined || count === undefined) continue;
    const p = await explain(db, page);
    const c = await explain(db, count);
    const show = (m: { ms: number; indexes: string[] }) =>
      `${m.ms.toFixed(2)} ms ${m.indexes.length === 0 ? '(seq scan)' : m.indexes.join('+')}`;
    out.set(label, { page: show(p), count: show(c) });
  }
  return out;
}

await seedArchive(pool, namespace, wanted);
// ArgoVue's indexes, as its start makes them (made here when no ArgoVue ran against this database yet).
await migrateArchiveIndexes(pool, (message) => console.log(message));
await pool.query('VACUUM ANALYZE argo_archived_workflows');
const withIndexes = await measureAll(pool);
// Without ArgoVue's indexes: dropped inside a transaction that is rolled back (Argo's stay).
const client = await pool.connect();
let withoutIndexes = new Map<string, { page: string; count: string }>();
try {
  await client.query('BEGIN');
  for (const name of [...archiveIndexes.map((index) => index.name), ...retiredArchiveIndexes])
    await client.query(`DROP INDEX IF EXISTS ${name}`);
  withoutIndexes = await measureAll(client);
} finally {
  await client.query('ROLLBACK');
  client.release();
}

console.log(
  `\n${wanted.toLocaleString('en')} archived runs in one namespace; page of 50 / its count; median of 5 (EXPLAIN ANALYZE)`,
);
console.log(`| query | with ArgoVue's indexes: page | count | Argo's indexes only: page | count |`);
console.log('| --- | --- | --- | --- | --- |');
for (const [label] of scenarios) {
  const a = withIndexes.get(label);
  const b = withoutIndexes.get(label);
  console.log(
    `| ${label} | ${a?.page ?? '—'} | ${a?.count ?? '—'} | ${b?.page ?? '—'} | ${b?.count ?? '—'} |`,
  );
}
if (process.env['BENCH_CLEANUP'] === '1') {
  await removeArchiveSeed(pool, namespace);
  console.log('removed the seed');
}
await pool.end();
