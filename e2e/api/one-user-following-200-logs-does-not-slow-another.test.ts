// One user cannot hang everyone: alice opens 200 followed logs of a running pod at once. She gets as
// many as her stream cap allows (set above the 64 sockets that all traffic once shared, so the test
// also shows that streams no longer take the sockets of other calls) and a clear 429
// TOO_MANY_STREAMS with a hint for the rest, never a hang; meanwhile bob's reads — from the cache and
// from the apiserver as bob — answer. When alice closes her logs, her streams are hers again.
// (How fast bob's reads stay is measured in bench/stream-isolation.ts, not asserted here.)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { WorkflowList } from '@argovue/api-types';
import { eventually } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import {
  openLog,
  startRunningWorkflow,
  type FollowedLog,
  type RunningWorkflow,
} from '../support/followed-logs.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const perUser = 100;
const opened = 200;

describe('one user following 200 logs', () => {
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;
  let running: RunningWorkflow;
  const name = `follow-load-${randomBytes(3).toString('hex')}`;
  const logs: FollowedLog[] = [];
  before(async () => {
    server = await startServer({ ARGOVUE_MAX_STREAMS_PER_USER: String(perUser) });
    alice = await loginAs(server.url, 'alice');
    bob = await loginAs(server.url, 'bob');
    running = await startRunningWorkflow('team-a', name);
  });
  after(async () => {
    for (const log of logs) log.close();
    await server.stop();
    await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('gives alice her cap of streams and 429 for the rest, while bob’s reads answer', async () => {
    const path = `${running.path}/logs?node=${running.nodeId}&follow=true`;
    logs.push(...(await Promise.all(Array.from({ length: opened }, () => openLog(alice, path)))));
    const statuses = logs.map((log) => log.status);
    // More than the cap means some of her followed logs ended at once and freed their slots: KWOK
    // serves each followed log with an inotify instance (devcluster/cluster.sh ensure_inotify_instances).
    assert.equal(statuses.filter((s) => s === 200).length, perUser, 'as many streams as the cap');
    assert.equal(statuses.filter((s) => s === 429).length, opened - perUser, 'the rest refused');
    for (const refused of logs.filter((log) => log.status === 429)) {
      assert.equal(refused.error?.code, 'TOO_MANY_STREAMS');
      assert.equal(refused.error.status, 429);
      assert.ok(refused.error.hint, 'with a hint');
    }

    // alice's 100 streams are all open now; bob's reads, cached and made as bob, still answer.
    const list = await bob.json<WorkflowList>('/api/v1/namespaces/team-b/workflows');
    assert.equal(list.status, 200);
    const row = list.body.items[0];
    assert.ok(row, 'bob has a workflow in team-b');
    for (let i = 0; i < 20; i++) {
      const answers: Response[] = await Promise.all([
        bob.fetch(`/api/v1/namespaces/team-b/workflows/${row.name}`),
        bob.fetch(`/api/v1/namespaces/team-b/workflows/${row.name}/events`),
        bob.fetch('/api/v1/namespaces'),
      ]);
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [200, 200, 200],
      );
      await Promise.all(answers.map((answer) => answer.arrayBuffer()));
    }
  });

  it('frees alice’s streams when she closes them', async () => {
    for (const log of logs) log.close();
    const path = `${running.path}/logs?node=${running.nodeId}&follow=true`;
    // The server sees each close as its connection ends; then her cap is free again.
    const again = await eventually(
      'alice’s streams to be released',
      async () => {
        const tries = await Promise.all(Array.from({ length: perUser }, () => openLog(alice, path)));
        for (const t of tries) t.close();
        return tries.every((t) => t.status === 200) ? tries : undefined;
      },
      30_000,
    );
    assert.equal(again.length, perUser);
  });
});
