import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawNode } from '../nodes.ts';
import { formulateRetry, type RetryWorkflow } from './retry-rules.ts';

const now = '2026-11-25T12:00:00Z';

// The diamond a → (b, c) → d as Argo records it: b failed, d omitted.
function diamond(): { workflow: RetryWorkflow; nodes: Map<string, RawNode> } {
  const node = (
    id: string,
    type: string,
    phase: string,
    children: string[],
    name = `wf.${id}`,
  ): [string, RawNode] => [
    id,
    {
      id,
      name,
      displayName: id,
      type,
      phase,
      children,
      boundaryID: 'root',
      startedAt: '2026-11-25T11:00:00Z',
      finishedAt: '2026-11-25T11:01:00Z',
      message: phase === 'Failed' ? 'main: Error (exit code 1)' : undefined,
    },
  ];
  const nodes = new Map<string, RawNode>([
    [
      'root',
      {
        id: 'root',
        name: 'wf',
        displayName: 'wf',
        type: 'DAG',
        phase: 'Failed',
        children: ['a'],
        outboundNodes: ['d'],
        finishedAt: '2026-11-25T11:02:00Z',
        message: 'child failed',
      },
    ],
    node('a', 'Pod', 'Succeeded', ['b', 'c']),
    node('b', 'Pod', 'Failed', ['d']),
    node('c', 'Pod', 'Succeeded', ['d']),
    node('d', 'Skipped', 'Omitted', []),
  ]);
  return {
    nodes,
    workflow: {
      metadata: {
        name: 'wf',
        labels: {
          'workflows.argoproj.io/completed': 'true',
          'workflows.argoproj.io/phase': 'Failed',
          team: 'a',
        },
      },
      spec: {
        entrypoint: 'main',
        shutdown: 'Terminate',
        arguments: { parameters: [{ name: 'code', value: '1' }] },
      },
      status: {
        phase: 'Failed',
        finishedAt: '2026-11-25T11:02:00Z',
        message: 'child failed',
        conditions: [{ type: 'Completed', status: 'True' }],
      },
    },
  };
}

describe('formulateRetry', () => {
  it('removes the failed node and what hangs below it, resets the DAG, keeps what succeeded', () => {
    const { workflow, nodes } = diamond();
    const result = formulateRetry(workflow, nodes, { restartSuccessful: false, parameters: {}, now });
    assert.ok(result.ok);
    assert.deepEqual([...result.nodes.keys()].sort(), ['a', 'c', 'root']);
    assert.deepEqual(result.podNodesToDelete, ['b']);
    const root = result.nodes.get('root');
    assert.equal(root?.['phase'], 'Running');
    assert.equal(root['message'], undefined);
    assert.equal(root['finishedAt'], undefined);
    assert.deepEqual(root['outboundNodes'], []);
    assert.deepEqual(result.nodes.get('a')?.['children'], ['c']);
    assert.equal(result.nodes.get('c')?.['phase'], 'Succeeded');
    assert.equal(result.workflow.status.phase, '');
    assert.equal(result.workflow.spec.shutdown, undefined);
    assert.equal(result.workflow.metadata.labels?.['workflows.argoproj.io/completed'], undefined);
    assert.deepEqual(result.workflow.status.conditions, [{ type: 'Completed', status: 'False' }]);
  });

  it('restarts a successful node when asked, with everything below it', () => {
    const { workflow, nodes } = diamond();
    const result = formulateRetry(workflow, nodes, {
      restartSuccessful: true,
      nodeId: 'a',
      parameters: { code: '0' },
      now,
    });
    assert.ok(result.ok);
    assert.deepEqual([...result.nodes.keys()], ['root']);
    assert.deepEqual(result.podNodesToDelete.sort(), ['a', 'b', 'c']);
    assert.deepEqual(result.workflow.spec.arguments?.parameters, [{ name: 'code', value: '0' }]);
  });

  it('refuses a running workflow, a succeeded one without a chosen node, and an unknown node', () => {
    const { workflow, nodes } = diamond();
    assert.equal(
      formulateRetry({ ...workflow, status: { phase: 'Running' } }, nodes, {
        restartSuccessful: false,
        parameters: {},
        now,
      }).ok,
      false,
    );
    assert.equal(
      formulateRetry({ ...workflow, status: { phase: 'Succeeded' } }, nodes, {
        restartSuccessful: false,
        parameters: {},
        now,
      }).ok,
      false,
    );
    assert.equal(
      formulateRetry(workflow, nodes, { restartSuccessful: true, nodeId: 'nope', parameters: {}, now }).ok,
      false,
    );
  });

  it('reports a malformed status (a child that does not exist, a node without parent) instead of guessing', () => {
    const { workflow, nodes } = diamond();
    nodes.set('a', { ...nodes.get('a'), children: ['ghost'] });
    const broken = formulateRetry(workflow, nodes, { restartSuccessful: false, parameters: {}, now });
    assert.ok(!broken.ok);
    assert.match(broken.reason, /ghost/);
  });

  it('puts new parameter values into the stored template spec too (the controller runs by it)', () => {
    const { workflow, nodes } = diamond();
    workflow.status['storedWorkflowTemplateSpec'] = {
      entrypoint: 'main',
      shutdown: 'Stop',
      arguments: { parameters: [{ name: 'code', value: '1', enum: ['0', '1'] }], artifacts: [] },
    };
    const result = formulateRetry(workflow, nodes, {
      restartSuccessful: false,
      parameters: { code: '0' },
      now,
    });
    assert.ok(result.ok);
    assert.deepEqual(result.workflow.status['storedWorkflowTemplateSpec'], {
      entrypoint: 'main',
      arguments: { parameters: [{ name: 'code', value: '0' }], artifacts: [] },
    });
    const unchanged = formulateRetry(diamond().workflow, nodes, {
      restartSuccessful: false,
      parameters: {},
      now,
    });
    assert.ok(unchanged.ok);
    assert.equal(unchanged.workflow.status['storedWorkflowTemplateSpec'], undefined);
  });

  it('refuses a status whose children form a cycle, and ends', () => {
    const { workflow, nodes } = diamond();
    nodes.set('b', { ...nodes.get('b'), children: ['a'] });
    const result = formulateRetry(workflow, nodes, { restartSuccessful: false, parameters: {}, now });
    assert.ok(!result.ok);
    assert.match(result.reason, /cycle/);
  });
});
