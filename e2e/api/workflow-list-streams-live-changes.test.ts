// The live workflow list: changes in the user's namespaces arrive as events (latency is measured in
// bench/, not asserted here), nothing
// from other namespaces does, and a reconnect with Last-Event-ID resumes without losing or repeating.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError, WorkflowList, WorkflowRow } from '@argovue/api-types';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SseReader, type SseEvent } from '../support/sse.ts';

function workflow(name: string): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name },
    spec: {
      entrypoint: 'main',
      templates: [{ name: 'main', container: { image: 'example.invalid/x:1', command: ['x'] } }],
    },
  };
}

const isUpsertOf = (name: string) => (event: SseEvent) =>
  event.event === 'upsert' && (event.data as WorkflowRow).name === name;

describe('live workflow list', () => {
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;
  const suffix = randomBytes(3).toString('hex');
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    bob = await loginAs(server.url, 'bob');
  });
  after(async () => {
    await server.stop();
    for (const [namespace, name] of [
      ['team-b', `other-team-${suffix}`],
      ['team-a', `live-${suffix}`],
      ['team-a', `while-away-${suffix}`],
      ['team-a', `after-list-${suffix}`],
    ] as const) {
      await deleteWorkflow(namespace, name).catch(() => undefined);
    }
  });

  async function open(
    client: ApiClient,
    query = '',
    headers: Record<string, string> = {},
  ): Promise<SseReader> {
    const res = await client.fetch(`/api/v1/workflows/events${query}`, {
      headers: { accept: 'text/event-stream', ...headers },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    return new SseReader(res);
  }

  it('sends a new workflow of alice’s namespace, and none of another team’s', async () => {
    const stream = await open(alice);
    await stream.waitFor('ready', (e) => e.event === 'ready');
    await createWorkflow('team-b', workflow(`other-team-${suffix}`));
    await createWorkflow('team-a', workflow(`live-${suffix}`));
    await stream.waitFor('the team-a workflow', isUpsertOf(`live-${suffix}`), 5000);
    // Let the team-b workflow's events arrive if they were going to.
    await stream.waitFor(
      'the team-a workflow to be picked up',
      (e) =>
        e.event === 'upsert' &&
        (e.data as WorkflowRow).name === `live-${suffix}` &&
        (e.data as WorkflowRow).phase !== 'Pending',
      10_000,
    );
    assert.ok(
      stream.events.every((e) => e.event !== 'upsert' || (e.data as WorkflowRow).namespace === 'team-a'),
      'no row of team-b',
    );
    await stream.close();
  });

  it('resumes from Last-Event-ID without losing or repeating events', async () => {
    const first = await open(alice);
    const ready = await first.waitFor('ready', (e) => e.event === 'ready');
    await first.close();
    assert.ok(ready.id);
    await createWorkflow('team-a', workflow(`while-away-${suffix}`));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const resumed = await open(alice, '', { 'last-event-id': ready.id });
    await resumed.waitFor('the event missed while away', isUpsertOf(`while-away-${suffix}`));
    const ids = resumed.events.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'no event twice');
    assert.ok(!resumed.events.some((e) => e.event === 'reset'));
    await resumed.close();
  });

  it('continues a list: the list’s eventId resumes exactly after it', async () => {
    const list = await alice.json<WorkflowList>('/api/v1/namespaces/team-a/workflows?limit=1');
    await createWorkflow('team-a', workflow(`after-list-${suffix}`));
    const stream = await open(alice, `?namespace=team-a&lastEventId=${list.body.eventId}`);
    await stream.waitFor('the workflow created after the list', isUpsertOf(`after-list-${suffix}`));
    await stream.close();
  });

  it('tells a client it cannot resume an unknown id to list again', async () => {
    const stream = await open(alice, '', { 'last-event-id': 'deadbeef-1' });
    await stream.waitFor('reset', (e) => e.event === 'reset');
    await stream.close();
  });

  it('refuses bob the stream of team-a like a missing namespace', async () => {
    const res = await bob.json<ApiError>('/api/v1/workflows/events?namespace=team-a');
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'NOT_FOUND');
  });
});
