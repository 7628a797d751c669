import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import type { RawNode } from '../nodes.ts';
import { memoizedResubmittedWorkflow } from './resubmit.ts';
import { argoNodeId, memoizedNodes } from './resubmit-memoized.ts';

const now = '2026-11-25T12:00:00Z';
const alice = { username: 'oidc:alice@example.com', groups: ['oidc:team-a'], email: 'alice@example.com' };

// The diamond a → (b, c) → d under a DAG root, as Argo records it when b fails: d omitted; and an
// exit handler that ran.
function failedDiamond(): Map<string, RawNode> {
  const id = (name: string) => argoNodeId('wf', name);
  const node = (task: string, type: string, phase: string, children: string[]): [string, RawNode] => [
    id(`wf.${task}`),
    {
      id: id(`wf.${task}`),
      name: `wf.${task}`,
      displayName: task,
      type,
      phase,
      templateName: 'step',
      boundaryID: 'wf',
      children: children.map((c) => id(`wf.${c}`)),
      startedAt: '2026-11-25T11:00:00Z',
      finishedAt: '2026-11-25T11:01:00Z',
      outputs: { exitCode: phase === 'Failed' ? '1' : '0' },
      ...(phase === 'Failed' ? { message: 'main: Error (exit code 1)' } : {}),
    },
  ];
  return new Map([
    [
      'wf',
      {
        id: 'wf',
        name: 'wf',
        displayName: 'wf',
        type: 'DAG',
        phase: 'Failed',
        children: [id('wf.a')],
        outboundNodes: [id('wf.d')],
        startedAt: '2026-11-25T11:00:00Z',
        finishedAt: '2026-11-25T11:02:00Z',
        message: 'child failed',
      },
    ],
    node('a', 'Pod', 'Succeeded', ['b', 'c']),
    node('b', 'Pod', 'Failed', ['d']),
    node('c', 'Pod', 'Succeeded', ['d']),
    node('d', 'Skipped', 'Omitted', []),
    [
      id('wf.onExit'),
      { id: id('wf.onExit'), name: 'wf.onExit', type: 'Pod', phase: 'Succeeded', displayName: 'wf.onExit' },
    ],
  ]);
}

describe('argoNodeId', () => {
  it('is the id Argo gives a node: the workflow name for the root, FNV-1a of the node name otherwise', () => {
    // Read from a workflow the real controller ran on the local cluster.
    assert.equal(argoNodeId('etl-2026-11-23', 'etl-2026-11-23.transform-b'), 'etl-2026-11-23-1192767679');
    assert.equal(argoNodeId('etl-2026-11-23', 'etl-2026-11-23.transform-a'), 'etl-2026-11-23-1209545298');
    assert.equal(argoNodeId('etl-2026-11-23', 'etl-2026-11-23'), 'etl-2026-11-23');
  });
});

describe('memoizedNodes', () => {
  const nodes = memoizedNodes('wf', 'wf-x1y2z', failedDiamond(), now);
  const byName = (name: string) => [...nodes.values()].find((n) => n['name'] === name);
  const newId = (name: string) => argoNodeId('wf-x1y2z', name);

  it('renames every node to the new workflow and derives its id from the new name', () => {
    assert.deepEqual(
      [...nodes.keys()].sort(),
      ['wf-x1y2z', newId('wf-x1y2z.a'), newId('wf-x1y2z.b'), newId('wf-x1y2z.c')].sort(),
    );
    for (const [key, node] of nodes) assert.equal(node['id'], key);
    assert.deepEqual(byName('wf-x1y2z.a')?.['children'], [newId('wf-x1y2z.b'), newId('wf-x1y2z.c')]);
    assert.equal(byName('wf-x1y2z.a')?.['boundaryID'], 'wf-x1y2z');
  });

  it('turns pods that succeeded into Skipped nodes naming the original pod, outputs kept', () => {
    const a = byName('wf-x1y2z.a');
    assert.equal(a?.['type'], 'Skipped');
    assert.equal(a['phase'], 'Skipped');
    assert.equal(a['message'], `original pod: ${argoNodeId('wf', 'wf.a')}`);
    assert.deepEqual(a['outputs'], { exitCode: '0' });
    assert.equal(a['startedAt'], now);
    assert.equal(a['finishedAt'], now);
  });

  it('sets the failed pod and the groups Pending; the failed pod without times, the groups stamped now', () => {
    const b = byName('wf-x1y2z.b');
    assert.equal(b?.['type'], 'Pod');
    assert.equal(b['phase'], 'Pending');
    assert.equal(b['message'], undefined);
    assert.equal(b['startedAt'], undefined);
    assert.equal(b['finishedAt'], undefined);
    const root = nodes.get('wf-x1y2z');
    assert.equal(root?.['phase'], 'Pending');
    assert.equal(root['message'], undefined);
    assert.equal(root['finishedAt'], now);
    // Argo keeps the dropped node's id among the outbound nodes and children: so do we.
    assert.deepEqual(root['outboundNodes'], [newId('wf-x1y2z.d')]);
  });

  it('drops the omitted node (nothing below it succeeded) and the exit handler', () => {
    assert.equal(byName('wf-x1y2z.d'), undefined);
    assert.equal(byName('wf-x1y2z.onExit'), undefined);
  });

  it('keeps a skipped node with a succeeded descendant, as Pending', () => {
    const old = failedDiamond();
    const d = old.get(argoNodeId('wf', 'wf.d'));
    old.set(argoNodeId('wf', 'wf.d'), { ...d, type: 'Skipped', phase: 'Skipped', children: ['e'] });
    old.set('e', { id: 'e', name: 'wf.e', type: 'Pod', phase: 'Succeeded' });
    const kept = memoizedNodes('wf', 'wf-2', old, now);
    assert.equal(kept.get(argoNodeId('wf-2', 'wf-2.d'))?.['phase'], 'Pending');
  });

  it('ends on a status whose children form a cycle or name nodes that do not exist', () => {
    const old = failedDiamond();
    const d = argoNodeId('wf', 'wf.d');
    old.set(d, { ...old.get(d), children: [argoNodeId('wf', 'wf.a'), 'ghost'] });
    const made = memoizedNodes('wf', 'wf-3', old, now);
    // a (succeeded) is below d through the cycle, so d stays; the missing child converts as the
    // empty name does in Argo.
    const d3 = made.get(argoNodeId('wf-3', 'wf-3.d'));
    assert.equal(d3?.['phase'], 'Pending');
    assert.deepEqual(d3['children'], [argoNodeId('wf-3', 'wf-3.a'), argoNodeId('wf-3', '')]);
  });
});

