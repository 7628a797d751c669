// The local cluster's workflow archive (PostgreSQL), for tests that need archived runs in numbers the
// controller would take minutes to make: rows written as Argo's controller writes them (a row per run
// and one per label, persist/sqldb/workflow_archive.go), as the tables' owner, Argo's role `argo`.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { ApiError, WorkflowList } from '@argovue/api-types';
import { devclusterDir } from '../../devcluster/argovue-env.ts';
import { eventually } from '../../devcluster/test/cluster.ts';
import type { ApiClient } from './api-client.ts';

/** A pool as `argo` (the tables' owner, which writes) or `argovue` (ArgoVue's role, which reads). */
export function archivePool(role: 'argo' | 'argovue'): pg.Pool {
  return new pg.Pool({
    host: '127.0.0.1',
    port: Number(process.env['DEVCLUSTER_POSTGRES_PORT'] ?? '15432'),
    database: 'argo',
    user: role,
    password: readFileSync(`${devclusterDir}/postgres-secrets/${role}`, 'utf8').trim(),
    max: 1,
  });
}

export interface ArchivedRun {
  name: string;
  phase: 'Succeeded' | 'Failed' | 'Error';
  labels: Record<string, string>;
  /** RFC 3339, whole seconds. */
  createdAt: string;
  durationSeconds: number;
}

/** Writes `runs` into `namespace` of the archive (cluster `default`, no instance id), with their labels. */
export async function insertArchivedRuns(
  owner: pg.Pool,
  namespace: string,
  runs: readonly ArchivedRun[],
): Promise<void> {
  const uids = runs.map(() => randomUUID());
  const workflows = runs.map((run) => {
    const finished = new Date(Date.parse(run.createdAt) + run.durationSeconds * 1000).toISOString();
    return JSON.stringify({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: run.name, namespace, creationTimestamp: run.createdAt, labels: run.labels },
      spec: { entrypoint: 'main' },
      status: { phase: run.phase, startedAt: run.createdAt, finishedAt: finished.replace('.000Z', 'Z') },
    });
  });
  await owner.query(
    `INSERT INTO argo_archived_workflows
       (clustername, instanceid, uid, name, namespace, phase, workflow, startedat, finishedat, creationtimestamp)
     SELECT 'default', '', w.uid, w.workflow->'metadata'->>'name', $1::text, w.workflow->'status'->>'phase',
       w.workflow, (w.workflow->'status'->>'startedAt')::timestamptz AT TIME ZONE 'UTC',
       (w.workflow->'status'->>'finishedAt')::timestamptz AT TIME ZONE 'UTC',
       (w.workflow->'metadata'->>'creationTimestamp')::timestamptz AT TIME ZONE 'UTC'
     FROM unnest($2::text[], $3::jsonb[]) AS w(uid, workflow)`,
    [namespace, uids, workflows],
  );
  await owner.query(
    `INSERT INTO argo_archived_workflows_labels (clustername, uid, name, value)
     SELECT a.clustername, a.uid, l.key, l.value
     FROM argo_archived_workflows a, jsonb_each_text(a.workflow->'metadata'->'labels') AS l
     WHERE a.uid = ANY($1::text[])`,
    [uids],
  );
  // The planner's figures for the new rows, as autovacuum would make them a little later.
  await owner.query('ANALYZE argo_archived_workflows');
  await owner.query('ANALYZE argo_archived_workflows_labels');
}

/** Removes every archived run of `namespace` (their labels go with them: ON DELETE CASCADE). */
export async function removeArchivedRuns(owner: pg.Pool, namespace: string): Promise<void> {
  await owner.query('DELETE FROM argo_archived_workflows WHERE namespace = $1', [namespace]);
}

/**
 * Waits until `client` lists `count` rows of a namespace just made with archived runs in it, asked
 * with `query`: the apiserver's RBAC and ArgoVue's namespace cache must have seen the namespace first.
 */
export async function untilListed(
  client: ApiClient,
  namespace: string,
  query: string,
  count: number,
): Promise<void> {
  await eventually(
    'the archived runs of the new namespace to be listed',
    async () => {
      const res = await client.json<WorkflowList>(`/api/v1/namespaces/${namespace}/workflows?${query}`);
      return res.status === 200 && res.body.items.length === count ? true : undefined;
    },
    30_000,
  );
}

/**
 * Asserts that `client` (a user of another team) is listed no run of `namespace` for any of
 * `queries` (API query strings; a search is one): not in their list of every namespace, in pages of
 * `limit`, and the namespace's own list answers as one that does not exist.
 */
export async function listsNoneOf(
  client: ApiClient,
  namespace: string,
  queries: readonly string[],
  limit: number,
): Promise<void> {
  for (const query of queries) {
    const all = await client.json<WorkflowList>(`/api/v1/workflows?${query}&limit=${limit}`);
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.items.filter((row) => row.namespace === namespace),
      [],
      `${query}: the list of all namespaces`,
    );
    const own = await client.json<ApiError>(`/api/v1/namespaces/${namespace}/workflows?${query}`);
    const missing = await client.json<ApiError>(`/api/v1/namespaces/no-such-${namespace}/workflows?${query}`);
    assert.deepEqual([own.status, own.body.code], [missing.status, missing.body.code], query);
    assert.equal(own.status, 404);
  }
}
