// ArgoVue started on a cluster with many workflows is ready with the first page of its list and serves
// it, saying `loading`, while the rest is still on its way; a client that lists then and follows the
// live stream from the list's eventId ends with exactly the apiserver's workflows once the rest is in —
// each workflow the first page lacked told once, none of the first page told again, and changes made
// while the rest loads neither lost nor told twice. The rest is held part-way by a gate in front of
// the apiserver (e2e/support/apiserver-gate.ts), so "still loading" is a fact, not a race.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HealthStatus, WorkflowList, WorkflowRef, WorkflowRow } from '@argovue/api-types';
import { devclusterDir } from '../../devcluster/argovue-env.ts';
import { adminKubeConfig, eventually } from '../../devcluster/test/cluster.ts';
import { KubeApi } from '../../server/src/kube/kube-api.ts';
import { workflowRow } from '../../server/src/workflows/list/rows.ts';
import { loginAs } from '../support/api-client.ts';
import { openApiserverGate, type ApiserverGate } from '../support/apiserver-gate.ts';
import { createFinishedWorkflows, finishedWorkflow, unseenByArgo } from '../support/finished-workflows.ts';
import { createTeamANamespace } from '../support/service-proxy.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SseReader } from '../support/sse.ts';

const count = 1500;
const names = Array.from({ length: count }, (_, i) => `w-${String(i).padStart(5, '0')}`);

