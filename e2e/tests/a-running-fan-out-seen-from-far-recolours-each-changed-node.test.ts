// An expanded fan-out seen from far (every item a coloured rectangle): an update of phases paints
// only the changed nodes again (graph-canvas.tsx, drawItemsAgain), and what the user sees must be
// what a whole frame shows — a node that fails turns the Failed colour, and one that then succeeds
// loses it again, with no new layout. The status is written as admin (a fan-out of 30 items,
// labelled completed so Argo's controller leaves it alone and only our writes change it).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { nodeId, runningFanOut } from '../support/big-workflow.ts';
import { mergePatchWorkflow } from '../support/live-workflow.ts';
import { WorkflowPage } from '../support/pages/workflow-page.ts';
import { workflowSuite } from '../support/suites.ts';

const namespace = 'team-a';
const name = `far-graph-${randomBytes(3).toString('hex')}`;
// The phase colours of web/src/features/workflows/graph/draw-scene.ts.
const FAILED = '#c0392b';

describe('a running fan-out seen from far', () => {
  const suite = workflowSuite(namespace, runningFanOut(name, 30, { namespace }), 'alice');

  it('shows a node failing and then succeeding in its colour, without a new layout', async () => {
    const { page } = suite.watched;
    const workflow = await WorkflowPage.openLive(page, suite.server.url, namespace, name);
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
    const unexpected = suite.watched.errors.filter((e) => !e.includes('status of 404'));
    assert.deepEqual(unexpected, [], 'the page logged no unexpected errors');
  });
});
