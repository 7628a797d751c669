// An expanded fan-out seen from far (every item a coloured rectangle): an update of phases paints
// only the changed nodes again (graph-canvas.tsx, drawItemsAgain), and what the user sees must be
// what a whole frame shows — a node that fails turns the Failed colour, and one that then succeeds
// loses it again, with no new layout. The status is written as admin (a fan-out of 30 items,
// labelled completed so Argo's controller leaves it alone and only our writes change it).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { fanOutWorkflow, nodeId } from '../support/big-workflow.ts';
import { launchBrowser, openPage, type WatchedPage } from '../support/browser.ts';
import { mergePatchWorkflow } from '../support/live-workflow.ts';
import { WorkflowPage } from '../support/pages/workflow-page.ts';
import { signInThroughProvider } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const namespace = 'team-a';
const name = `far-graph-${randomBytes(3).toString('hex')}`;
// The phase colours of web/src/features/workflows/graph/draw-scene.ts.
const FAILED = '#c0392b';

/** The fan-out, running: every item Running. */
function runningFanOut(): object {
  const workflow = fanOutWorkflow(name, 30, { namespace, compress: 'never' }) as unknown as {
    status: { phase: string; finishedAt?: string; nodes: Record<string, Record<string, unknown>> };
    metadata: { labels: Record<string, string> };
  };
  workflow.status.phase = 'Running';
  delete workflow.status.finishedAt;
  workflow.metadata.labels['workflows.argoproj.io/phase'] = 'Running';
  for (const node of Object.values(workflow.status.nodes)) {
    if (/^fan\(/.test(String(node['displayName']))) {
      node['phase'] = 'Running';
      delete node['finishedAt'];
    }
  }
  return workflow;
}

describe('a running fan-out seen from far', () => {
  let server: RunningServer;
  let browser: Browser;
  let watched: WatchedPage;
  before(async () => {
    server = await startServer();
    await createWorkflow(namespace, runningFanOut());
    browser = await launchBrowser();
    watched = await openPage(browser);
    await watched.page.goto(server.url);
    await signInThroughProvider(watched.page, 'alice');
  });
  after(async () => {
    await browser.close();
    await server.stop();
    await deleteWorkflow(namespace, name).catch(() => undefined);
  });

  it('shows a node failing and then succeeding in its colour, without a new layout', async () => {
    const { page } = watched;
    const workflow = await WorkflowPage.open(page, server.url, namespace, name);
    await workflow.drawn();
    await page.locator('[data-live="live"]').waitFor();
    // Open the fan-out's group (the search expands it), then see the whole graph from far.
    await workflow.find('fan(4:item-4)');
    await workflow.panelShows('fan(4:item-4)');
    await workflow.drawn();
    await workflow.fit();
    const laidOut = await workflow.layouts();
    assert.equal(await workflow.pixelsOf(FAILED), 0, 'nothing failed yet');

    const item = (i: number) => nodeId(name, `${name}.fan(${i}:item-${i})`);
    await mergePatchWorkflow(namespace, name, {
      status: { nodes: { [item(11)]: { phase: 'Failed', message: 'shard 11 broke' } } },
    });
    await workflow.waitForPixels(FAILED);
    const failed = await workflow.pixelsOf(FAILED);
    assert.ok(failed > 20, `the failed node is a rectangle of ${failed} pixels`);

    await mergePatchWorkflow(namespace, name, {
      status: { nodes: { [item(11)]: { phase: 'Succeeded', message: '' } } },
    });
    await workflow.waitForPixels(FAILED, { none: true });
    assert.equal(await workflow.layouts(), laidOut, 'phases are painted in place, not laid out again');
    // The pods of this seeded workflow do not exist: the panel's pod and log reads answer 404, shown.
    const unexpected = watched.errors.filter((e) => !e.includes('status of 404'));
    assert.deepEqual(unexpected, [], 'the page logged no unexpected errors');
  });
});
