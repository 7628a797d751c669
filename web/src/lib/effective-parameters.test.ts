import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveParameters } from './effective-parameters.ts';

const stored = (parameters: unknown) => ({
  status: { storedWorkflowTemplateSpec: { arguments: { parameters } } },
});

describe('effectiveParameters', () => {
  it('shows the stored template spec’s values, marking those the workflow did not set', () => {
    const shown = effectiveParameters(
      [{ name: 'fail-transform-b', value: '1' }],
      stored([
        { name: 'date', value: '2026-11-24' },
        { name: 'fail-transform-b', value: '1' },
      ]),
    );
    assert.deepEqual(shown, [
      { name: 'date', value: '2026-11-24', fromTemplate: true },
      { name: 'fail-transform-b', value: '1', fromTemplate: false },
    ]);
  });

  it('shows the workflow’s own parameters when nothing is stored (an inline workflow)', () => {
    assert.deepEqual(effectiveParameters([{ name: 'day', value: 'x' }], { status: {} }), [
      { name: 'day', value: 'x', fromTemplate: false },
    ]);
    assert.deepEqual(effectiveParameters([], null), []);
  });

  it('skips malformed stored entries and keeps own parameters the stored spec lacks', () => {
    assert.deepEqual(
      effectiveParameters([{ name: 'extra' }], stored([{ value: 'no name' }, 'x', { name: 'a', value: 7 }])),
      [
        { name: 'a', fromTemplate: true },
        { name: 'extra', fromTemplate: false },
      ],
    );
  });
});
