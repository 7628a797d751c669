import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import type { ApiError } from '@argovue/api-types';
import { KubeError } from '../kube/kube-api.ts';
import { registerErrorHandling } from './errors.ts';

async function answerTo(error: unknown): Promise<{ status: number; body: ApiError; retryAfter: unknown }> {
  const app = Fastify({ logger: false });
  registerErrorHandling(app);
  app.get('/fails', () => Promise.reject(error as Error));
  const res = await app.inject({ method: 'GET', url: '/fails' });
  return { status: res.statusCode, body: res.json<ApiError>(), retryAfter: res.headers['retry-after'] };
}

describe('an outage is an answer', () => {
  it('answers a refused connection to the apiserver with 503 CLUSTER_UNAVAILABLE and a hint', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
    const { status, body, retryAfter } = await answerTo(refused);
    assert.equal(status, 503);
    assert.equal(body.code, 'CLUSTER_UNAVAILABLE');
    assert.equal(body.status, 503);
    assert.ok(body.hint);
    assert.equal(retryAfter, '5');
    assert.doesNotMatch(JSON.stringify(body), /ECONNREFUSED|6443/, 'no upstream text');
  });

  it('answers an apiserver 5xx the same way, without its message', async () => {
    const { status, body } = await answerTo(
      new KubeError(500, 'InternalError', 'etcdserver: leader changed'),
    );
    assert.equal(status, 503);
    assert.equal(body.code, 'CLUSTER_UNAVAILABLE');
    assert.doesNotMatch(body.message, /etcd/);
  });

  it('still answers a bug with 500 INTERNAL', async () => {
    const { status, body } = await answerTo(new Error('a bug'));
    assert.equal(status, 500);
    assert.equal(body.code, 'INTERNAL');
  });
});
