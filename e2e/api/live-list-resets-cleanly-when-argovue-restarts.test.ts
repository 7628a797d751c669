// ArgoVue itself restarted under a connected live list: the client (doing what the browser does:
// reconnect with the last event id, list again on `reset`) ends with exactly the apiserver's rows —
// no workflow lost, none left over that was deleted, no event applied twice. The new process cannot
// resume an id of the old one (event ids carry the process's epoch), so it answers `reset` and the
// client lists again: documented as the way a restart is survived.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { custom, eventually } from '../../devcluster/test/cluster.ts';
import { loginAs } from '../support/api-client.ts';
import { LiveRows } from '../support/live-rows.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const workflows = { group: 'argoproj.io', version: 'v1alpha1', namespace: 'team-a', plural: 'workflows' };

function finishedWorkflow(name: string, label: string): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name, labels: { 'argovue.dev/test': label, 'workflows.argoproj.io/completed': 'true' } },
    spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] },
    status: { phase: 'Succeeded', startedAt: '2026-11-24T10:00:00Z', finishedAt: '2026-11-24T10:01:00Z' },
  };
}

/** The apiserver's own view: every workflow of team-a, by name, with its phase. */
async function apiserverRows(): Promise<Map<string, string>> {
  const list = (await custom.listNamespacedCustomObject(workflows)) as {
    items: { metadata: { name: string }; status?: { phase?: string } }[];
  };
  return new Map(list.items.map((w) => [w.metadata.name, w.status?.phase ?? 'Pending']));
}

describe('the live list when ArgoVue restarts', () => {
  let server: RunningServer;
  const label = `restart-${randomBytes(3).toString('hex')}`;
  const made = (n: number) => `${label}-${n}`;
  const create = (n: number) =>
    custom.createNamespacedCustomObject({ ...workflows, body: finishedWorkflow(made(n), label) });
  const remove = (n: number) => custom.deleteNamespacedCustomObject({ ...workflows, name: made(n) });
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
    await custom
      .deleteCollectionNamespacedCustomObject({ ...workflows, labelSelector: `argovue.dev/test=${label}` })
      .catch(() => undefined);
  });

  it('ends with exactly the apiserver’s rows, nothing lost or repeated', async () => {
    const alice = await loginAs(server.url, 'alice');
    const live = new LiveRows(alice, 'team-a');
    live.start();
    await create(1);
    await create(2);
    await eventually('the first changes to arrive', () =>
      Promise.resolve(live.rows.has(made(2)) ? true : undefined),
    );

    // Restart: the changes made while ArgoVue is down must show up after it is back.
    await server.stop();
    await create(3);
    await create(4);
    await remove(1);
    server = await startServer({}, { port: Number(new URL(server.url).port) });
    // And the ones after.
    await create(5);
    await remove(2);

    // Compared with a fresh list each time: other workflows of team-a may change meanwhile.
    const rowsOf = (live: LiveRows) => new Map([...live.rows].map(([name, row]) => [name, row.phase]));
    const converged = await eventually('the client’s rows to be the apiserver’s', async () => {
      const expected = await apiserverRows();
      const shown = rowsOf(live);
      return shown.size === expected.size && [...expected].every(([name, phase]) => shown.get(name) === phase)
        ? expected
        : undefined;
    });
    await live.stop();
    assert.ok(converged.has(made(3)) && converged.has(made(5)), 'made while away and after: there');
    assert.ok(!converged.has(made(1)) && !converged.has(made(2)), 'deleted while away and after: gone');
    assert.equal(live.seen.repeatedIds, 0, 'no event applied twice');
    assert.ok(live.seen.connections >= 2, 'the client reconnected to the new process');
    assert.ok(live.seen.resets >= 1, 'the new process told the client to list again');
  });
});
