// The pod of a finished node was deleted (pod GC, an admin): its log is a clear 404 NOT_FOUND that
// says the pod is gone — answered at once, not a 500 and not a hang; the interleaved log of the
// workflow simply has nothing from it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { core, eventually } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { apiSuite } from '../support/suites.ts';
import { createWorkflowAndWait, podTemplate, testWorkflow } from '../support/test-workflow.ts';

describe('the log of a pod that no longer exists', () => {
  const suite = apiSuite('alice');
  const name = `pod-gone-${randomBytes(3).toString('hex')}`;
  let node = '';
  before(async () => {
    suite.afterwards(() => deleteWorkflow('team-a', name));
    node = await createWorkflowAndWait(
      'team-a',
      testWorkflow(name, [podTemplate('main')]),
      `${name} to succeed`,
      (w) => (w.status?.phase === 'Succeeded' ? Object.keys(w.status.nodes ?? {})[0] : undefined),
    );
    // Its log is there while the pod is.
    const res = await suite.alice.fetch(`/api/v1/namespaces/team-a/workflows/${name}/logs?node=${node}`);
    assert.equal(res.status, 200);
    assert.notEqual(await res.text(), '');
    await core.deleteNamespacedPod({ namespace: 'team-a', name, gracePeriodSeconds: 0 });
    await eventually(
      'the pod to be gone',
      () =>
        core.readNamespacedPod({ namespace: 'team-a', name }).then(
          () => undefined,
          () => true,
        ),
      30_000,
    );
  });

  it('is 404 POD_NOT_FOUND saying the node has no pod any more, answered at once', async () => {
    for (const query of ['', '&follow=true', '&download=true', '&timestamps=true&tailLines=10']) {
      const res = await suite.alice.json<ApiError>(
        `/api/v1/namespaces/team-a/workflows/${name}/logs?node=${node}${query}`,
        {
          signal: AbortSignal.timeout(10_000),
        },
      );
      assert.equal(res.status, 404, query);
      assert.equal(res.body.code, 'POD_NOT_FOUND');
      assert.match(res.body.message, /has no pod \(any more\)/);
      assert.match(res.body.hint ?? '', /deleted/);
    }
  });

  it('leaves the interleaved log of the workflow empty rather than failing', async () => {
    const res = await suite.alice.fetch(`/api/v1/namespaces/team-a/workflows/${name}/logs/all`, {
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
  });
});
