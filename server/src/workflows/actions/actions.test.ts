import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from '../../http/errors.ts';
import { resubmittedWorkflow } from './resubmit.ts';
import { resolveParameters } from './submit.ts';

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
        assert.ok(error instanceof HttpError);
        assert.equal(error.code, 'INPUT_INVALID');
        assert.match(error.message, /no parameter "podSpecPatch"/);
        assert.match(error.message, /"bucket" needs a value/);
        assert.match(error.message, /"mode" must be one of fast, thorough/);
        return true;
      },
    );
  });
});

describe('resubmittedWorkflow', () => {
  const old = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name: 'etl-1',
      labels: {
        team: 'a',
        'workflows.argoproj.io/phase': 'Failed',
        'workflows.argoproj.io/completed': 'true',
        'workflows.argoproj.io/creator': 'someone-else',
      },
      annotations: { note: 'x' },
    },
    spec: {
      entrypoint: 'main',
      shutdown: 'Terminate',
      activeDeadlineSeconds: 0,
      arguments: {
        parameters: [
          { name: 'day', value: '1' },
          { name: 'mode', value: 'fast' },
        ],
      },
    },
  };

  it('drops the old run’s state and creator, and names the old workflow', () => {
    const next = resubmittedWorkflow(
      old,
      {},
      { username: 'oidc:alice@example.com', groups: [], email: 'alice@example.com' },
    );
    assert.equal(next.metadata?.generateName, 'etl-1-');
    assert.deepEqual(next.metadata.labels, {
      team: 'a',
      'workflows.argoproj.io/creator': 'oidc-alice-example.com',
      'workflows.argoproj.io/creator-email': 'alice.at.example.com',
      'workflows.argoproj.io/resubmitted-from-workflow': 'etl-1',
    });
    assert.equal(next.spec?.shutdown, undefined);
    assert.equal(next.spec?.activeDeadlineSeconds, undefined);
  });

  it('puts overridden parameters first, keeping the others', () => {
    const next = resubmittedWorkflow(old, { mode: 'thorough' }, { username: 'u', groups: [] });
    assert.deepEqual(next.spec?.arguments?.parameters, [
      { name: 'mode', value: 'thorough' },
      { name: 'day', value: '1' },
    ]);
  });
});