describe('ArgoVue ready while a big list is still loading', () => {
  const admin = new KubeApi(adminKubeConfig());
  let namespace: { name: string; remove: () => Promise<void> } | undefined;
  let gate: ApiserverGate | undefined;
  let server: RunningServer | undefined;
  const namespaceName = (): string => namespace?.name ?? '';
  const workflowsPath = () => `/apis/argoproj.io/v1alpha1/namespaces/${namespaceName()}/workflows`;

  /** The apiserver's own rows of the namespace. */
  async function truth(): Promise<Map<string, WorkflowRow>> {
    const list = await admin.json<{ items: Parameters<typeof workflowRow>[0][] }>({
      as: 'argovue',
      path: workflowsPath(),
    });
    return new Map(list.items.map((item) => [item.metadata?.name ?? '', workflowRow(item)]));
  }

  before(async () => {
    // Named to sort first: the apiserver lists by namespace, so ArgoVue's first page is this one's.
    namespace = await createTeamANamespace('a0-big-list');
    // More than 500: kept out of Argo's controller's sight (finished-workflows.ts says why).
    await createFinishedWorkflows(admin, namespace.name, names, unseenByArgo);
    // Past what ArgoVue's first page (500 workflows) can bring on one connection, well short of the rest.
    const firstPage = await admin.stream({
      as: 'argovue',
      path: '/apis/argoproj.io/v1alpha1/workflows',
      query: { limit: 500 },
    });
    let firstPageBytes = 0;
    for await (const chunk of firstPage) firstPageBytes += (chunk as Buffer).length;
    gate = await openApiserverGate(`${devclusterDir}/argovue.kubeconfig`, firstPageBytes + 512 * 1024);
  });

  after(async () => {
    await server?.stop();
    await gate?.close();
    await namespace?.remove();
    admin.close();
  });

  it('is ready with the first page, serves it as loading, and ends with every workflow exactly once', async () => {
    assert.ok(gate !== undefined);
    const started = await startServer({ KUBECONFIG: gate.kubeconfig }, { readyOnly: true });
    server = started;
    // Ready with the first page; the rest is asked for behind it and held at the gate part-way.
    await eventually('the rest of the list to reach the gate', () =>
      Promise.resolve(gate?.holding() === true ? true : undefined),
    );
    const readyz = (await (await fetch(`${started.url}/readyz`)).json()) as HealthStatus & { loading?: true };
    assert.equal(readyz.status, 'ok');
    assert.equal(readyz.loading, true, '/readyz says the workflows are still loading');

    const alice = await loginAs(started.url, 'alice');
    const list = `/api/v1/namespaces/${namespaceName()}/workflows`;
    const first = await alice.json<WorkflowList>(`${list}?limit=50`);
    assert.equal(first.status, 200);
    assert.equal(first.body.loading, true, 'the list says it is partial');
    assert.equal(first.body.totalAtLeast, true);
    assert.equal(first.body.items.length, 50, 'the first page is served');
    assert.ok(first.body.total < count, `part of the list: ${first.body.total} of ${count}`);

    // A client lists what there is now, and follows the stream from that list's position.
    const listed = new Map<string, WorkflowRow>();
    let next: string | undefined;
    let eventId: string | undefined;
    do {
      const page = await alice.json<WorkflowList>(
        `${list}?limit=1000${next === undefined ? '' : `&continue=${next}`}`,
      );
      for (const row of page.body.items) listed.set(row.name, row);
      eventId ??= page.body.eventId;
      next = page.body.continue;
    } while (next !== undefined);
    const res = await alice.fetch(
      `/api/v1/workflows/events?namespace=${namespaceName()}&lastEventId=${eventId}`,
      {
        headers: { accept: 'text/event-stream' },
      },
    );
    assert.equal(res.status, 200);
    const stream = new SseReader(res);
    const listedAtFirst = new Set(listed.keys());

    // Changes while the rest loads: to a listed workflow, to one not listed yet, a deletion, a new one.
    const changed = [...listedAtFirst][3] ?? '';
    const notYetListed = names.find((name) => !listedAtFirst.has(name)) ?? '';
    const deleted = [...listedAtFirst][7] ?? '';
    const patch = (name: string) =>
      admin.json({
        as: 'argovue',
        method: 'PATCH',
        path: `${workflowsPath()}/${name}`,
        contentType: 'application/merge-patch+json',
        body: { metadata: { labels: { changed: 'while-loading' } } },
      });
    await patch(changed);
    await patch(notYetListed);
    await admin.json({ as: 'argovue', method: 'DELETE', path: `${workflowsPath()}/${deleted}` });
    await admin.json({
      as: 'argovue',
      method: 'POST',
      path: workflowsPath(),
      body: finishedWorkflow('w-new', unseenByArgo),
    });
    assert.ok(gate.holding(), 'the changes were made while the rest was held');

    gate.release();
    await eventually('ArgoVue to have read every workflow', async () => {
      const body = (await (await fetch(`${started.url}/readyz`)).json()) as { loading?: true };
      return body.loading === true ? undefined : true;
    });
    const expected = await truth();
    const rows = (): Map<string, WorkflowRow> => {
      const now = new Map(listed);
      for (const event of stream.events) {
        if (event.event === 'upsert') now.set((event.data as WorkflowRow).name, event.data as WorkflowRow);
        else if (event.event === 'delete') now.delete((event.data as WorkflowRef).name);
      }
      return now;
    };
    await eventually('the live list to hold what the apiserver holds', () =>
      Promise.resolve(
        JSON.stringify([...rows()].sort()) === JSON.stringify([...expected].sort()) ? true : undefined,
      ),
    );
    await stream.close();

    const told = (name: string) =>
      stream.events.filter((e) => e.event === 'upsert' && (e.data as WorkflowRow).name === name).length;
    const unchangedListed = [...listedAtFirst].filter((name) => name !== changed && name !== deleted);
    assert.deepEqual(
      unchangedListed.filter((name) => told(name) > 0),
      [],
      'no workflow of the first page told again',
    );
    const rest = names.filter((name) => !listedAtFirst.has(name) && name !== notYetListed);
    assert.deepEqual(
      rest.filter((name) => told(name) !== 1),
      [],
      'each workflow the first page lacked told exactly once',
    );
    assert.ok(told(changed) >= 1 && told(notYetListed) >= 1 && told('w-new') >= 1, 'the changes are told');
    assert.equal(rows().get(changed)?.labels['changed'], 'while-loading');
    assert.equal(rows().get(notYetListed)?.labels['changed'], 'while-loading');
    assert.equal(rows().has(deleted), false, 'the deleted workflow is gone');

    // And a list made now is whole, no longer loading.
    const whole = new Map<string, WorkflowRow>();
    next = undefined;
    do {
      const page: { body: WorkflowList } = await alice.json<WorkflowList>(
        `${list}?limit=1000${next === undefined ? '' : `&continue=${next}`}`,
      );
      assert.equal(page.body.loading, undefined);
      assert.equal(page.body.total, expected.size);
      for (const row of page.body.items) whole.set(row.name, row);
      next = page.body.continue;
    } while (next !== undefined);
    assert.deepEqual(whole, expected);
  });
});
