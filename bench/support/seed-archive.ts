// Archived runs for the archive benchmarks, written straight into the local cluster's workflow archive
// (PostgreSQL) as Argo's controller writes them: a row per run and its labels (Argo's phase label
// included, which argo server's phase filter reads), made as the tables' owner, Argo's role `argo`.
// Seeding needs no workflow to run; the seed stays for the next run.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { devclusterDir } from '../../devcluster/argovue-env.ts';

export const archiveBenchNamespace = 'bench-archive';

/** A pool as Argo's role `argo`, the archive tables' owner. */
export function archiveOwnerPool(): pg.Pool {
  return new pg.Pool({
    host: '127.0.0.1',
    port: Number(process.env['DEVCLUSTER_POSTGRES_PORT'] ?? '15432'),
    database: 'argo',
    user: 'argo',
    password: readFileSync(`${devclusterDir}/postgres-secrets/argo`, 'utf8').trim(),
    max: 1,
  });
}

/**
 * `count` runs in `namespace`, a minute apart, one in 10 failed and one in 100 an error, from 20
 * templates, labelled with one of 50 teams; made again only when fewer are there.
 */
export async function seedArchive(pool: pg.Pool, namespace: string, count: number): Promise<void> {
  const have = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM argo_archived_workflows WHERE namespace = $1',
    [namespace],
  );
  if ((have.rows[0]?.n ?? 0) >= count) {
    await settle(pool);
    return;
  }
  const t0 = performance.now();
  await pool.query('DELETE FROM argo_archived_workflows WHERE namespace = $1', [namespace]);
  await pool.query(
    `INSERT INTO argo_archived_workflows
       (clustername, instanceid, uid, name, namespace, phase, workflow, startedat, finishedat, creationtimestamp)
     SELECT 'default', '', gen_random_uuid()::text, 'run-' || i, $1::text, phase,
       jsonb_build_object(
         'apiVersion', 'argoproj.io/v1alpha1', 'kind', 'Workflow',
         'metadata', jsonb_build_object('name', 'run-' || i, 'namespace', $1::text,
           'creationTimestamp', to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'labels', jsonb_build_object('team', 't' || (i % 50), 'workflows.argoproj.io/phase', phase,
             'workflows.argoproj.io/completed', 'true')),
         'spec', jsonb_build_object('workflowTemplateRef', jsonb_build_object('name', 'template-' || (i % 20))),
         'status', jsonb_build_object('phase', phase,
           'startedAt', to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'finishedAt', to_char(ts + (i % 600) * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'progress', '8/8')),
       ts, ts + (i % 600) * interval '1 second', ts
     FROM (SELECT i, timestamp '2026-01-01' + i * interval '1 minute' AS ts,
                  CASE WHEN i % 100 = 0 THEN 'Error' WHEN i % 10 = 0 THEN 'Failed' ELSE 'Succeeded' END AS phase
           FROM generate_series(1, $2::int) AS i) AS s`,
    [namespace, count],
  );
  await pool.query(
    `INSERT INTO argo_archived_workflows_labels (clustername, uid, name, value)
     SELECT a.clustername, a.uid, l.key, l.value
     FROM argo_archived_workflows a, jsonb_each_text(a.workflow->'metadata'->'labels') AS l
     WHERE a.namespace = $1`,
    [namespace],
  );
  await settle(pool);
  console.log(`seeded ${count} archived runs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * The tables as a long-lived archive's are once autovacuum has been by: analysed, and nearly every
 * page all-visible (an index-only scan then reads no table). A VACUUM right after the seed once left
 * the labels table with no page all-visible (seen 2026-12-05 on a fresh cluster, likely beside another
 * open transaction: the controller archiving) — a label's page then read 2,000 table rows instead of
 * its index alone, 13–19 ms instead of 3 — so it is run again until they are, a few times.
 */
async function settle(pool: pg.Pool): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await pool.query('VACUUM ANALYZE argo_archived_workflows');
    await pool.query('VACUUM ANALYZE argo_archived_workflows_labels');
    const visible = await pool.query<{ share: number }>(
      `SELECT min(relallvisible::float / greatest(relpages, 1)) AS share FROM pg_class
       WHERE relname IN ('argo_archived_workflows', 'argo_archived_workflows_labels')`,
    );
    const share = visible.rows[0]?.share ?? 0;
    // Not all: pages the controller and the tests wrote lately may not be yet.
    if (share >= 0.9) return;
    if (attempt === 10) {
      console.log(
        `the archive's tables are ${(share * 100).toFixed(0)}% all-visible: index-only scans will read the tables`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export async function removeArchiveSeed(pool: pg.Pool, namespace: string): Promise<void> {
  await pool.query('DELETE FROM argo_archived_workflows WHERE namespace = $1', [namespace]);
}
