// The Argo controller killed (SIGKILL) while a workflow runs: nothing updates the workflow meanwhile,
// and ArgoVue shows it exactly as the apiserver holds it — no guess, no error; once the controller is
// back and finishes the run, the live list and the detail catch up. Time to catch up is printed.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { WorkflowDetail } from '@argovue/api-types';
import { core, eventually } from '../../devcluster/test/cluster.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { apiSuite } from '../support/suites.ts';
import { withComponentsDown } from '../support/cluster-faults.ts';
import { LiveList, apiserverWorkflows, differingRows } from '../support/live-list.ts';
import { twoStepWorkflow } from '../support/two-step-workflow.ts';

const name = `controller-killed-${randomBytes(3).toString('hex')}`;
const key = `team-a/${name}`;

describe('the Argo controller killed during a run', () => {
  const suite = apiSuite('alice');
  suite.afterwards(() => deleteWorkflow('team-a', name));

  async function detail(): Promise<WorkflowDetail> {
    const res = await suite.alice.json<WorkflowDetail>(`/api/v1/namespaces/team-a/workflows/${name}`);
    assert.equal(res.status, 200);
    return res.body;
  }

  it('shows the workflow as the apiserver holds it, and catches up after the restart', async () => {
    const live = await LiveList.open(suite.alice);
    // Each pod takes 6 s: long enough to be caught running.
    await createWorkflow('team-a', twoStepWorkflow(name, 6));
    await eventually('the workflow to run', async () =>
      (await getWorkflow('team-a', name)).status?.phase === 'Running' ? true : undefined,
    );

    const { result: whileDown, usableAt } = await withComponentsDown(
      ['workflow-controller'],
      async () => {
        // The pods finish without the controller (KWOK completes them); the workflow cannot.
        await eventually(
          'its pods to finish',
          async () => {
            const pods = await core.listNamespacedPod({
              namespace: 'team-a',
              labelSelector: `workflows.argoproj.io/workflow=${name}`,
            });
            const done = pods.items.filter(
              (p) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed',
            );
            return pods.items.length > 0 && done.length === pods.items.length ? true : undefined;
          },
          60_000,
        );
        const held = await apiserverWorkflows(['team-a']);
        const shown = await detail();
        return {
          heldRow: held.rows.get(key),
          shownRow: shown.row,
          liveRow: await eventually('the live row to equal the apiserver’s', () =>
            Promise.resolve(
              JSON.stringify(live.rows().get(key)) === JSON.stringify(held.rows.get(key))
                ? live.rows().get(key)
                : undefined,
            ),
          ),
        };
      },
      { kill: true },
    );
    assert.equal(whileDown.heldRow?.phase, 'Running', 'nothing finished the workflow meanwhile');
    assert.deepEqual(whileDown.shownRow, whileDown.heldRow, 'the detail shows it as it is');
    assert.deepEqual(whileDown.liveRow, whileDown.heldRow, 'so does the live list');

    const final = await eventually(
      'the controller to finish the workflow',
      async () => {
        const phase = (await getWorkflow('team-a', name)).status?.phase;
        return phase === 'Succeeded' || phase === 'Failed' ? phase : undefined;
      },
      180_000,
    );
    const caughtUp = await eventually('the detail and the live row to show the end', async () => {
      const { rows } = await apiserverWorkflows(['team-a']);
      const shown = await detail();
      return shown.row.phase === final && differingRows(rows, live.rows()).length === 0
        ? Date.now()
        : undefined;
    });
    console.log(
      `controller killed mid-run: cluster.sh start done → ArgoVue showing ${final} in ${caughtUp - usableAt} ms ` +
        `(the controller's own catching up included)`,
    );
    await live.close();
  });
});
