// A workflow that is still running cannot be retried (nor resubmitted memoized): the answer is a 409
// CONFLICT that says why, and the workflow, its pods and the namespace are left as they were. The
// workflow waits in a suspend step, so nothing else changes it while the requests are made.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { eventually } from '../../devcluster/test/cluster.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { podUidsByNode, resourceVersionOf, resubmittedFrom } from '../support/workflow-state.ts';

describe('retrying a running workflow', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const name = `running-${randomBytes(3).toString('hex')}`;
  let firstStep = '';
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    await createWorkflow('team-a', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name },
      spec: {
        entrypoint: 'main',
        templates: [
          {
            name: 'main',
            steps: [[{ name: 'work', template: 'work' }], [{ name: 'hold', template: 'hold' }]],
          },
          { name: 'work', container: { image: 'example.invalid/x:1', command: ['run'] } },
          { name: 'hold', suspend: {} },
        ],
      },
    });
    // Running, its first step done and its suspend step waiting: the controller has nothing to do.
    firstStep = await eventually(
      `${name} to wait in its suspend step`,
      async () => {
        const w = await getWorkflow('team-a', name);
        const nodes = Object.values(w.status?.nodes ?? {});
        const work = nodes.find((n) => n.displayName === 'work' && n.phase === 'Succeeded');
        const waiting = nodes.some((n) => n.type === 'Suspend' && n.phase === 'Running');
        return w.status?.phase === 'Running' && waiting && work !== undefined ? work.id : undefined;
      },
      60_000,
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
  after(async () => {
    await server.stop();
    await deleteWorkflow('team-a', name).catch(() => undefined);
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
      const res = await alice.send<ApiError>('POST', `${path}/${action}`, body);
      assert.equal(res.status, 409, `${action} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.code, 'CONFLICT');
      assert.match(res.body.message, /Running/);
    }
    assert.equal(await resourceVersionOf('team-a', name), version);
    assert.deepEqual(await podUidsByNode('team-a', name), pods);
    assert.deepEqual(await resubmittedFrom('team-a', name), []);
  });
});
