// A workflow's page data is read as the user: their own team's workflow opens with its graph nodes;
// another team's looks exactly like one that does not exist.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiError, WorkflowDetail } from '@argovue/api-types';
import { apiSuite } from '../support/suites.ts';

describe('workflow detail', () => {
  const suite = apiSuite('alice', 'bob');

  it('opens the failed demo ETL for alice, with its nodes and phases', async () => {
    const { status, body } = await suite.alice.json<WorkflowDetail>(
      '/api/v1/namespaces/team-a/workflows/etl-2026-11-24-broken',
    );
    assert.equal(status, 200);
    assert.equal(body.row.phase, 'Failed');
    assert.equal(body.row.template?.name, 'etl-pipeline');
    const phases = Object.fromEntries(
      body.nodes.filter((n) => n.type === 'Pod').map((n) => [n.displayName, n.phase]),
    );
    assert.deepEqual(phases, { extract: 'Succeeded', 'transform-a': 'Succeeded', 'transform-b': 'Failed' });
    assert.ok(body.nodes.some((n) => n.displayName === 'load' && n.phase === 'Omitted'));
    const root = body.nodes.find((n) => n.type === 'DAG');
    assert.ok(root && root.children.length > 0, 'the DAG node has children');
    assert.equal(
      (body.object as { status?: { nodes?: unknown } }).status?.nodes,
      undefined,
      'the YAML view has no node map',
    );
  });

  it('refuses bob the same workflow exactly as a missing one', async () => {
    const foreign = await suite.bob.json<ApiError>(
      '/api/v1/namespaces/team-a/workflows/etl-2026-11-24-broken',
    );
    const missing = await suite.bob.json<ApiError>('/api/v1/namespaces/team-a/workflows/no-such-workflow');
    assert.equal(foreign.status, 404);
    assert.equal(missing.status, 404);
    assert.equal(foreign.body.code, 'NOT_FOUND');
    assert.equal(
      foreign.body.message.replace('etl-2026-11-24-broken', 'X'),
      missing.body.message.replace('no-such-workflow', 'X'),
    );
  });

  it('refuses a malformed name before asking Kubernetes', async () => {
    const { status, body } = await suite.alice.json<ApiError>(
      '/api/v1/namespaces/team-a/workflows/..%2F..%2Fsecrets',
    );
    assert.equal(status, 400);
    assert.equal(body.code, 'INPUT_INVALID');
  });
});
