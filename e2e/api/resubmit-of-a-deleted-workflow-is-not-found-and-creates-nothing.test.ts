// A workflow deleted after the page showed it: resubmitting it (plain or memoized) or retrying it is
// 404 NOT_FOUND — the answer for any missing workflow — and no workflow is created from it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { eventually } from '../../devcluster/test/cluster.ts';
import { deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { apiSuite } from '../support/suites.ts';
import { createWorkflowAndWait, podTemplate, testWorkflow } from '../support/test-workflow.ts';
import { resubmittedFrom } from '../support/workflow-state.ts';

describe('resubmitting a deleted workflow', () => {
  const suite = apiSuite('alice');
  const name = `deleted-${randomBytes(3).toString('hex')}`;
  before(async () => {
    await createWorkflowAndWait(
      'team-a',
      testWorkflow(name, [podTemplate('main')], {
        podMetadata: { annotations: { 'argovue.dev/exit-code': '1' } },
      }),
      `${name} to fail`,
      (w) => (w.status?.phase === 'Failed' ? true : undefined),
    );
    // Alice saw it; then it was deleted.
    assert.equal(
      (await suite.alice.json<unknown>(`/api/v1/namespaces/team-a/workflows/${name}`)).status,
      200,
    );
    await deleteWorkflow('team-a', name);
    await eventually(
      `${name} to be gone`,
      () =>
        getWorkflow('team-a', name).then(
          () => undefined,
          () => true,
        ),
      30_000,
    );
  });

  it('is 404 NOT_FOUND, plain, memoized or as a retry, and creates no workflow', async () => {
    for (const [action, body] of [
      ['resubmit', {}],
      ['resubmit', { memoized: true }],
      ['resubmit', { parameters: { anything: '1' } }],
      ['retry', {}],
    ] as const) {
      const res = await suite.alice.send<ApiError>(
        'POST',
        `/api/v1/namespaces/team-a/workflows/${name}/${action}`,
        body,
      );
      assert.equal(res.status, 404, `${action} ${JSON.stringify(body)}`);
      assert.equal(res.body.code, 'NOT_FOUND');
      assert.match(res.body.message, new RegExp(`Workflow ${name} in team-a was not found`));
    }
    assert.deepEqual(await resubmittedFrom('team-a', name), []);
  });
});
