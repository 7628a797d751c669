// A running workflow's page applies the deltas of its live stream: a change of phases updates the
// node table, the open node's panel and the fan-out group's counts in place, with no new layout of the
// graph; a node added lays it out once more. The workflow's status is written as admin (a fan-out of 26
// items, labelled completed so Argo's controller leaves it alone and only our writes change it).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { nodeId, runningFanOut } from '../support/big-workflow.ts';
import { mergePatchWorkflow } from '../support/live-workflow.ts';
import { WorkflowPage } from '../support/pages/workflow-page.ts';
import { workflowSuite } from '../support/suites.ts';

const namespace = 'team-a';
const name = `live-graph-${randomBytes(3).toString('hex')}`;

describe('a running workflow’s graph', () => {
  const suite = workflowSuite(namespace, runningFanOut(name, 30, { namespace, runningFrom: 3 }), 'alice');

  it('updates phases in place and lays the graph out again only for a new node', async () => {
    const { page } = suite.watched;
    const workflow = await WorkflowPage.openLive(page, suite.server.url, namespace, name);
    // The panel of an item that is about to fail, found by the search (it opens the fan-out's group).
    await workflow.find('fan(4:item-4)');
    await workflow.panelShows('fan(4:item-4)');
    const panel = workflow.nodePanel;
    await workflow.drawn();
    const laidOut = await workflow.layouts();
    assert.ok(laidOut >= 2, 'laid out, then again with the group open');

    const item = (i: number) => nodeId(name, `${name}.fan(${i}:item-${i})`);
    await mergePatchWorkflow(namespace, name, {
      status: {
        nodes: {
          [item(4)]: { phase: 'Failed', message: 'shard 4 broke while you looked' },
          [item(5)]: { phase: 'Succeeded', finishedAt: '2026-11-24T10:01:00Z' },
        },
      },
    });
    await panel.getByText('shard 4 broke while you looked').waitFor();
    await panel.locator('.phase-badge', { hasText: 'Failed' }).waitFor();

    // A node added: the graph is laid out once more, and only then.
    await mergePatchWorkflow(namespace, name, {
      status: {
        nodes: {
          [`${name}-late`]: {
            id: `${name}-late`,
            name: `${name}.late`,
            displayName: 'late',
            type: 'Pod',
            phase: 'Pending',
            templateName: 'work',
            boundaryID: name,
          },
          [name]: {
            children: [nodeId(name, `${name}.split`), `${name}-late`],
          },
        },
      },
    });
    await workflow.find('late');
    await workflow.panelShows('late');
    await workflow.drawn();
    await workflow.laidOutAgainAfter(laidOut);
    assert.equal(
      await workflow.layouts(),
      laidOut + 1,
      'one layout for the new node, none for the phases that changed before it',
    );
    // The pods of this seeded workflow do not exist: the panel's pod and log reads answer 404, shown.
    const unexpected = suite.watched.errors.filter((e) => !e.includes('status of 404'));
    assert.deepEqual(unexpected, [], 'the page logged no unexpected errors');
  });
});
