import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KubeError } from '../../kube/kube-api.ts';
import { shortNodeName, unreadableLine, whyUnreadable } from './interleaved-logs.ts';

describe('shortNodeName', () => {
  it('leaves the workflow’s name off DAG and steps nodes, and keeps anything else', () => {
    assert.equal(shortNodeName('etl-1.transform-b', 'etl-1'), 'transform-b');
    assert.equal(shortNodeName('report[1].render(0)', 'report'), '[1].render(0)');
    assert.equal(shortNodeName('report.onExit', 'report'), 'onExit');
    assert.equal(shortNodeName('report', 'report'), 'report');
    assert.equal(shortNodeName('report-2[0].a', 'report'), 'report-2[0].a');
  });
});

describe('whyUnreadable', () => {
  it('says in words why a pod’s log could not be read, never with the apiserver’s text', () => {
    const secret = 'container "main" in pod "x" is waiting to start: internal detail';
    assert.equal(whyUnreadable(new KubeError(400, 'BadRequest', secret)), 'its container has not started');
    assert.equal(whyUnreadable(new KubeError(403, 'Forbidden', secret)), 'you may not read pod logs here');
    assert.equal(whyUnreadable(new KubeError(404, 'NotFound', secret)), 'the pod is gone');
    assert.equal(whyUnreadable(new KubeError(500, 'InternalError', secret)), 'the cluster did not answer');
    assert.equal(whyUnreadable(new Error(secret)), 'the cluster refused it');
    assert.equal(
      unreadableLine('transform', 'etl-123', 'the pod is gone'),
      'transform: … [the log of pod etl-123 could not be read: the pod is gone]',
    );
  });
});
