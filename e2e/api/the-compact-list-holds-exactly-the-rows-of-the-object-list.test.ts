// The compact list encoding the web app reads (`format=compact`: rows as arrays under a column
// header, api-types/src/workflow-rows-compact.ts) holds exactly the rows of the object list, page by
// page under filters and sorts, live and archived rows alike (a run deleted after the real controller
// archived it into the real PostgreSQL); its eventId resumes the live stream; and it shows a user
// nothing more than the object list does.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { WorkflowList, WorkflowRow } from '@argovue/api-types';
import { decodeCompactList, type CompactWorkflowList } from '@argovue/api-types/workflow-rows-compact';
import { devclusterArchiveEnv } from '../../devcluster/argovue-env.ts';
import { eventually } from '../../devcluster/test/cluster.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SseReader } from '../support/sse.ts';

const namespace = 'team-a';
const prefix = `compact-${randomBytes(3).toString('hex')}`;
const archivedName = `${prefix}-archived`;
const liveNames = [`${prefix}-suspended`, `${prefix}-plain`];

function workflow(name: string, spec: object = {}): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name, labels: { 'argovue.dev/compact-test': prefix } },
    spec: {
      entrypoint: 'main',
      templates: [{ name: 'main', container: { image: 'example.invalid/x:1', command: ['run'] } }],
      ...spec,
    },
  };
}

/**
 * One page in both encodings, read at the same position of the event log (the same eventId: no
 * workflow changed between the two reads — a running demo workflow may; then both are read again).
 */
async function bothPages(
  client: ApiClient,
  path: string,
): Promise<{ objects: WorkflowList; compact: WorkflowList }> {
  const join = path.includes('?') ? '&' : '?';
  for (let attempt = 0; attempt < 50; attempt++) {
    const objects = await client.json<WorkflowList>(path);
    const compact = await client.json<CompactWorkflowList>(`${path}${join}format=compact`);
    assert.equal(objects.status, 200, JSON.stringify(objects.body));
    assert.equal(compact.status, 200, JSON.stringify(compact.body));
    assert.equal(compact.body.archive, undefined, 'the archive was read');
    if (objects.body.eventId === compact.body.eventId)
      return { objects: objects.body, compact: decodeCompactList(compact.body) };
  }
  throw new Error(`${path}: the list changed between every two reads`);
}

/** Every page of a list in both encodings (small pages: live and archived rows interleave), compared. */
async function sameRowsOnEveryPage(client: ApiClient, path: string): Promise<WorkflowRow[]> {
  const rows: WorkflowRow[] = [];
  let token: string | undefined;
  for (let page = 0; page < 500; page++) {
    const join = path.includes('?') ? '&' : '?';
    const { objects, compact } = await bothPages(
      client,
      `${path}${join}limit=3${token === undefined ? '' : `&continue=${token}`}`,
    );
    assert.deepEqual(compact, objects, `${path}, page ${page}`);
    rows.push(...compact.items);
    token = compact.continue;
    if (token === undefined) return rows;
  }
  throw new Error('more than 500 pages');
}

describe('the compact workflow list', () => {
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;
  before(async () => {
    server = await startServer(devclusterArchiveEnv());
    [alice, bob] = await Promise.all([loginAs(server.url, 'alice'), loginAs(server.url, 'bob')]);
    await createWorkflow(namespace, workflow(archivedName));
    await createWorkflow(namespace, workflow(`${prefix}-suspended`, { suspend: true }));
    await createWorkflow(namespace, workflow(`${prefix}-plain`));
    // Archived by the real controller once it finished, then deleted: listed from the archive only.
    await eventually(
      `${archivedName} to succeed and be archived`,
      async () => {
        const wf = (await getWorkflow(namespace, archivedName)) as {
          metadata: { labels?: Record<string, string> };
          status?: { phase?: string };
        };
        const status = wf.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'];
        return wf.status?.phase === 'Succeeded' && status === 'Archived' ? true : undefined;
      },
      90_000,
    );
    await deleteWorkflow(namespace, archivedName);
    await eventually(
      `${archivedName} listed from the archive`,
      async () => {
        const { objects } = await bothPages(alice, `/api/v1/workflows?q=${archivedName}`);
        return objects.items.length === 1 && objects.items[0]?.archivedUid !== undefined ? true : undefined;
      },
      30_000,
    );
  });
  after(async () => {
    await server.stop();
    for (const name of liveNames) await deleteWorkflow(namespace, name).catch(() => undefined);
  });

  it('holds the rows of the object list on every page, archived and live, under filters and sorts', async () => {
    const mine = await sameRowsOnEveryPage(alice, `/api/v1/workflows?q=${prefix}&sort=name`);
    assert.deepEqual(
      mine.map((r) => [r.name, r.archivedUid !== undefined, r.suspended === true]),
      [
        [archivedName, true, false],
        [`${prefix}-plain`, false, false],
        [`${prefix}-suspended`, false, true],
      ],
    );
    assert.deepEqual(mine[0]?.labels, { 'argovue.dev/compact-test': prefix });
    const all = await sameRowsOnEveryPage(alice, '/api/v1/workflows');
    assert.ok(all.some((r) => r.name === archivedName && r.archivedUid !== undefined));
    await sameRowsOnEveryPage(alice, `/api/v1/namespaces/${namespace}/workflows?sort=-duration`);
    await sameRowsOnEveryPage(
      alice,
      `/api/v1/workflows?phase=Succeeded&label=argovue.dev/compact-test=${prefix}`,
    );
  });

  it('gives an eventId that resumes the live stream just after it', async () => {
    const { compact } = await bothPages(alice, `/api/v1/namespaces/${namespace}/workflows?limit=1`);
    const later = `${prefix}-after-list`;
    liveNames.push(later);
    await createWorkflow(namespace, workflow(later));
    const res = await alice.fetch(
      `/api/v1/workflows/events?namespace=${namespace}&lastEventId=${compact.eventId}`,
      { headers: { accept: 'text/event-stream' } },
    );
    assert.equal(res.status, 200);
    const stream = new SseReader(res);
    await stream.waitFor(
      'the workflow created after the list',
      (e) => e.event === 'upsert' && (e.data as WorkflowRow).name === later,
    );
    await stream.close();
  });

  it('shows bob none of team-a, live or archived, exactly as the object list', async () => {
    const rows = await sameRowsOnEveryPage(bob, `/api/v1/workflows?q=${prefix}`);
    assert.deepEqual(rows, []);
    const res = await bob.json<unknown>(`/api/v1/namespaces/${namespace}/workflows?format=compact`);
    assert.equal(res.status, 404);
  });
});
