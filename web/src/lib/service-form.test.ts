import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TemplateInput } from '@argovue/api-types/service-inputs';
import {
  checkForm,
  initialDrafts,
  inputRules,
  instanceNameProblem,
  instanceValues,
  suggestedInstanceName,
} from './service-form.ts';

const inputs: TemplateInput[] = [
  {
    name: 'replicas',
    type: 'number',
    integer: true,
    minimum: 1,
    maximum: 4,
    default: 1,
    fills: [{ replicas: {} }],
  },
  { name: 'debug', type: 'boolean' },
  { name: 'greeting', type: 'string', maxLength: 20, pattern: '^[A-Za-z ]*$' },
  { name: 'size', type: 'enum', options: ['small', 'large'], default: 'small' },
];

describe('the start form', () => {
  it('starts from the defaults', () => {
    assert.deepEqual(initialDrafts(inputs), { replicas: '1', debug: false, greeting: '', size: 'small' });
  });

  it('sends numbers as numbers and leaves out empty fields', () => {
    const drafts = { ...initialDrafts(inputs), replicas: ' 3 ' };
    assert.deepEqual(instanceValues(inputs, drafts), { replicas: 3, debug: false, size: 'small' });
  });

  it('says what the server would say about each field', () => {
    const check = checkForm(inputs, { replicas: '1e3', debug: false, greeting: '{{ evil }}', size: 'huge' });
    assert.equal(check.values, null);
    assert.deepEqual(check.problems, {
      replicas: 'must be a number',
      greeting: 'must match ^[A-Za-z ]*$',
      size: 'must be one of small, large',
    });
    assert.deepEqual(checkForm(inputs, { ...initialDrafts(inputs), replicas: '5' }).problems, {
      replicas: 'must be at most 4',
    });
  });

  it('describes what a field accepts', () => {
    assert.deepEqual(inputRules(inputs[0] as TemplateInput), ['Whole number from 1 to 4']);
    assert.deepEqual(inputRules({ name: 'token', type: 'secretRef', required: true }), ['Required']);
  });

  it('names instances so they can be part of a host name', () => {
    assert.equal(instanceNameProblem('echo-1'), undefined);
    assert.equal(instanceNameProblem(''), 'is required');
    assert.match(instanceNameProblem('Echo') ?? '', /lower-case/);
    assert.match(instanceNameProblem('a--b') ?? '', /--/);
    assert.match(instanceNameProblem('x'.repeat(41)) ?? '', /at most 40/);
    const suggested = suggestedInstanceName('Jupyter_Notebook', () => 0.5);
    assert.match(suggested, /^jupyternotebook-[a-z0-9]{4}$/);
    assert.equal(instanceNameProblem(suggested), undefined, suggested);
  });
});
