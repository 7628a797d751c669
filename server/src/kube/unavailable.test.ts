import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KubeError } from './kube-api.ts';
import { isClusterUnavailable } from './unavailable.ts';

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:6443`), { code });
}

describe('isClusterUnavailable', () => {
  it('counts a refused, reset or timed-out connection', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH'])
      assert.equal(isClusterUnavailable(systemError(code)), true, code);
  });

  it('counts the apiserver failing (5xx) or starting (429)', () => {
    assert.equal(
      isClusterUnavailable(new KubeError(500, 'InternalError', 'etcdserver: request timed out')),
      true,
    );
    assert.equal(isClusterUnavailable(new KubeError(503, 'ServiceUnavailable', 'unavailable')), true);
    assert.equal(
      isClusterUnavailable(new KubeError(429, 'TooManyRequests', 'storage is initializing')),
      true,
    );
  });

  it('counts no answer in time, and failures wrapped in others', () => {
    assert.equal(isClusterUnavailable(new DOMException('timed out', 'TimeoutError')), true);
    assert.equal(isClusterUnavailable(new AggregateError([systemError('ECONNREFUSED')])), true);
    assert.equal(
      isClusterUnavailable(new Error('fetch failed', { cause: systemError('ECONNREFUSED') })),
      true,
    );
  });

  it('does not count an answer about the request', () => {
    for (const status of [400, 403, 404, 409, 410, 422])
      assert.equal(isClusterUnavailable(new KubeError(status, '', 'no')), false, String(status));
    assert.equal(isClusterUnavailable(new Error('a bug')), false);
    assert.equal(isClusterUnavailable(new DOMException('aborted', 'AbortError')), false);
    assert.equal(isClusterUnavailable('ECONNREFUSED'), false);
  });
});
