import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActionRefused, resolveParameters } from './actions.ts';

const declared = [
  { name: 'date', value: '2026-11-24' },
  { name: 'mode', value: 'fast', enum: ['fast', 'thorough'] },
  { name: 'bucket' },
];

describe('resolveParameters', () => {
  it('fills defaults and takes the user’s values', () => {
    assert.deepEqual(resolveParameters(declared, { bucket: 's3://data', mode: 'thorough' }), [
      { name: 'date', value: '2026-11-24' },
      { name: 'mode', value: 'thorough' },
      { name: 'bucket', value: 's3://data' },
    ]);
  });

  it('names every problem at once: unknown, missing and out-of-enum values', () => {
    assert.throws(
      () => resolveParameters(declared, { mode: 'reckless', podSpecPatch: '{}' }),
      (error: unknown) => {
        assert.ok(error instanceof ActionRefused);
        assert.equal(error.code, 'INPUT_INVALID');
        assert.match(error.message, /no parameter "podSpecPatch"/);
        assert.match(error.message, /"bucket" needs a value/);
        assert.match(error.message, /"mode" must be one of fast, thorough/);
        return true;
      },
    );
  });
});
