// The apiserver and etcd stopped and started again while ArgoVue's caches hold the lists and two users
// follow the live list: ArgoVue stays up and says what is going on (503 CLUSTER_UNAVAILABLE, /readyz
// unavailable, never the apiserver's error text), its caches list again once the cluster is back, the
// open streams go on (a stream opened meanwhile is told to reconnect), and each user's rows end equal
// to the apiserver's — no event lost, none repeated.
// Recovery time is printed, not asserted.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError, HealthStatus, ServerInfo } from '@argovue/api-types';
import { eventually } from '../../devcluster/test/cluster.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { withComponentsDown } from '../support/cluster-faults.ts';
import { LiveList, apiserverWorkflows, differingRows } from '../support/live-list.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { twoStepWorkflow } from '../support/two-step-workflow.ts';

const suffix = randomBytes(3).toString('hex');
const names = {
  kept: `outage-kept-${suffix}`,
  deleted: `outage-deleted-${suffix}`,
  teamB: `outage-team-b-${suffix}`,
  running: `outage-running-${suffix}`,
  created: `outage-created-${suffix}`,
};

/** Resolves to the time `probe` first succeeds, asking every 100 ms (for at most 5 minutes). */
async function firstSuccess(probe: () => Promise<boolean>): Promise<number> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('never succeeded');
}

/**
 * Waits until the workflow ended and Argo's archive has labelled it Archived: that label write comes
 * after the phase and would otherwise land during the outage, a change the test would count as one.
 */
async function finished(namespace: string, name: string): Promise<void> {
  await eventually(
    `${name} to finish and be archived`,
    async () => {
      const workflow = await getWorkflow(namespace, name);
      const phase = workflow.status?.phase;
      const archived =
        workflow.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'] === 'Archived';
      return (phase === 'Succeeded' || phase === 'Failed') && archived ? true : undefined;
    },
    180_000,
  );
}

