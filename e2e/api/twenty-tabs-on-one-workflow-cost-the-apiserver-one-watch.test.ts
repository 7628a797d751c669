// Twenty tabs on one running workflow's page (alice, carol and dave, all of team-a) cost the apiserver
// ONE watch: ArgoVue follows the workflow with one field-selected watch, shared by every stream on
// it, and closes it once the last tab has gone. Counted by the apiserver itself
// (apiserver_longrunning_requests: a watch of one object by name is of scope "resource"). That all
// twenty are live is shown, not assumed: a change made as admin reaches every tab before counting.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { WorkflowDelta } from '@argovue/api-types';
import { eventually } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { apiserverWatches } from '../support/apiserver-metrics.ts';
import { startRunningWorkflow } from '../support/followed-logs.ts';
import { mergePatchWorkflow, openLiveWorkflow, type LiveWorkflowReader } from '../support/live-workflow.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const tabs = 20;

describe('twenty tabs on one workflow cost the apiserver one watch', () => {
  let server: RunningServer;
  const name = `twenty-tabs-${randomBytes(3).toString('hex')}`;
  before(async () => {
    server = await startServer();
    // Its pods run for 15 minutes: the workflow is running, and quiet, while the tabs look at it.
    await startRunningWorkflow('team-a', name);
  });
  after(async () => {
    await server.stop();
    await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('opens one watch for twenty streams and closes it when they are gone', async () => {
    const baseline = await eventually(
      'no watch of one workflow (none left from before)',
      async () => ((await apiserverWatches('workflows', 'resource')) === 0 ? 0 : undefined),
      30_000,
    );
    const users = await Promise.all(['alice', 'carol', 'dave'].map((u) => loginAs(server.url, u)));
    const streams: LiveWorkflowReader[] = [];
    for (let i = 0; i < tabs; i++) {
      const opened = await openLiveWorkflow(users[i % users.length] as ApiClient, 'team-a', name);
      assert.equal(opened.status, 200, JSON.stringify(opened.error));
      assert.ok(opened.live);
      streams.push(opened.live);
    }
    for (const stream of streams) {
      const first = await stream.sse.waitFor('the whole state', () => true, 30_000);
      assert.equal(first.event, 'snapshot');
    }

    // A change only a watch can bring: every tab gets it, so each tab's watch (if it had one) is open.
    const mark = `tab-check-${randomBytes(3).toString('hex')}`;
    await mergePatchWorkflow('team-a', name, { metadata: { labels: { 'argovue.dev/mark': mark } } });
    for (const stream of streams) {
      await stream.sse.waitFor(
        'the label change',
        (e) => e.event === 'delta' && JSON.stringify((e.data as WorkflowDelta).fields ?? []).includes(mark),
        30_000,
      );
    }
    assert.equal(
      await apiserverWatches('workflows', 'resource'),
      baseline + 1,
      'twenty tabs on one workflow: one watch of it',
    );

    await Promise.all(streams.map((stream) => stream.close()));
    // Closed once the last tab has gone (after the few seconds a reconnecting tab is waited for).
    await eventually(
      'the watch closed',
      async () => ((await apiserverWatches('workflows', 'resource')) === baseline ? true : undefined),
      30_000,
    );
  });
});
