// A running workflow's page follows it by deltas: a first full state, then only the nodes that changed
// and the workflow fields that changed. The real controller runs a workflow (a chain and a fan-out on
// KWOK pods that each run a few seconds) while alice's stream is open; applied in order, the events
// make exactly the apiserver's state at the end — no change lost, none sent twice, no node sent that
// did not change. A second stream is dropped halfway and reopened with Last-Event-ID: it resumes with
// the deltas it missed (no whole state again) and ends at the same state; an id it cannot resume from
// gets the whole state. The same for a status big enough that Argo stores it compressed
// (status.compressedNodes, whose nodes are compared in the inflating worker): written here as admin.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { WorkflowDelta, WorkflowDetail } from '@argovue/api-types';
import { applyWorkflowDelta, sameNode } from '@argovue/api-types/workflow-deltas';
import { eventually } from '../../devcluster/test/cluster.ts';
import { gzipSync } from 'node:zlib';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { bigWorkflowNodes, fanOutWorkflow } from '../support/big-workflow.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import {
  apiserverDetail,
  comparable,
  mergePatchWorkflow,
  openLiveWorkflow,
  type LiveWorkflowReader,
} from '../support/live-workflow.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { finishedAndArchived } from '../support/workflow-state.ts';

/** `start` → `fan` over three items → `end`, each pod running `podSeconds` on KWOK. */
function chainAndFanOut(name: string, podSeconds: number): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name, labels: { 'argovue.dev/test': 'true' } },
    spec: {
      entrypoint: 'main',
      podMetadata: { annotations: { 'pod-complete.stage.kwok.x-k8s.io/delay': `${podSeconds}s` } },
      templates: [
        {
          name: 'main',
          dag: {
            tasks: [
              { name: 'start', template: 'step' },
              { name: 'fan', template: 'step', dependencies: ['start'], withItems: ['a', 'b', 'c'] },
              { name: 'end', template: 'step', dependencies: ['fan'] },
            ],
          },
        },
        { name: 'step', container: { image: 'registry.example.com/data/step:1', command: ['run'] } },
      ],
    },
  };
}

async function waitUntilAt(live: LiveWorkflowReader, version: string): Promise<void> {
  await live.sse.waitFor(`the event of version ${version}`, (e) => e.id === version, 30_000);
}

