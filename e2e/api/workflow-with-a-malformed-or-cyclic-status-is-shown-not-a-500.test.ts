// Workflows created directly with a broken status (Argo's CRD has no status subresource, and marked
// completed so the controller leaves them alone): children that form a cycle, a child that does not
// exist, nodes that are not a map, compressedNodes that are not gzip, fields of the wrong types. The
// detail answers 200 — the nodes it could read, or a clear nodesError — and the list shows the row;
// retry and memoized resubmit are a 409 that names the problem (a cycle once sent retry into an
// endless loop that froze the server); and nothing is changed: not by ArgoVue, not by the controller.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { ApiError, WorkflowDetail, WorkflowList } from '@argovue/api-types';
import { createWorkflow } from '../../devcluster/test/workflows.ts';
import { apiSuite } from '../support/suites.ts';
import { deleteWorkflows } from '../support/test-workflow.ts';
import { resourceVersionOf, resubmittedFrom } from '../support/workflow-state.ts';

const suffix = randomBytes(3).toString('hex');
const pod = (id: string, phase: string, children: unknown = []) => ({
  id,
  name: id.replace(`-${suffix}-`, `-${suffix}.`),
  displayName: id,
  type: 'Pod',
  phase,
  children,
});

// name → [status, what the detail must say, what retry must say]
const broken: Record<string, [status: Record<string, unknown>, nodes: 'listed' | RegExp, refusal: RegExp]> = {
  cycle: [
    {
      nodes: {
        [`cycle-${suffix}`]: {
          id: `cycle-${suffix}`,
          name: `cycle-${suffix}`,
          type: 'DAG',
          phase: 'Failed',
          children: [`cycle-${suffix}-a`],
        },
        [`cycle-${suffix}-a`]: pod(`cycle-${suffix}-a`, 'Failed', [`cycle-${suffix}-b`]),
        [`cycle-${suffix}-b`]: pod(`cycle-${suffix}-b`, 'Failed', [`cycle-${suffix}-a`]),
      },
    },
    'listed',
    /cycle/,
  ],
  dangling: [
    {
      nodes: {
        [`dangling-${suffix}`]: {
          id: `dangling-${suffix}`,
          name: `dangling-${suffix}`,
          type: 'DAG',
          phase: 'Failed',
          children: ['ghost'],
        },
      },
    },
    'listed',
    /names a child ghost that does not exist/,
  ],
  'not-a-map': [{ nodes: ['a', 'b'] }, /status\.nodes is not a map/, /status\.nodes is not a map/],
  'bad-gzip': [
    { compressedNodes: 'bm90IGd6aXAh' },
    /compressedNodes cannot be read/,
    /compressedNodes cannot be read/,
  ],
  'wrong-types': [
    {
      startedAt: 'not a time',
      progress: 7,
      nodes: {
        x: { id: 'x', name: { not: 'a string' }, phase: 42, children: 'x', type: 'Pod' },
        y: 'not a node',
      },
    },
    /node y is not an object/,
    /node y is not an object/,
  ],
};

describe('a workflow with a malformed or cyclic status', () => {
  const suite = apiSuite('alice');
  suite.afterwards(() => deleteWorkflows('team-a', names));
  const names = Object.keys(broken).map((kind) => `${kind}-${suffix}`);
  before(async () => {
    for (const [kind, [status]] of Object.entries(broken)) {
      await createWorkflow('team-a', {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        metadata: {
          name: `${kind}-${suffix}`,
          labels: { 'workflows.argoproj.io/completed': 'true', 'workflows.argoproj.io/phase': 'Failed' },
        },
        spec: {
          entrypoint: 'main',
          templates: [{ name: 'main', container: { image: 'example.invalid/x:1', command: ['run'] } }],
        },
        status: { phase: 'Failed', finishedAt: '2026-11-25T10:00:00Z', ...status },
      });
    }
  });

  for (const [kind, [, nodes, refusal]] of Object.entries(broken)) {
    it(`${kind}: the detail answers 200, the list has it, retry and memoized resubmit are a clear 409`, async () => {
      const name = `${kind}-${suffix}`;
      const version = await resourceVersionOf('team-a', name);
      const timeout = { signal: AbortSignal.timeout(10_000) };
      const path = `/api/v1/namespaces/team-a/workflows/${name}`;

      const detail = await suite.alice.json<WorkflowDetail>(path, timeout);
      assert.equal(detail.status, 200, JSON.stringify(detail.body).slice(0, 300));
      assert.equal(detail.body.row.phase, 'Failed');
      if (nodes === 'listed') {
        assert.equal(detail.body.nodesError, undefined);
        assert.ok(detail.body.nodes.length > 0);
      } else {
        assert.match(detail.body.nodesError ?? '', nodes);
        assert.deepEqual(detail.body.nodes, []);
      }
      const list = await suite.alice.json<WorkflowList>(
        `/api/v1/namespaces/team-a/workflows?q=${name}`,
        timeout,
      );
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.items.map((row) => row.name),
        [name],
      );

      for (const [action, body] of [
        ['retry', {}],
        ['resubmit', { memoized: true }],
      ] as const) {
        const res = await suite.alice.json<ApiError>(`${path}/${action}`, {
          ...timeout,
          method: 'POST',
          headers: { 'x-csrf-token': suite.alice.csrfToken ?? '', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        assert.equal(res.status, 409, `${action}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.code, 'CONFLICT');
        assert.match(res.body.message, refusal);
      }
      assert.equal(await resourceVersionOf('team-a', name), version);
      assert.deepEqual(await resubmittedFrom('team-a', name), []);
    });
  }

  it('is left alone by the controller (completed), seconds later', async () => {
    const versions = await Promise.all(names.map((name) => resourceVersionOf('team-a', name)));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.deepEqual(await Promise.all(names.map((name) => resourceVersionOf('team-a', name))), versions);
  });
});
