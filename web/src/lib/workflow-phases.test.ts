import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phaseCounts } from './workflow-phases.ts';

describe('phaseCounts', () => {
  it('lists phases in a fixed order: running, pending, succeeded, failed, error', () => {
    assert.deepEqual(phaseCounts({ Error: 1, Succeeded: 12, Running: 2, Failed: 3, Pending: 4 }), [
      { phase: 'Running', count: 2 },
      { phase: 'Pending', count: 4 },
      { phase: 'Succeeded', count: 12 },
      { phase: 'Failed', count: 3 },
      { phase: 'Error', count: 1 },
    ]);
  });

  it('leaves out phases with no workflows', () => {
    assert.deepEqual(phaseCounts({ Succeeded: 5, Failed: 0 }), [{ phase: 'Succeeded', count: 5 }]);
  });

  it('is empty for a namespace with no workflows', () => {
    assert.deepEqual(phaseCounts({}), []);
  });

  it('is null when the user may not list workflows', () => {
    assert.equal(phaseCounts(null), null);
  });
});
