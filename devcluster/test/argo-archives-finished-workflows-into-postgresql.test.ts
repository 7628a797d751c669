// The local cluster's workflow archive: Argo's controller, configured as Argo's docs say
// (devcluster/manifests/argo.yaml), made its tables in the local PostgreSQL and writes a finished
// workflow there, labels included; the row stays when the workflow is deleted from the cluster.
// Read as ArgoVue's database role, which may only SELECT.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { devclusterDir } from '../argovue-env.ts';
import { createTestNamespace, eventually } from './cluster.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from './workflows.ts';

describe('the workflow archive of the local cluster', () => {
  let namespace: Awaited<ReturnType<typeof createTestNamespace>>;
  const pool = new pg.Pool({
    host: '127.0.0.1',
    port: Number(process.env['DEVCLUSTER_POSTGRES_PORT'] ?? '15432'),
    database: 'argo',
    user: 'argovue',
    password: readFileSync(`${devclusterDir}/postgres-secrets/argovue`, 'utf8').trim(),
    max: 1,
  });
  before(async () => {
    namespace = await createTestNamespace('archive');
  });
  after(async () => {
    await namespace.remove();
    await pool.end();
  });

  it('has the tables Argo makes for its archive', async () => {
    const tables = await pool.query<{ name: string | null }>(
      "SELECT to_regclass('argo_archived_workflows')::text AS name UNION ALL " +
        "SELECT to_regclass('argo_archived_workflows_labels')::text",
    );
    assert.deepEqual(
      tables.rows.map((r) => r.name),
      ['argo_archived_workflows', 'argo_archived_workflows_labels'],
    );
  });

  it('keeps a finished workflow, with its labels, after it is deleted from the cluster', async () => {
    await createWorkflow(namespace.name, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: 'kept', labels: { 'argovue.dev/test': 'archive' } },
      spec: {
        entrypoint: 'main',
        templates: [{ name: 'main', container: { image: 'example.invalid/x:1', command: ['run'] } }],
      },
    });
    // The controller labels a workflow once it has written it to the archive.
    const uid = await eventually(
      'the workflow to succeed and be archived',
      async () => {
        const wf = (await getWorkflow(namespace.name, 'kept')) as unknown as {
          metadata: { uid: string; labels?: Record<string, string> };
          status?: { phase?: string };
        };
        const archived =
          wf.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'] === 'Archived';
        return wf.status?.phase === 'Succeeded' && archived ? wf.metadata.uid : undefined;
      },
      90_000,
    );
    await deleteWorkflow(namespace.name, 'kept');
    await eventually(
      'the workflow to be gone from the cluster',
      () =>
        getWorkflow(namespace.name, 'kept').then(
          () => undefined,
          () => true,
        ),
      30_000,
    );
    const row = await pool.query<{ name: string; phase: string; uid: string }>(
      'SELECT name, phase, uid FROM argo_archived_workflows WHERE namespace = $1',
      [namespace.name],
    );
    assert.deepEqual(row.rows, [{ name: 'kept', phase: 'Succeeded', uid }]);
    const labels = await pool.query<{ value: string }>(
      'SELECT value FROM argo_archived_workflows_labels WHERE uid = $1 AND name = $2',
      [uid, 'argovue.dev/test'],
    );
    assert.deepEqual(labels.rows, [{ value: 'archive' }]);
  });

  it('lets ArgoVue’s role read the archive and nothing more', async () => {
    await assert.rejects(
      pool.query('DELETE FROM argo_archived_workflows WHERE namespace = $1', [namespace.name]),
      /permission denied/,
    );
  });
});
