import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowTemplateSummary } from '@argovue/api-types';
import {
  initialParameterValues,
  parameterProblems,
  submitPagePath,
  submitRequestBody,
  submitTargetFromParams,
} from './submit-form.ts';

const etl: WorkflowTemplateSummary = {
  name: 'etl-pipeline',
  cluster: false,
  parameters: [
    { name: 'date', value: '2026-11-24' },
    { name: 'fail-transform-b', value: '0', enum: ['0', '1', '137'] },
    { name: 'owner' },
  ],
};

describe('the submit page URL', () => {
  it('round-trips namespace, template and cluster scope', () => {
    const path = submitPagePath({ namespace: 'team-a', template: 'shared', cluster: true });
    assert.equal(path, '/workflows/new?namespace=team-a&template=shared&cluster=true');
    assert.deepEqual(submitTargetFromParams(new URL(path, 'http://x').searchParams), {
      namespace: 'team-a',
      template: 'shared',
      cluster: true,
    });
  });

  it('is bare without a choice, and has no cluster flag without a template', () => {
    assert.equal(submitPagePath({}), '/workflows/new');
    assert.equal(submitPagePath({ namespace: 'team-a', cluster: true }), '/workflows/new?namespace=team-a');
    assert.deepEqual(submitTargetFromParams(new URLSearchParams('')), {
      namespace: '',
      template: '',
      cluster: false,
    });
  });
});

describe('the parameter form', () => {
  it('starts with the defaults, empty where there is none', () => {
    assert.deepEqual(initialParameterValues(etl), { date: '2026-11-24', 'fail-transform-b': '0', owner: '' });
  });

  it('names a missing required value and a value outside the list, nothing else', () => {
    assert.deepEqual(parameterProblems(etl, { date: '', 'fail-transform-b': '2', owner: '' }), {
      'fail-transform-b': 'Choose one of 0, 1, 137.',
      owner: 'Give owner a value: the template has no default.',
    });
    assert.deepEqual(
      parameterProblems(etl, { date: '2026-11-25', 'fail-transform-b': '1', owner: 'alice' }),
      {},
    );
  });

  it('sends the template and every parameter’s value', () => {
    assert.deepEqual(submitRequestBody(etl, { 'fail-transform-b': '1', owner: 'alice' }), {
      template: { name: 'etl-pipeline' },
      parameters: { date: '2026-11-24', 'fail-transform-b': '1', owner: 'alice' },
    });
    assert.deepEqual(submitRequestBody({ name: 'c', cluster: true, parameters: [] }, {}), {
      template: { name: 'c', cluster: true },
    });
  });
});
