// Argo's workflow archive, end to end: the real controller archives a finished workflow into the real
// PostgreSQL; deleted from the cluster, it is still listed (marked archived, under the list's filters,
// once, counted in the list's total), opened and resubmitted by alice (team-a) — and bob (team-b) sees
// it nowhere: not in his lists, searches or their totals, not on its page (by its uid, in team-a or in his own namespace), not in his live
// stream, and cannot resubmit it; each answer is exactly the one for a run that does not exist.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ApiError,
  WorkflowActionResult,
  WorkflowDetail,
  WorkflowList,
  WorkflowListTotal,
  WorkflowRow,
} from '@argovue/api-types';
import { devclusterArchiveEnv } from '../../devcluster/argovue-env.ts';
import { eventually } from '../../devcluster/test/cluster.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SseReader } from '../support/sse.ts';
import { resubmittedFrom } from '../support/workflow-state.ts';

const namespace = 'team-a';
const name = `archived-${randomBytes(3).toString('hex')}`;
const label = ['argovue.dev/archive-test', name] as const;

/** The fields of a Workflow object this test reads, as admin. */
interface WorkflowObject {
  metadata: { uid?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  status?: { phase?: string };
}

const readWorkflow = async (wfName: string): Promise<WorkflowObject> => await getWorkflow(namespace, wfName);

/** GET /api/v1/workflows/total?`query`, which must answer 200. */
async function totalOf(client: ApiClient, query: string): Promise<number> {
  const res = await client.json<WorkflowListTotal>(`/api/v1/workflows/total?${query}`);
  assert.equal(res.status, 200, `${query}: ${JSON.stringify(res.body)}`);
  assert.equal(res.body.archive, undefined, 'the archive was counted');
  return res.body.total;
}

async function rowsNamed(client: ApiClient, path: string): Promise<WorkflowRow[]> {
  const res = await client.json<WorkflowList>(path);
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
  assert.equal(res.body.archive, undefined, 'the archive was read');
  return res.body.items.filter((row) => row.name === name);
}

/** Every row of a list, page by page (small pages: the live and archived rows interleave across them). */
async function allRows(client: ApiClient, path: string): Promise<WorkflowRow[]> {
  const rows: WorkflowRow[] = [];
  let token: string | undefined;
  for (let page = 0; page < 500; page++) {
    const res = await client.json<WorkflowList>(
      `${path}?limit=3${token === undefined ? '' : `&continue=${token}`}`,
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    rows.push(...res.body.items);
    token = res.body.continue;
    if (token === undefined) {
      assert.equal(rows.length, res.body.total, 'the pages hold as many rows as the total says');
      return rows;
    }
  }
  throw new Error('more than 500 pages');
}

describe('a workflow deleted from the cluster, in the archive', () => {
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;
  let bobsStream: SseReader;
  let uid = '';
  before(async () => {
    server = await startServer(devclusterArchiveEnv());
    [alice, bob] = await Promise.all([loginAs(server.url, 'alice'), loginAs(server.url, 'bob')]);
    const res = await bob.fetch('/api/v1/workflows/events', { headers: { accept: 'text/event-stream' } });
    assert.equal(res.status, 200);
    bobsStream = new SseReader(res);
    await createWorkflow(namespace, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name, labels: { [label[0]]: label[1] } },
      spec: {
        entrypoint: 'main',
        arguments: { parameters: [{ name: 'message', value: 'from the archive' }] },
        templates: [
          {
            name: 'main',
            dag: {
              tasks: [
                { name: 'extract', template: 'step' },
                { name: 'load', template: 'step', dependencies: ['extract'] },
              ],
            },
          },
          { name: 'step', container: { image: 'example.invalid/x:1', command: ['run'] } },
        ],
      },
    });
    // The controller labels a workflow once it has written it to the archive.
    const archived = await eventually(
      `${name} to succeed and be archived`,
      async () => {
        const wf = await readWorkflow(name);
        const status = wf.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'];
        return wf.status?.phase === 'Succeeded' && status === 'Archived' ? wf : undefined;
      },
      90_000,
    );
    uid = archived.metadata.uid ?? '';
  });
  after(async () => {
    await server.stop();
  });

  it('is listed once, live, while the cluster still has it', async () => {
    const rows = await rowsNamed(alice, `/api/v1/workflows?q=${name}`);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.archivedUid, undefined);
  });

