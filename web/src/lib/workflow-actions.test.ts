import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  availableActions,
  canRetryFromNode,
  isSuspended,
  parameterOverrides,
  restartSuccessfulRequired,
  resubmitRequestBody,
  retryRequestBody,
} from './workflow-actions.ts';

const sorted = (set: Set<string>) => [...set].sort();
const waitingStep = [{ type: 'Suspend', phase: 'Running' as const }];

describe('availableActions', () => {
  it('offers retry, resubmit and delete for a failed or errored workflow', () => {
    for (const phase of ['Failed', 'Error'] as const)
      assert.deepEqual(sorted(availableActions({ phase }, [])), ['delete', 'resubmit', 'retry']);
  });

  it('offers resubmit and delete, not retry, for a succeeded workflow', () => {
    assert.deepEqual(sorted(availableActions({ phase: 'Succeeded' }, [])), ['delete', 'resubmit']);
  });

  it('offers only resubmit for a run from the archive (it is no longer in the cluster)', () => {
    for (const phase of ['Succeeded', 'Failed', 'Error'] as const) {
      assert.deepEqual(sorted(availableActions({ phase, archivedUid: 'u' }, [])), ['resubmit']);
      assert.equal(canRetryFromNode({ phase, archivedUid: 'u' }), false);
    }
  });

  it('offers suspend, stop, terminate and delete while it runs or waits to start', () => {
    for (const phase of ['Running', 'Pending'] as const)
      assert.deepEqual(sorted(availableActions({ phase }, [])), ['delete', 'stop', 'suspend', 'terminate']);
  });

  it('offers resume instead of suspend for a suspended workflow', () => {
    assert.deepEqual(sorted(availableActions({ phase: 'Running', suspended: true }, [])), [
      'delete',
      'resume',
      'stop',
      'terminate',
    ]);
  });

  it('offers resume and suspend while a suspend step waits (the whole workflow is not suspended)', () => {
    assert.deepEqual(sorted(availableActions({ phase: 'Running' }, waitingStep)), [
      'delete',
      'resume',
      'stop',
      'suspend',
      'terminate',
    ]);
  });

  it('does not stop twice: a stopping workflow can still be terminated, a terminating one only deleted', () => {
    assert.deepEqual(sorted(availableActions({ phase: 'Running', shutdown: 'Stop' }, [])), [
      'delete',
      'terminate',
    ]);
    assert.deepEqual(sorted(availableActions({ phase: 'Running', shutdown: 'Terminate' }, [])), ['delete']);
  });

  it('never offers running actions on a finished workflow, even with a stale suspend flag', () => {
    const actions = availableActions({ phase: 'Failed', suspended: true }, waitingStep);
    for (const running of ['resume', 'suspend', 'stop', 'terminate'] as const)
      assert.equal(actions.has(running), false, running);
  });
});

describe('isSuspended', () => {
  it('is true for spec.suspend or a waiting suspend step, false once finished', () => {
    assert.equal(isSuspended({ phase: 'Running', suspended: true }, []), true);
    assert.equal(isSuspended({ phase: 'Running' }, waitingStep), true);
    assert.equal(isSuspended({ phase: 'Running' }, [{ type: 'Suspend', phase: 'Succeeded' }]), false);
    assert.equal(isSuspended({ phase: 'Succeeded', suspended: true }, []), false);
  });
});

describe('retry from a node', () => {
  it('is possible once the workflow finished; a succeeded one must restart successful nodes', () => {
    assert.equal(canRetryFromNode({ phase: 'Running' }), false);
    assert.equal(canRetryFromNode({ phase: 'Failed' }), true);
    assert.equal(canRetryFromNode({ phase: 'Succeeded' }), true);
    assert.equal(restartSuccessfulRequired({ phase: 'Succeeded' }), true);
    assert.equal(restartSuccessfulRequired({ phase: 'Failed' }), false);
  });
});

describe('parameterOverrides', () => {
  const current = [{ name: 'date', value: '2026-11-24' }, { name: 'code', value: '1' }, { name: 'empty' }];

  it('keeps only the values the user changed', () => {
    assert.deepEqual(parameterOverrides(current, { date: '2026-11-24', code: '0', empty: '' }), {
      code: '0',
    });
  });

  it('counts a value given to a parameter that had none, and spaces as a change', () => {
    assert.deepEqual(parameterOverrides(current, { empty: 'x', date: ' 2026-11-24' }), {
      empty: 'x',
      date: ' 2026-11-24',
    });
  });

  it('ignores names the workflow does not have', () => {
    assert.deepEqual(parameterOverrides(current, { other: '1' }), {});
  });
});

describe('request bodies', () => {
  it('a plain retry sends an empty body', () => {
    assert.deepEqual(retryRequestBody({ restartSuccessful: false, overrides: {} }), {});
  });

  it('a retry from a node, restarting successful nodes, with a changed parameter', () => {
    assert.deepEqual(
      retryRequestBody({ nodeId: 'etl-x-123', restartSuccessful: true, overrides: { code: '0' } }),
      { nodeId: 'etl-x-123', restartSuccessful: true, parameters: { code: '0' } },
    );
  });

  it('a resubmit sends memoized only when asked, and parameters only when changed', () => {
    assert.deepEqual(resubmitRequestBody({}, false), {});
    assert.deepEqual(resubmitRequestBody({ code: '0' }, true), { parameters: { code: '0' }, memoized: true });
  });
});
