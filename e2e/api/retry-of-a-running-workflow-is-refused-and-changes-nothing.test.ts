// A workflow that is still running cannot be retried (nor resubmitted memoized): the answer is a 409
// CONFLICT that says why, and the workflow, its pods and the namespace are left as they were. The
// workflow waits in a suspend step, so nothing else changes it while the requests are made.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { eventually } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { apiSuite } from '../support/suites.ts';
import { createWorkflowAndWait, podTemplate, testWorkflow } from '../support/test-workflow.ts';
import { podUidsByNode, resourceVersionOf, resubmittedFrom } from '../support/workflow-state.ts';

describe('retrying a running workflow', () => {
  const suite = apiSuite('alice');
  const name = `running-${randomBytes(3).toString('hex')}`;
  let firstStep = '';
  before(async () => {
    suite.afterwards(() => deleteWorkflow('team-a', name));
    // Running, its first step done and its suspend step waiting: the controller has nothing to do.
    firstStep = await createWorkflowAndWait(
      'team-a',
      testWorkflow(name, [
        { name: 'main', steps: [[{ name: 'work', template: 'work' }], [{ name: 'hold', template: 'hold' }]] },
        podTemplate('work'),
        { name: 'hold', suspend: {} },
      ]),
      `${name} to wait in its suspend step`,
      (w) => {
        const nodes = Object.values(w.status?.nodes ?? {});
        const work = nodes.find((n) => n.displayName === 'work' && n.phase === 'Succeeded');
        const waiting = nodes.some((n) => n.type === 'Suspend' && n.phase === 'Running');
        return w.status?.phase === 'Running' && waiting && work !== undefined ? work.id : undefined;
      },
    );
    await eventually(
      'its resourceVersion to settle',
      async () => {
        const first = await resourceVersionOf('team-a', name);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return (await resourceVersionOf('team-a', name)) === first ? true : undefined;
      },
      30_000,
    );
  });

  it('is refused with 409 CONFLICT saying it is running, whole, from a node, or memoized', async () => {
    const version = await resourceVersionOf('team-a', name);
    const pods = await podUidsByNode('team-a', name);
    assert.ok(pods[firstStep], 'the finished step still has its pod');
    const path = `/api/v1/namespaces/team-a/workflows/${name}`;
    const attempts: [string, unknown][] = [
      ['retry', {}],
      ['retry', { nodeId: firstStep, restartSuccessful: true }],
      ['retry', { parameters: {} }],
      ['resubmit', { memoized: true }],
    ];
    for (const [action, body] of attempts) {
      const res = await suite.alice.send<ApiError>('POST', `${path}/${action}`, body);
      assert.equal(res.status, 409, `${action} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.code, 'CONFLICT');
      assert.match(res.body.message, /Running/);
    }
    assert.equal(await resourceVersionOf('team-a', name), version);
    assert.deepEqual(await podUidsByNode('team-a', name), pods);
    assert.deepEqual(await resubmittedFrom('team-a', name), []);
  });
});
