import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorCodes } from '@argovue/api-types';
import { KubeError } from '../kube/kube-api.ts';
import { HttpError } from './errors.ts';
import { isAbsentForUser, kubeRefusal, notFound, refusedAs } from './kube-errors.ts';

const workflow = { kind: 'Workflow', namespace: 'team-a', name: 'etl' };
const upstream = (
  status: number,
  message = 'workflows.argoproj.io "etl" is forbidden: User "oidc:bob" cannot get',
) => new KubeError(status, status === 403 ? 'Forbidden' : 'NotFound', message);

function answerTo(
  error: unknown,
  ...rest: Parameters<typeof kubeRefusal> extends [unknown, ...infer R] ? R : never
) {
  const mapped = kubeRefusal(error, ...rest);
  assert.ok(mapped instanceof HttpError, 'a refusal becomes the API’s answer');
  return mapped;
}

describe('a Kubernetes refusal as the API answers it', () => {
  it('answers a 403 exactly like a 404, so a user cannot tell hidden from missing', () => {
    const forbidden = answerTo(upstream(403), workflow).toBody();
    const missing = answerTo(upstream(404, 'workflows.argoproj.io "etl" not found'), workflow).toBody();
    assert.deepEqual(forbidden, missing);
    assert.equal(forbidden.status, 404);
    assert.equal(forbidden.code, 'NOT_FOUND');
    assert.equal(forbidden.message, 'Workflow etl in team-a was not found, or you have no access to it.');
  });

  it('never puts the apiserver’s text in the answer, but keeps it as the cause for the log', () => {
    const error = upstream(403);
    const mapped = answerTo(error, workflow);
    assert.doesNotMatch(JSON.stringify(mapped.toBody()), /oidc:bob|forbidden|cannot get/);
    assert.equal(mapped.cause, error);
  });

  it('answers a conflict as changed meanwhile', () => {
    const body = answerTo(new KubeError(409, 'Conflict', 'the object has been modified'), workflow).toBody();
    assert.equal(body.status, 409);
    assert.equal(body.code, 'CONFLICT');
    assert.doesNotMatch(body.message, /modified/);
  });

  it('names the fields of an invalid object, not the message around them', () => {
    const invalid = new KubeError(
      422,
      'Invalid',
      'admission webhook "validate.internal.example" denied the request: Workflow.argoproj.io "x" is invalid',
      [{ field: 'spec.arguments.parameters[0].value', message: 'Invalid value: "": must not be empty' }],
    );
    const body = answerTo(invalid, workflow).toBody();
    assert.equal(body.status, 400);
    assert.equal(body.code, 'INPUT_INVALID');
    assert.match(body.message, /spec\.arguments\.parameters\[0\]\.value: Invalid value/);
    assert.doesNotMatch(body.message, /webhook|internal\.example/);
  });

  it('leaves an outage and other failures to the error handler, as they are', () => {
    for (const error of [
      new KubeError(503, 'ServiceUnavailable', 'etcd'),
      new KubeError(429, '', ''),
      new Error('bug'),
    ])
      assert.equal(kubeRefusal(error, workflow), error);
    const gone = new KubeError(410, 'Expired', 'too old resource version');
    assert.equal(kubeRefusal(gone, workflow), gone);
  });

  it('takes a route’s own answer for a status, with the status of its code from the table', () => {
    const own = {
      403: { code: 'FORBIDDEN' as const, message: 'You may not delete the pods of etl.', hint: 'Ask.' },
    };
    const forbidden = answerTo(upstream(403), workflow, own);
    assert.equal(forbidden.status, errorCodes.FORBIDDEN);
    assert.equal(forbidden.code, 'FORBIDDEN');
    // A 404 still gets the common answer.
    assert.equal(answerTo(upstream(404), workflow, own).code, 'NOT_FOUND');
  });

  it('throws from .catch(refusedAs(…))', async () => {
    await assert.rejects(Promise.reject(upstream(404)).catch(refusedAs(workflow)), (error: unknown) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.code, 'NOT_FOUND');
      return true;
    });
  });

  it('words a resource without a namespace, with the hint of its kind', () => {
    const body = notFound({ kind: 'Template', name: 'nightly' }).toBody();
    assert.equal(body.message, 'Template nightly was not found, or you have no access to it.');
    assert.equal(body.hint, 'Pick a template from the list.');
  });

  it('tells absence (403 or 404) from everything else', () => {
    assert.equal(isAbsentForUser(upstream(403)), true);
    assert.equal(isAbsentForUser(upstream(404)), true);
    assert.equal(isAbsentForUser(new KubeError(500, '', '')), false);
    assert.equal(isAbsentForUser(new Error('x')), false);
  });
});