describe('a running workflow’s page gets only the nodes that changed', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const name = `live-deltas-${randomBytes(3).toString('hex')}`;
  const packed = `live-packed-${randomBytes(3).toString('hex')}`;
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
  });
  after(async () => {
    await server.stop();
    await deleteWorkflow('team-a', name).catch(() => undefined);
    await deleteWorkflow('team-a', packed).catch(() => undefined);
  });

  it('sends a whole state, then deltas that end exactly at the apiserver’s state; a reconnect resumes', async () => {
    await createWorkflow('team-a', chainAndFanOut(name, 3));
    const opened = await openLiveWorkflow(alice, 'team-a', name);
    assert.equal(opened.status, 200);
    const live = opened.live;
    assert.ok(live);
    const first = await live.sse.waitFor('the first state', () => true);
    assert.equal(first.event, 'snapshot', 'the first event is the whole state');

    // A second page, dropped once the workflow has moved on a few versions, and opened again with
    // the last id it saw.
    const second = (await openLiveWorkflow(alice, 'team-a', name)).live;
    assert.ok(second);
    await second.sse.waitFor('its first state', () => true);
    await live.sse.waitFor(
      'three deltas',
      () => live.events.filter((e) => e.event === 'delta').length >= 3,
      60_000,
    );
    const dropped = second.state();
    const resumeFrom = second.lastId;
    assert.ok(dropped !== undefined && resumeFrom !== undefined);
    await second.close();

    await finishedAndArchived('team-a', name, 'Succeeded');
    // The stream has caught up when its last id is the apiserver's version (read again if it moved on).
    const truth = await eventually(
      'the stream at the apiserver’s version',
      async () => {
        const now = await apiserverDetail('team-a', name);
        return live.lastId === now.version ? now : undefined;
      },
      30_000,
    );

    // Applied in order, the events make the apiserver's state.
    assert.deepEqual(comparable(live.state() as WorkflowDetail), comparable(truth.detail));
    // No event twice: every id is new, and every delta moved from the state of the one before.
    const ids = live.events.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'no version sent twice');
    assert.equal(live.events.filter((e) => e.event === 'snapshot').length, 1, 'one whole state, first');
    // Each delta carries only nodes that changed, and fewer than all once the graph has grown.
    let state = first.data as WorkflowDetail;
    let partial = 0;
    for (const event of live.events.slice(1)) {
      assert.equal(event.event, 'delta');
      const delta = event.data as WorkflowDelta;
      const before = new Map(state.nodes.map((n) => [n.id, n]));
      for (const node of delta.nodes ?? []) {
        const was = before.get(node.id);
        assert.ok(was === undefined || !sameNode(was, node), `node ${node.displayName} was sent unchanged`);
      }
      if ((delta.nodes?.length ?? 0) > 0 && (delta.nodes?.length ?? 0) < before.size) partial++;
      state = applyWorkflowDelta(state, delta);
    }
    assert.ok(truth.detail.nodes.length >= 6, 'the graph grew: root, start, fan group, three items, end');
    assert.ok(partial > 0, 'some delta carried part of the nodes, not all of them');

    // The dropped page comes back with its last id: the deltas since, not the whole state again.
    const resumed = (await openLiveWorkflow(alice, 'team-a', name, resumeFrom)).live;
    assert.ok(resumed);
    await waitUntilAt(resumed, truth.version);
    assert.ok(
      resumed.events.every((e) => e.event === 'delta'),
      'a resumed stream sends the deltas it missed, not a whole state',
    );
    assert.deepEqual(comparable(resumed.state(dropped) as WorkflowDetail), comparable(truth.detail));
    await resumed.close();

    // An id it cannot resume from (another workflow's, or garbage) gets the whole state.
    const unknown = (await openLiveWorkflow(alice, 'team-a', name, 'not-a-version')).live;
    assert.ok(unknown);
    const restart = await unknown.sse.waitFor('a whole state', () => true);
    assert.equal(restart.event, 'snapshot');
    assert.equal(restart.id, truth.version);
    await unknown.close();

    // The user's own read of the workflow says the same as the stream.
    const read = await alice.json<WorkflowDetail>(`/api/v1/namespaces/team-a/workflows/${name}`);
    const { managedFields: _m, ...metadata } = (read.body.object as { metadata: Record<string, unknown> })
      .metadata;
    assert.deepEqual(
      comparable({ ...read.body, object: { ...(read.body.object as object), metadata } }),
      comparable(live.state() as WorkflowDetail),
    );
    await live.close();
  });

  it('follows a compressed status the same way: changed, added and removed nodes', async () => {
    // Labelled completed, so Argo's controller leaves it to the writes below.
    const workflow = fanOutWorkflow(packed, 40, { namespace: 'team-a', compress: 'always' });
    const nodes = bigWorkflowNodes(workflow) as unknown as Record<string, Record<string, unknown>>;
    await createWorkflow('team-a', workflow);
    const live = (await openLiveWorkflow(alice, 'team-a', packed)).live;
    assert.ok(live);
    assert.equal((await live.sse.waitFor('the first state', () => true)).event, 'snapshot');
    const write = async (change: () => void) => {
      change();
      await mergePatchWorkflow('team-a', packed, {
        status: { compressedNodes: gzipSync(JSON.stringify(nodes)).toString('base64') },
      });
    };
    const items = Object.keys(nodes).filter((id) => String(nodes[id]?.['displayName']).startsWith('fan('));
    await write(() => {
      for (const id of items.slice(0, 5))
        Object.assign(nodes[id] ?? {}, { phase: 'Failed', message: 'broke' });
    });
    await write(() => {
      nodes[`${packed}-late`] = {
        id: `${packed}-late`,
        name: `${packed}.late`,
        type: 'Pod',
        phase: 'Running',
      };
      Reflect.deleteProperty(nodes, items[6] ?? '');
    });
    const truth = await eventually(
      'the stream at the apiserver’s version',
      async () => {
        const now = await apiserverDetail('team-a', packed);
        return live.lastId === now.version ? now : undefined;
      },
      30_000,
    );
    assert.deepEqual(comparable(live.state() as WorkflowDetail), comparable(truth.detail));
    const deltas = live.events.filter((e) => e.event === 'delta').map((e) => e.data as WorkflowDelta);
    assert.deepEqual(
      deltas.map((d) => [d.nodes?.length ?? 0, d.removed?.length ?? 0]),
      [
        [5, 0],
        [1, 1],
      ],
      'each write sent the nodes it changed, added or removed, and no others',
    );
    await live.close();
  });
});
