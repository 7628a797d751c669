// Retry means what it means in Argo. Twin workflows fail the same way; one is retried by the `argo`
// CLI built from the Argo module, the other through ArgoVue, both with the failing step's exit code
// changed to 0. Both must re-run exactly the failed node on the real controller, turn Succeeded, and
// end as the same object but for names, times and who acted.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { WorkflowActionResult } from '@argovue/api-types';
import { argo } from '../../devcluster/test/argo-cli.ts';
import { core, eventually } from '../../devcluster/test/cluster.ts';
import { diamondWorkflow } from '../../devcluster/test/diamond-workflow.ts';
import {
  createWorkflow,
  deleteWorkflow,
  getWorkflow,
  podNodePhases,
  type Workflow,
} from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

// Twins: the same failing DAG under two names.
function twin(name: string, bCode = '1'): object {
  return diamondWorkflow(name, { bCode, labels: { team: 'a' } });
}

// Finished, and archived: the archive's label write (Pending → Archived) comes after the phase and
// would make an action begun in between a 409 CONFLICT (seen in a clean-clone run).
const finished = (name: string) => () =>
  getWorkflow('team-a', name).then((w) =>
    ['Succeeded', 'Failed', 'Error'].includes(w.status?.phase ?? '') &&
    w.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'] !== 'Pending'
      ? w
      : undefined,
  );

async function podUids(name: string): Promise<Map<string, string>> {
  const pods = await core.listNamespacedPod({
    namespace: 'team-a',
    labelSelector: `workflows.argoproj.io/workflow=${name}`,
  });
  return new Map(
    pods.items.map((p) => [
      p.metadata?.annotations?.['workflows.argoproj.io/node-name']?.split('.').pop() ?? '',
      p.metadata?.uid ?? '',
    ]),
  );
}