  it('is listed by alice after it is deleted, marked archived, under the list filters', async () => {
    await deleteWorkflow(namespace, name);
    await eventually(
      `${name} to be gone from the cluster`,
      () =>
        getWorkflow(namespace, name).then(
          () => undefined,
          () => true,
        ),
      30_000,
    );
    // The live list drops it when the watch says so; from then on it comes from the archive.
    const rows = await eventually(
      `${name} listed from the archive`,
      async () => {
        const found = await rowsNamed(alice, `/api/v1/workflows?q=${name}`);
        return found.length === 1 && found[0]?.archivedUid !== undefined ? found : undefined;
      },
      30_000,
    );
    const [row] = rows;
    assert.ok(row !== undefined);
    assert.equal(row.archivedUid, uid);
    assert.equal(row.phase, 'Succeeded');
    assert.equal(row.namespace, namespace);
    assert.equal(row.labels[label[0]], label[1]);

    const ns = `/api/v1/namespaces/${namespace}/workflows`;
    for (const query of [
      `q=${name.toUpperCase()}`,
      `phase=Succeeded,Failed&q=${name}`,
      `label=${label[0]}=${label[1]}`,
      `label=${label[0]}=${label[1]}&sort=name`,
      `label=${label[0]}=${label[1]}&sort=-duration`,
      `label=${label[0]}=${label[1]}&since=2000-01-01T00:00:00Z`,
    ]) {
      assert.equal((await rowsNamed(alice, `${ns}?${query}`)).length, 1, query);
      assert.equal(await totalOf(alice, `namespace=${namespace}&${query}`), 1, `the total of ${query}`);
    }
    assert.equal(await totalOf(alice, `q=${name}`), 1, 'the total of all her namespaces');
    for (const query of [
      `phase=Failed&q=${name}`,
      `label=${label[0]}=other`,
      `q=${name}&template=no-such-template`,
      `q=${name}&since=2999-01-01T00:00:00Z`,
    ]) {
      assert.equal((await rowsNamed(alice, `${ns}?${query}`)).length, 0, query);
    }
  });

  it('appears exactly once in all of alice’s pages, among live and archived runs', async () => {
    const rows = await allRows(alice, `/api/v1/namespaces/${namespace}/workflows`);
    const keys = rows.map((row) => `${row.namespace}/${row.name}@${row.createdAt}`);
    assert.equal(new Set(keys).size, keys.length, 'no run is listed twice');
    assert.equal(rows.filter((row) => row.name === name).length, 1);
    assert.ok(
      rows.some((row) => row.archivedUid === undefined),
      'live runs are listed beside it',
    );
  });

