import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInputs, problemWith, type TemplateInput } from './service-inputs.ts';

const cpu: TemplateInput = {
  name: 'cpu',
  type: 'string',
  pattern: '^[0-9]+m?$',
  maxLength: 8,
  default: '500m',
};
const replicas: TemplateInput = { name: 'replicas', type: 'number', integer: true, minimum: 1, maximum: 3 };
const version: TemplateInput = { name: 'version', type: 'enum', options: ['7.0', '7.1'], required: true };

describe('problemWith', () => {
  it('says what a value of the wrong type must be', () => {
    assert.equal(problemWith(replicas, '2'), 'must be a number');
    assert.equal(problemWith({ name: 'b', type: 'boolean' }, 'true'), 'must be true or false');
    assert.equal(problemWith(cpu, 5), 'must be text');
  });

  it('names the bound a number is past, and wants whole numbers when the input does', () => {
    assert.equal(problemWith(replicas, 0), 'must be at least 1');
    assert.equal(problemWith(replicas, 4), 'must be at most 3');
    assert.equal(problemWith(replicas, 1.5), 'must be a whole number');
    assert.equal(problemWith(replicas, 3), undefined);
  });

  it('checks the length before the pattern, and a pattern that cannot compile fits nothing', () => {
    assert.equal(problemWith(cpu, '1'.repeat(9)), 'must be at most 8 characters');
    assert.equal(problemWith(cpu, '{{ x }}'), 'must match ^[0-9]+m?$');
    assert.equal(
      problemWith({ name: 's', type: 'string' }, 'x'.repeat(1_000_000)),
      'must be at most 4096 characters',
    );
    assert.match(problemWith({ name: 's', type: 'string', pattern: '(' }, 'a') ?? '', /pattern is not valid/);
  });

  it('takes only the listed options and names of objects', () => {
    assert.equal(problemWith(version, '8.0'), 'must be one of 7.0, 7.1');
    assert.equal(problemWith({ name: 'data', type: 'pvc' }, '../etc'), 'must be the name of an object');
    assert.equal(problemWith({ name: 'data', type: 'pvc' }, 'scratch-1'), undefined);
  });
});

describe('checkInputs', () => {
  it('fills defaults and reports every problem, unknown names too', () => {
    const checked = checkInputs([cpu, replicas, version], { replicas: 9, extra: 'x' });
    assert.deepEqual(checked.ok ? [] : checked.problems, [
      { input: 'extra', message: 'is not an input of the template' },
      { input: 'replicas', message: 'must be at most 3' },
      { input: 'version', message: 'is required' },
    ]);
  });

  it('keeps typed values that pass', () => {
    const checked = checkInputs([cpu, replicas, version], { replicas: 2, version: '7.0' });
    assert.ok(checked.ok);
    assert.deepEqual(
      [...checked.values],
      [
        ['cpu', '500m'],
        ['replicas', 2],
        ['version', '7.0'],
      ],
    );
  });

  it('refuses values that are not plain', () => {
    const checked = checkInputs([cpu], { cpu: { $ne: 1 } });
    assert.deepEqual(checked.ok ? [] : checked.problems, [
      { input: 'cpu', message: 'must be a string, number or boolean' },
    ]);
  });
});