// What may differ between the twins: names, times, ids, who acted, controller bookkeeping.
function shape(
  workflow: Workflow & { metadata: { labels?: Record<string, string> }; spec?: unknown },
): unknown {
  const name = workflow.metadata.name;
  const labels = Object.fromEntries(
    Object.entries(workflow.metadata.labels ?? {}).filter(
      ([key]) => !/\/(actor|actor-email|actor-preferred-username|action|creator.*)$/.test(key),
    ),
  );
  const nodes = Object.values(workflow.status?.nodes ?? {})
    .map((n) => ({
      name: n.name.replace(name, 'WF'),
      displayName: n.displayName.replace(name, 'WF'),
      type: n.type,
      phase: n.phase,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { labels, spec: workflow.spec, phase: workflow.status?.phase, nodes };
}

describe('retry, against the argo CLI', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const suffix = randomBytes(3).toString('hex');
  const viaCli = `retry-cli-${suffix}`;
  const viaArgovue = `retry-ui-${suffix}`;
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    for (const name of [viaCli, viaArgovue]) await createWorkflow('team-a', twin(name));
    for (const name of [viaCli, viaArgovue])
      assert.equal((await eventually(`${name} to fail`, finished(name), 60_000)).status?.phase, 'Failed');
  });
  after(async () => {
    await server.stop();
    for (const name of [viaCli, viaArgovue]) await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('re-runs only the failed node, on the real controller, to the same end as argo retry', async () => {
    const before = { cli: await podUids(viaCli), argovue: await podUids(viaArgovue) };
    await argo(['-n', 'team-a', 'retry', viaCli, '-p', 'b-code=0']);
    const res = await alice.send<WorkflowActionResult>(
      'POST',
      `/api/v1/namespaces/team-a/workflows/${viaArgovue}/retry`,
      { parameters: { 'b-code': '0' } },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [cli, argovue] = await Promise.all(
      [viaCli, viaArgovue].map((name) => eventually(`${name} to finish again`, finished(name), 90_000)),
    );
    assert.ok(cli && argovue);
    assert.equal(argovue.status?.phase, 'Succeeded');
    assert.deepEqual(podNodePhases(argovue), {
      a: 'Succeeded',
      b: 'Succeeded',
      c: 'Succeeded',
      d: 'Succeeded',
    });
    // The failed node ran in a new pod; the successful ones were kept.
    const after = await podUids(viaArgovue);
    assert.notEqual(after.get('b'), before.argovue.get('b'));
    assert.equal(after.get('a'), before.argovue.get('a'));
    assert.equal(after.get('c'), before.argovue.get('c'));
    assert.deepEqual(shape(argovue as never), shape(cli as never));
  });
});

// Retry from a chosen node: c succeeded beside the failed b; restarting it (and what hangs below it)
// with b-code changed must match `argo retry --node-field-selector id=<c> --restart-successful -p`.
describe('retry from a chosen node, restarting successful nodes, against the argo CLI', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const suffix = randomBytes(3).toString('hex');
  const viaCli = `retry-node-cli-${suffix}`;
  const viaArgovue = `retry-node-ui-${suffix}`;
  const nodeId = (workflow: Workflow, task: string): string =>
    Object.entries(workflow.status?.nodes ?? {}).find(([, n]) => n.displayName === task)?.[0] ?? '';
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    for (const name of [viaCli, viaArgovue]) await createWorkflow('team-a', twin(name));
    for (const name of [viaCli, viaArgovue])
      assert.equal((await eventually(`${name} to fail`, finished(name), 60_000)).status?.phase, 'Failed');
  });
  after(async () => {
    await server.stop();
    for (const name of [viaCli, viaArgovue]) await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('re-runs the chosen node, what hangs below it and the failed node, like argo retry', async () => {
    const before = { cli: await podUids(viaCli), argovue: await podUids(viaArgovue) };
    const theirs = nodeId(await getWorkflow('team-a', viaCli), 'c');
    const ours = nodeId(await getWorkflow('team-a', viaArgovue), 'c');
    assert.ok(theirs !== '' && ours !== '');
    await argo([
      '-n',
      'team-a',
      'retry',
      viaCli,
      '--node-field-selector',
      `id=${theirs}`,
      '--restart-successful',
      '-p',
      'b-code=0',
    ]);
    const res = await alice.send<WorkflowActionResult>(
      'POST',
      `/api/v1/namespaces/team-a/workflows/${viaArgovue}/retry`,
      { nodeId: ours, restartSuccessful: true, parameters: { 'b-code': '0' } },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [cli, argovue] = await Promise.all(
      [viaCli, viaArgovue].map((name) => eventually(`${name} to finish again`, finished(name), 90_000)),
    );
    assert.ok(cli && argovue);
    assert.equal(argovue.status?.phase, 'Succeeded');
    assert.deepEqual(shape(argovue as never), shape(cli as never));
    // a was kept; b (failed), c (chosen) and d (below both) ran in new pods — in both twins.
    for (const [name, was] of [
      [viaArgovue, before.argovue],
      [viaCli, before.cli],
    ] as const) {
      const now = await podUids(name);
      assert.equal(now.get('a'), was.get('a'), `${name}: a kept`);
      for (const task of ['b', 'c', 'd'])
        assert.notEqual(now.get(task), was.get(task), `${name}: ${task} ran again`);
    }
  });
});

// A workflow that succeeded can be retried only from a chosen node, restarting successful nodes:
// b and what hangs below it (d) run again, a and c are kept — as `argo retry --restart-successful
// --node-field-selector id=<b>` does it.
describe('retry of a succeeded workflow from a chosen node, against the argo CLI', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const suffix = randomBytes(3).toString('hex');
  const viaCli = `retry-ok-cli-${suffix}`;
  const viaArgovue = `retry-ok-ui-${suffix}`;
  const nodeId = (workflow: Workflow, task: string): string =>
    Object.entries(workflow.status?.nodes ?? {}).find(([, n]) => n.displayName === task)?.[0] ?? '';
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    for (const name of [viaCli, viaArgovue]) await createWorkflow('team-a', twin(name, '0'));
    for (const name of [viaCli, viaArgovue])
      assert.equal(
        (await eventually(`${name} to succeed`, finished(name), 60_000)).status?.phase,
        'Succeeded',
      );
  });
  after(async () => {
    await server.stop();
    for (const name of [viaCli, viaArgovue]) await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('is refused without a node, and from node b re-runs b and d only, like argo retry', async () => {
    const whole = await alice.send<{ code: string }>(
      'POST',
      `/api/v1/namespaces/team-a/workflows/${viaArgovue}/retry`,
      {},
    );
    assert.equal(whole.status, 409);
    const before = { cli: await podUids(viaCli), argovue: await podUids(viaArgovue) };
    const theirs = nodeId(await getWorkflow('team-a', viaCli), 'b');
    const ours = nodeId(await getWorkflow('team-a', viaArgovue), 'b');
    await argo([
      '-n',
      'team-a',
      'retry',
      viaCli,
      '--restart-successful',
      '--node-field-selector',
      `id=${theirs}`,
    ]);
    const res = await alice.send<WorkflowActionResult>(
      'POST',
      `/api/v1/namespaces/team-a/workflows/${viaArgovue}/retry`,
      { nodeId: ours, restartSuccessful: true },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // Finished again only once d ran in a new pod (until then it may still read as Succeeded).
    const againAfter = (name: string, was: Map<string, string>) =>
      eventually(
        `${name} to succeed again`,
        async () => {
          const d = (await podUids(name)).get('d');
          return d === undefined || d === was.get('d') ? undefined : finished(name)();
        },
        90_000,
      );
    const [cli, argovue] = await Promise.all([
      againAfter(viaCli, before.cli),
      againAfter(viaArgovue, before.argovue),
    ]);
    assert.equal(argovue.status?.phase, 'Succeeded');
    assert.deepEqual(shape(argovue as never), shape(cli as never));
    for (const [name, was] of [
      [viaArgovue, before.argovue],
      [viaCli, before.cli],
    ] as const) {
      const now = await podUids(name);
      for (const task of ['a', 'c']) assert.equal(now.get(task), was.get(task), `${name}: ${task} kept`);
      for (const task of ['b', 'd'])
        assert.notEqual(now.get(task), was.get(task), `${name}: ${task} ran again`);
    }
  });
});
