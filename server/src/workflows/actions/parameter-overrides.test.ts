import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from '../../http/errors.ts';
import { checkParameterOverrides, declaredParameters } from './parameter-overrides.ts';

const workflow = {
  spec: {
    arguments: {
      parameters: [
        { name: 'day', value: '2026-11-24' },
        { name: 'mode', value: 'fast', enum: ['fast', 'thorough'] },
      ],
    },
  },
};

describe('checkParameterOverrides', () => {
  it('takes declared names with any value, and enum values from the enum', () => {
    assert.doesNotThrow(() => checkParameterOverrides(workflow, { day: 'anything', mode: 'thorough' }));
    assert.doesNotThrow(() => checkParameterOverrides(workflow, {}));
  });

  it('names every problem: an unknown name and a value outside the enum', () => {
    assert.throws(
      () => checkParameterOverrides(workflow, { mode: 'reckless', podSpecPatch: '{}' }),
      (error: unknown) => {
        assert.ok(error instanceof HttpError);
        assert.equal(error.status, 400);
        assert.equal(error.code, 'INPUT_INVALID');
        assert.match(error.message, /no parameter "podSpecPatch"/);
        assert.match(error.message, /"mode" must be one of fast, thorough/);
        assert.match(error.hint ?? '', /day, mode/);
        return true;
      },
    );
  });

  it('knows a template’s parameters and enums from the stored template spec', () => {
    const fromTemplate = {
      spec: {
        workflowTemplateRef: { name: 't' },
        arguments: { parameters: [{ name: 'mode', value: 'fast' }] },
      },
      status: {
        storedWorkflowTemplateSpec: {
          arguments: { parameters: [{ name: 'mode', enum: ['fast', 'thorough'] }, { name: 'size' }] },
        },
      },
    };
    assert.deepEqual(
      [...declaredParameters(fromTemplate)],
      [
        ['mode', ['fast', 'thorough']],
        ['size', undefined],
      ],
    );
    assert.throws(() => checkParameterOverrides(fromTemplate, { mode: 'slow' }), /must be one of/);
    assert.doesNotThrow(() => checkParameterOverrides(fromTemplate, { size: '3' }));
  });

  it('knows the enum from the template itself where the stored spec kept only the value', () => {
    // The controller's merge: a parameter the workflow sets is stored as just its name and value.
    const fromTemplate = {
      spec: {
        workflowTemplateRef: { name: 't' },
        arguments: { parameters: [{ name: 'mode', value: 'fast' }] },
      },
      status: {
        storedWorkflowTemplateSpec: { arguments: { parameters: [{ name: 'mode', value: 'fast' }] } },
      },
    };
    assert.doesNotThrow(() => checkParameterOverrides(fromTemplate, { mode: 'slow' }));
    const template = { arguments: { parameters: [{ name: 'mode', enum: ['fast', 'thorough'] }] } };
    assert.throws(() => checkParameterOverrides(fromTemplate, { mode: 'slow' }, template), /must be one of/);
  });

  it('reads a malformed parameter list as no parameters rather than failing', () => {
    assert.throws(
      () => checkParameterOverrides({ spec: { arguments: { parameters: 'oops' } } }, { x: '1' }),
      /no parameter "x"/,
    );
  });
});