describe('memoizedResubmittedWorkflow', () => {
  const old = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name: 'wf',
      labels: {
        team: 'a',
        'workflows.argoproj.io/completed': 'true',
        'workflows.argoproj.io/phase': 'Failed',
      },
    },
    spec: { entrypoint: 'main', shutdown: 'Stop', arguments: { parameters: [{ name: 'code', value: '1' }] } },
    status: {
      phase: 'Failed',
      nodes: Object.fromEntries(failedDiamond()),
      storedTemplates: { 'namespaced/t/step': { name: 'step' } },
      message: 'child failed',
    },
  };

  it('is the plain resubmit under the chosen name, with the carried nodes and a fresh status', async () => {
    const made = await memoizedResubmittedWorkflow(old, { code: '0' }, alice, 'wf-abcde', now);
    assert.ok(made.ok);
    const { metadata = {}, spec = {}, status } = made.workflow;
    assert.equal(metadata.name, 'wf-abcde');
    assert.equal(metadata.generateName, 'wf-');
    assert.equal(metadata.labels?.['workflows.argoproj.io/resubmitted-from-workflow'], 'wf');
    assert.equal(metadata.labels['workflows.argoproj.io/completed'], undefined);
    assert.equal(spec.shutdown, undefined);
    assert.deepEqual(spec.arguments?.parameters, [{ name: 'code', value: '0' }]);
    assert.deepEqual(Object.keys(status ?? {}).sort(), ['conditions', 'nodes', 'storedTemplates']);
    assert.deepEqual(status?.['conditions'], [{ type: 'Completed', status: 'False' }]);
    assert.equal(Object.keys(status['nodes'] as object).length, 4);
  });

  it('keeps a compressed node map compressed', async () => {
    const { nodes, ...rest } = old.status;
    const compressedNodes = gzipSync(JSON.stringify(nodes)).toString('base64');
    const made = await memoizedResubmittedWorkflow(
      { ...old, status: { ...rest, compressedNodes } },
      {},
      alice,
      'wf-abcde',
      now,
    );
    assert.ok(made.ok);
    assert.equal(made.workflow.status?.nodes, undefined);
    const inflated = JSON.parse(
      gunzipSync(Buffer.from(made.workflow.status?.compressedNodes as string, 'base64')).toString(),
    ) as Record<string, RawNode>;
    assert.equal(Object.keys(inflated).length, 4);
  });

  it('refuses a status whose children form a cycle or name a missing node', async () => {
    const nodes = failedDiamond();
    const a = argoNodeId('wf', 'wf.a');
    const b = argoNodeId('wf', 'wf.b');
    nodes.set(b, { ...nodes.get(b), children: [a] });
    const cyclic = await memoizedResubmittedWorkflow(
      { ...old, status: { ...old.status, nodes: Object.fromEntries(nodes) } },
      {},
      alice,
      'x',
      now,
    );
    assert.ok(!cyclic.ok);
    assert.match(cyclic.reason, /cycle/);
  });

  it('refuses a workflow that has not failed, and a malformed node map', async () => {
    for (const phase of ['Running', 'Succeeded', 'Pending', '']) {
      const made = await memoizedResubmittedWorkflow(
        { ...old, status: { ...old.status, phase } },
        {},
        alice,
        'x',
        now,
      );
      assert.ok(!made.ok);
      assert.match(made.reason, /needs a Failed or Error workflow/);
    }
    const broken = await memoizedResubmittedWorkflow(
      { ...old, status: { ...old.status, nodes: 'not a map' } },
      {},
      alice,
      'x',
      now,
    );
    assert.ok(!broken.ok);
  });
});