describe('the apiserver and etcd stopped and started again', () => {
  let server: RunningServer;
  let alice: ApiClient;
  let carol: ApiClient;
  before(async () => {
    // Access decisions expire every second, so the streams re-ask Kubernetes during the outage: an
    // unhandled failure of that re-check once ended the process.
    server = await startServer({ ARGOVUE_AUTHZ_CACHE_SECONDS: '1' });
    alice = await loginAs(server.url, 'alice');
    carol = await loginAs(server.url, 'carol');
  });
  after(async () => {
    await server.stop();
    for (const [namespace, name] of [
      ['team-a', names.kept],
      ['team-a', names.deleted],
      ['team-b', names.teamB],
      ['team-a', names.running],
      ['team-a', names.created],
    ] as const)
      await deleteWorkflow(namespace, name).catch(() => undefined);
  });

  it('stays up, answers 503 meanwhile, relists, and every stream ends with the apiserver’s rows', async () => {
    await createWorkflow('team-a', twoStepWorkflow(names.kept));
    await createWorkflow('team-a', twoStepWorkflow(names.deleted));
    await createWorkflow('team-b', twoStepWorkflow(names.teamB));
    for (const [namespace, name] of [
      ['team-a', names.kept],
      ['team-a', names.deleted],
      ['team-b', names.teamB],
    ] as const)
      await finished(namespace, name);
    // Runs through the outage: its pods take 20 s.
    await createWorkflow('team-a', twoStepWorkflow(names.running, 20));

    const clients = [
      { who: 'alice', namespaces: ['team-a'], live: await LiveList.open(alice) },
      { who: 'carol', namespaces: ['team-a', 'team-b'], live: await LiveList.open(carol) },
    ];
    const before = await apiserverWorkflows(['team-a', 'team-b']);
    const toldBefore = clients.map((c) => c.live.stream.events.length);
    const { result: seen } = await withComponentsDown(['kube-apiserver', 'etcd'], async () => {
      const stoppedAt = Date.now();
      const readyz = await eventually(
        '/readyz to say unavailable',
        async () => {
          const res = await fetch(`${server.url}/readyz`);
          return res.status === 503 ? { status: res.status, text: await res.text() } : undefined;
        },
        30_000,
      );
      const noticedMs = Date.now() - stoppedAt;
      const healthz = await fetch(`${server.url}/healthz`);
      const info = await fetch(`${server.url}/api/v1/info`);
      // Read as alice, straight from the apiserver: the outage is an answer, not a 500 or a hang.
      const detail = await alice.json<ApiError>(`/api/v1/namespaces/team-a/workflows/${names.kept}`);
      const submit = await carol.send<ApiError>('POST', '/api/v1/namespaces/team-b/workflows', {
        template: { name: 'etl' },
      });
      // Outlast several of the streams' access re-checks (every second here).
      await new Promise((resolve) => setTimeout(resolve, 3000));
      // A stream opened now cannot learn what alice may see (her decisions expired): her browser is
      // told to come back later, where an error status would make an EventSource give up for good.
      const opened = await alice.fetch('/api/v1/workflows/events', {
        headers: { accept: 'text/event-stream' },
      });
      const reconnect = {
        status: opened.status,
        type: opened.headers.get('content-type'),
        text: await opened.text(),
      };
      // From here the cluster starts again: when does the apiserver answer, and when is ArgoVue ready?
      const apiserverBack = firstSuccess(async () => (await apiserverWorkflows(['team-a'])).rows.size >= 0);
      const argovueBack = firstSuccess(async () => (await fetch(`${server.url}/readyz`)).ok);
      return {
        readyz,
        noticedMs,
        healthz,
        info: (await info.json()) as ServerInfo,
        detail,
        submit,
        reconnect,
        apiserverBack,
        argovueBack,
      };
    });

    assert.equal(seen.healthz.status, 200, 'alive all along');
    const readyzBody = JSON.parse(seen.readyz.text) as HealthStatus;
    assert.equal(readyzBody.checks['kubernetes'], 'unreachable');
    assert.equal(seen.info.cluster.reachable, false);
    for (const text of [seen.readyz.text, JSON.stringify(seen.info)])
      assert.doesNotMatch(text, /ECONNREFUSED|6443|fetch failed|connect/i, 'no upstream error text');
    assert.equal(seen.reconnect.status, 200);
    assert.match(seen.reconnect.type ?? '', /text\/event-stream/);
    assert.match(seen.reconnect.text, /^retry: \d+\n\n$/, 'told to reconnect, and nothing else');
    for (const answer of [seen.detail, seen.submit]) {
      assert.equal(answer.status, 503);
      assert.equal(answer.body.code, 'CLUSTER_UNAVAILABLE');
      assert.ok(answer.body.hint);
    }

    // Changes ArgoVue's watches were not there to see: made as soon as the cluster is back.
    await deleteWorkflow('team-a', names.deleted);
    await createWorkflow('team-a', twoStepWorkflow(names.created));
    const readyAgainMs = (await seen.argovueBack) - (await seen.apiserverBack);
    await finished('team-a', names.running);
    await finished('team-a', names.created);

    // Every client converges on the apiserver's rows; what never arrives is an event lost.
    let lost = 0;
    for (const client of clients) {
      try {
        await eventually(
          `${client.who}'s rows to equal the apiserver's`,
          async () => {
            const { rows } = await apiserverWorkflows(client.namespaces);
            return differingRows(rows, client.live.rows()).length === 0 ? true : undefined;
          },
          60_000,
        );
      } catch {
        const { rows } = await apiserverWorkflows(client.namespaces);
        lost += differingRows(rows, client.live.rows()).length;
      }
    }
    // A workflow the apiserver holds at the same version as before the outage did not change: any
    // event about it after the stop is one told twice (a relist that re-sent what it already had).
    const afterwards = await apiserverWorkflows(['team-a', 'team-b']);
    const unchanged = new Set(
      [...before.versions]
        .filter(([key, version]) => afterwards.versions.get(key) === version)
        .map(([k]) => k),
    );
    let duplicated = 0;
    clients.forEach((client, i) => {
      for (const event of client.live.changesFrom(toldBefore[i] ?? 0)) {
        const ref = event.data as { namespace: string; name: string };
        if (unchanged.has(`${ref.namespace}/${ref.name}`)) duplicated++;
      }
    });
    const resets = clients.flatMap((c) => c.live.stream.events.filter((e) => e.event === 'reset'));
    console.log(
      `apiserver+etcd outage: noticed (/readyz 503) ${seen.noticedMs} ms after they were down; ` +
        `apiserver answering → ArgoVue ready in ${readyAgainMs} ms; caches listed again: ` +
        `${server.output().match(/listing again/g)?.length ?? 0}; unchanged workflows ${unchanged.size}; ` +
        `events lost: ${lost}, duplicated: ${duplicated}; streams reset: ${resets.length}`,
    );
    for (const client of clients) await client.live.close();
    assert.equal(lost, 0, 'no event lost');
    assert.equal(duplicated, 0, 'no event duplicated');
    assert.equal(resets.length, 0, 'the open streams went on, no client had to list again');
    assert.ok(unchanged.has(`team-a/${names.kept}`), 'the finished workflow was left alone');
    assert.doesNotMatch(server.output(), /unhandled|uncaught/i);
  });
});
