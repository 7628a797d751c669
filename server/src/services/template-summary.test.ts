import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { checkInputs } from '@argovue/api-types/service-inputs';
import { goodServiceTemplate } from './example-template.ts';
import { templateSummary, type TemplateObject } from './template-summary.ts';

const summary = templateSummary(goodServiceTemplate('notebook') as unknown as TemplateObject, false);
const validate = new Ajv({ strict: true }).compile(summary?.inputsSchema ?? {});

describe('templateSummary', () => {
  it('shows the inputs as declared, and what one instance asks of the quota with the defaults', () => {
    assert.ok(summary);
    assert.deepEqual(summary.inputs[0], {
      name: 'cpu',
      type: 'string',
      pattern: '^[0-9]+m?$',
      maxLength: 8,
      default: '500m',
      fills: [{ resource: { container: 'notebook', name: 'cpu', in: 'both' } }],
    });
    assert.deepEqual(summary.fit.workload.deployment.template.spec.containers, [
      { name: 'notebook', resources: { requests: { cpu: '500m', memory: '1Gi' } } },
    ]);
    // Defaults do not pass (the pvc and secret inputs have none), so nothing is counted.
    assert.deepEqual(summary.requests, {});
  });

  it('its schema takes the defaults’ kind of values and refuses wrong types, bounds and unknown inputs', () => {
    const good = { cpu: '250m', replicas: 2, debug: true, version: '7.0', data: 'home-a', token: 'nb-token' };
    assert.equal(validate(good), true);
    // The form's check (checkInputs) says the same as the server's schema, value for value.
    const inputs = (goodServiceTemplate('notebook').spec['inputs'] ?? []) as Parameters<
      typeof checkInputs
    >[0];
    assert.equal(checkInputs(inputs, good).ok, true);
    for (const bad of [
      { replicas: '2' },
      { replicas: 1.5 },
      { replicas: 3 },
      { debug: 'yes' },
      { version: '8.0' },
      { cpu: 'x'.repeat(1_000_000) },
      { cpu: '1; rm' },
      { data: '../etc' },
      { somethingElse: 1 },
    ]) {
      assert.equal(validate({ ...good, ...bad }), false, JSON.stringify(bad).slice(0, 60));
      assert.equal(checkInputs(inputs, { ...good, ...bad }).ok, false, JSON.stringify(bad).slice(0, 60));
    }
  });

  it('a pvc and a secret input must be given (they have no default and fill a field)', () => {
    assert.deepEqual((summary?.inputsSchema['required'] as string[]).sort(), ['data', 'token']);
  });
});