  it('opens for alice: its graph, nodes and parameters, marked archived', async () => {
    const res = await alice.json<WorkflowDetail>(`/api/v1/namespaces/${namespace}/archived-workflows/${uid}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.row.name, name);
    assert.equal(res.body.row.archivedUid, uid);
    assert.equal(res.body.row.phase, 'Succeeded');
    assert.deepEqual(res.body.parameters, [{ name: 'message', value: 'from the archive' }]);
    const pods = res.body.nodes.filter((node) => node.type === 'Pod');
    assert.deepEqual(pods.map((node) => node.displayName).sort(), ['extract', 'load']);
    assert.ok(pods.every((node) => node.phase === 'Succeeded'));
  });

  it('is resubmitted by alice as herself: a new workflow from the archived spec', async () => {
    const res = await alice.send<WorkflowActionResult>(
      'POST',
      `/api/v1/namespaces/${namespace}/archived-workflows/${uid}/resubmit`,
      {},
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const created = await readWorkflow(res.body.name);
    assert.equal(created.metadata.labels?.['workflows.argoproj.io/resubmitted-from-workflow'], name);
    assert.equal(created.metadata.annotations?.['argovue.dev/submitted-by'], 'oidc:alice@example.com');
    assert.deepEqual(await resubmittedFrom(namespace, name), [res.body.name]);
    await deleteWorkflow(namespace, res.body.name);
  });

  it('is nowhere for bob: lists, search, page, resubmit and stream answer as for a missing run', async () => {
    assert.equal((await rowsNamed(bob, `/api/v1/workflows?q=${name}`)).length, 0);
    assert.equal((await rowsNamed(bob, `/api/v1/workflows?label=${label[0]}=${label[1]}`)).length, 0);
    assert.equal((await rowsNamed(bob, '/api/v1/namespaces/team-b/workflows')).length, 0);
    assert.ok((await allRows(bob, '/api/v1/workflows')).every((row) => row.namespace === 'team-b'));
    // Nor is it counted in his totals, and team-a's total answers him as a namespace that does not exist.
    assert.equal(await totalOf(bob, `q=${name}`), 0);
    assert.equal(await totalOf(bob, `label=${label[0]}=${label[1]}`), 0);
    const theirTotal = await bob.json<ApiError>(`/api/v1/workflows/total?namespace=${namespace}&q=${name}`);
    const noTotal = await bob.json<ApiError>('/api/v1/workflows/total?namespace=no-such-team');
    assert.deepEqual([theirTotal.status, theirTotal.body.code], [noTotal.status, noTotal.body.code]);
    assert.deepEqual([noTotal.status, noTotal.body.code], [404, 'NOT_FOUND']);
    const listed = await bob.json<ApiError>(`/api/v1/namespaces/${namespace}/workflows?q=${name}`);
    const unknownNamespace = await bob.json<ApiError>('/api/v1/namespaces/no-such-team/workflows');
    assert.deepEqual(
      [listed.status, listed.body.code],
      [unknownNamespace.status, unknownNamespace.body.code],
    );

    const missingUid = randomUUID();
    const missing = await bob.json<ApiError>(
      `/api/v1/namespaces/${namespace}/archived-workflows/${missingUid}`,
    );
    assert.deepEqual([missing.status, missing.body.code], [404, 'NOT_FOUND']);
    const page = await bob.json<ApiError>(`/api/v1/namespaces/${namespace}/archived-workflows/${uid}`);
    assert.deepEqual(page.body, { ...missing.body, message: missing.body.message.replace(missingUid, uid) });
    // Asked in his own namespace, a uid of team-a's finds nothing either.
    const own = await bob.json<ApiError>(`/api/v1/namespaces/team-b/archived-workflows/${uid}`);
    assert.deepEqual([own.status, own.body.code], [404, 'NOT_FOUND']);

    const resubmittedBefore = await resubmittedFrom(namespace, name);
    const resubmit = await bob.send<ApiError>(
      'POST',
      `/api/v1/namespaces/${namespace}/archived-workflows/${uid}/resubmit`,
      {},
    );
    assert.deepEqual([resubmit.status, resubmit.body.code], [404, 'NOT_FOUND']);
    const missingResubmit = await bob.send<ApiError>(
      'POST',
      `/api/v1/namespaces/${namespace}/archived-workflows/${missingUid}/resubmit`,
      {},
    );
    assert.deepEqual([missingResubmit.status, missingResubmit.body.code], [404, 'NOT_FOUND']);
    assert.deepEqual(await resubmittedFrom(namespace, name), resubmittedBefore, 'bob created nothing');

    // His live stream was open from before the workflow was made until now.
    assert.ok(bobsStream.events.length > 0, 'the stream answered');
    assert.ok(!JSON.stringify(bobsStream.events).includes(name), 'no event of bob’s stream names it');
  });
});
