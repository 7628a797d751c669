// Memoized resubmit means what it means in Argo. Twin failed DAGs (a → (b, c) → d, b failing): the
// object `argo resubmit --memoized` creates is the one ArgoVue's formulation makes from the same old
// workflow under the same new name; and on the real controller ArgoVue's memoized resubmit skips what
// succeeded, runs the rest and ends exactly like argo's (same nodes, same pods) — also with retries
// and an exit handler, where Argo's own result is surprising (a retried step runs again).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { ApiError, WorkflowActionResult } from '@argovue/api-types';
import { argo } from '../../devcluster/test/argo-cli.ts';
import { core, eventually } from '../../devcluster/test/cluster.ts';
import { diamondWorkflow } from '../../devcluster/test/diamond-workflow.ts';
import { createWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { memoizedResubmittedWorkflow } from '../../server/src/workflows/actions/resubmit.ts';
import { apiSuite } from '../support/suites.ts';
import { deleteWorkflows } from '../support/test-workflow.ts';
import { resubmittedFrom } from '../support/workflow-state.ts';

// b fails unless b-code is changed to 0. With retries, each step may run twice, and an exit handler
// runs at the end.
function diamond(name: string, retriesAndExitHandler = false, bCode = '1'): object {
  return diamondWorkflow(name, { bCode, labels: { team: 'a' }, retriesAndExitHandler });
}

interface Stored {
  metadata: {
    name: string;
    generateName?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: unknown;
  status?: { phase?: string; nodes?: Record<string, Record<string, unknown>> } & Record<string, unknown>;
}

// The workflow as created, made comparable: the workflow names become OLD / NEW (in node names, ids
// and the "original pod" messages), times become whether they were set, who made it goes.
function asCreated(object: Stored, oldName: string): unknown {
  const newName = object.metadata.name;
  const names = (text: string) => text.replaceAll(newName, 'NEW').replaceAll(oldName, 'OLD');
  const nodes = Object.values(object.status?.nodes ?? {}).map((node) => {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (value === null || value === undefined) continue;
      if (key === 'startedAt' || key === 'finishedAt') copy[key] = 'set';
      else copy[key] = JSON.parse(names(JSON.stringify(value))) as unknown;
    }
    return copy;
  });
  nodes.sort((x, y) => String(x['name']).localeCompare(String(y['name'])));
  const { nodes: _nodes, ...status } = object.status ?? {};
  return {
    generateName: object.metadata.generateName,
    labels: Object.fromEntries(
      Object.entries(object.metadata.labels ?? {}).filter(([key]) => !/\/creator/.test(key)),
    ),
    annotations: Object.fromEntries(
      Object.entries(object.metadata.annotations ?? {}).filter(([key]) => key !== 'argovue.dev/submitted-by'),
    ),
    spec: object.spec,
    status: Object.fromEntries(Object.entries(status).filter(([, v]) => v !== null)),
    nodes,
  };
}

// How a finished run ended: each node by name, type, phase and message; the "original pod" a
// skipped node names is given by its node name in the old workflow.
function ending(object: Stored, old: Stored): unknown {
  const newName = object.metadata.name;
  const oldName = old.metadata.name;
  const oldNodes = old.status?.nodes ?? {};
  return {
    phase: object.status?.phase,
    nodes: Object.values(object.status?.nodes ?? {})
      .map((n) => ({
        name: String(n['name']).replace(newName, 'NEW'),
        type: n['type'],
        phase: n['phase'],
        message: (typeof n['message'] === 'string' ? n['message'] : '')
          .replace(
            /^original pod: (\S+)$/,
            (_, id: string) => `original pod: ${String(oldNodes[id]?.['name'])}`,
          )
          .replaceAll(newName, 'NEW')
          .replaceAll(oldName, 'OLD'),
      }))
      .sort((x, y) => x.name.localeCompare(y.name)),
  };
}

async function podNodes(workflow: string): Promise<string[]> {
  const pods = await core.listNamespacedPod({
    namespace: 'team-a',
    labelSelector: `workflows.argoproj.io/workflow=${workflow}`,
  });
  return pods.items
    .map((p) => p.metadata?.annotations?.['workflows.argoproj.io/node-name']?.split('.').pop() ?? '')
    .sort();
}

describe('memoized resubmit, against the argo CLI', () => {
  const suite = apiSuite('alice');
  suite.afterwards(() => deleteWorkflows('team-a', made));
  const suffix = randomBytes(3).toString('hex');
  const twins = {
    plain: { viaCli: `memo-cli-${suffix}`, viaArgovue: `memo-ui-${suffix}` },
    retries: { viaCli: `memo-rx-cli-${suffix}`, viaArgovue: `memo-rx-ui-${suffix}` },
  };
  const made: string[] = Object.values(twins).flatMap((t) => [t.viaCli, t.viaArgovue]);
  before(async () => {
    for (const [kind, { viaCli, viaArgovue }] of Object.entries(twins))
      for (const name of [viaCli, viaArgovue])
        await createWorkflow('team-a', diamond(name, kind === 'retries'));
    for (const name of made) {
      await eventually(
        `${name} to fail`,
        async () => ((await getWorkflow('team-a', name)).status?.phase === 'Failed' ? true : undefined),
        90_000,
      );
    }
  });

  // Resubmits one twin with `argo resubmit --memoized -p b-code=0`, the other through ArgoVue; checks
  // ArgoVue's formulation against the object argo created, then both runs end alike.
  async function resubmitBothWays(viaCli: string, viaArgovue: string) {
    const oldCli = (await getWorkflow('team-a', viaCli)) as unknown as Stored;
    const oldArgovue = (await getWorkflow('team-a', viaArgovue)) as unknown as Stored;
    const fromCli = (await argo([
      '-n',
      'team-a',
      'resubmit',
      '--memoized',
      viaCli,
      '-p',
      'b-code=0',
    ])) as Stored;
    made.push(fromCli.metadata.name);
    // The object as argo created it (before the controller touched it) against ArgoVue's formulation
    // of the same old workflow under the same new name.
    const ours = await memoizedResubmittedWorkflow(
      oldCli as never,
      { 'b-code': '0' },
      { username: 'oidc:alice@example.com', groups: [] },
      fromCli.metadata.name,
      new Date().toISOString(),
    );
    assert.ok(ours.ok);
    assert.deepEqual(asCreated(ours.workflow as Stored, viaCli), asCreated(fromCli, viaCli));

    const res = await suite.alice.send<WorkflowActionResult>(
      'POST',
      `/api/v1/namespaces/team-a/workflows/${viaArgovue}/resubmit`,
      { memoized: true, parameters: { 'b-code': '0' } },
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    made.push(res.body.name);
    assert.match(res.body.name, new RegExp(`^${viaArgovue}-[a-z0-9]{5}$`));
    const done = (name: string) => async () => {
      const w = (await getWorkflow('team-a', name)) as unknown as Stored;
      return ['Succeeded', 'Failed', 'Error'].includes(w.status?.phase ?? '') ? w : undefined;
    };
    const [cliRun, argovueRun] = await Promise.all([
      eventually('argo’s resubmit to finish', done(fromCli.metadata.name), 90_000),
      eventually('ArgoVue’s resubmit to finish', done(res.body.name), 90_000),
    ]);
    assert.equal(argovueRun.status?.phase, 'Succeeded');
    assert.deepEqual(ending(argovueRun, oldArgovue), ending(cliRun, oldCli));
    assert.deepEqual(await podNodes(res.body.name), await podNodes(fromCli.metadata.name));
    return { run: argovueRun, pods: await podNodes(res.body.name) };
  }

  it('formulates the object argo creates, then skips what succeeded and runs the rest like it', async () => {
    const { viaCli, viaArgovue } = twins.plain;
    const { run, pods } = await resubmitBothWays(viaCli, viaArgovue);
    // Only b and d ran again: a and c are Skipped nodes that name their original pods.
    assert.deepEqual(pods, ['b', 'd']);
    const skipped = Object.values(run.status?.nodes ?? {}).filter((n) => n['type'] === 'Skipped');
    assert.deepEqual(skipped.map((n) => n['displayName']).sort(), ['a', 'c']);
    for (const node of skipped)
      assert.match(String(node['message']), new RegExp(`original pod: ${viaArgovue}-\\d+`));
  });

  it('matches argo with retries and an exit handler, where argo runs a retried step again', async () => {
    const { viaCli, viaArgovue } = twins.retries;
    const { pods } = await resubmitBothWays(viaCli, viaArgovue);
    // Argo's memoized resubmit sets a step's Retry node Pending; its Skipped attempt does not count
    // as success, so the controller runs a new attempt of a step that had succeeded (a(1)). The exit
    // handler runs again too.
    assert.ok(pods.includes('a(1)'), pods.join(' '));
    assert.ok(pods.includes('onExit'), pods.join(' '));
  });

  it('refuses a memoized resubmit of a workflow that has not failed, creating nothing', async () => {
    const fine = `memo-ok-${suffix}`;
    made.push(fine);
    await createWorkflow('team-a', diamond(fine, false, '0'));
    await eventually(
      `${fine} to succeed`,
      async () => ((await getWorkflow('team-a', fine)).status?.phase === 'Succeeded' ? true : undefined),
      60_000,
    );
    const res = await suite.alice.send<ApiError>(
      'POST',
      `/api/v1/namespaces/team-a/workflows/${fine}/resubmit`,
      {
        memoized: true,
      },
    );
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'CONFLICT');
    assert.match(res.body.message, /needs a Failed or Error workflow/);
    const children = await resubmittedFrom('team-a', fine);
    assert.deepEqual(children, []);
  });
});
