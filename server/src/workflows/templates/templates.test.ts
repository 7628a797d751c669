import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { templateSummary } from './templates.ts';

describe('templateSummary', () => {
  it('keeps the name, the description annotation and each parameter’s value, enum and description', () => {
    const summary = templateSummary(
      {
        metadata: {
          name: 'etl-pipeline',
          annotations: { 'workflows.argoproj.io/description': 'Extract, transform, load.', other: 'x' },
        },
        spec: {
          entrypoint: 'etl',
          arguments: {
            parameters: [
              { name: 'date', value: '2026-11-24', description: 'Day to process' },
              { name: 'fail', value: '0', enum: ['0', '1', '137'] },
              { name: 'model', default: 'resnet50' },
              { name: 'required' },
            ],
          },
        },
      },
      false,
    );
    assert.deepEqual(summary, {
      name: 'etl-pipeline',
      cluster: false,
      description: 'Extract, transform, load.',
      parameters: [
        { name: 'date', value: '2026-11-24', description: 'Day to process' },
        { name: 'fail', value: '0', enum: ['0', '1', '137'] },
        { name: 'model', value: 'resnet50' },
        { name: 'required' },
      ],
    });
  });

  it('leaves out malformed parameters and non-string fields of an object someone else wrote', () => {
    const summary = templateSummary(
      {
        metadata: { name: 'odd', annotations: { 'workflows.argoproj.io/description': 7 } },
        spec: {
          arguments: {
            parameters: [null, 'x', { value: 'no name' }, { name: 'n', value: 3, enum: [1, 'a'] }],
          },
        },
      },
      true,
    );
    assert.deepEqual(summary, { name: 'odd', cluster: true, parameters: [{ name: 'n', enum: ['a'] }] });
  });

  it('is undefined for something that is not a named object', () => {
    assert.equal(templateSummary(null, false), undefined);
    assert.equal(templateSummary({ metadata: {} }, false), undefined);
  });
});
