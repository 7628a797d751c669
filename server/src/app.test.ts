import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import type { ApiError, HealthStatus, ServerInfo } from '@argovue/api-types';
import type { ClusterInfo } from '@argovue/api-types';
import { buildApp, startServices } from './app.ts';
import { loadConfig } from './config.ts';
import { testEnv } from './test-env.ts';

function webDirWithIndex(): string {
  const dir = mkdtempSync(join(tmpdir(), 'argovue-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ArgoVue</title><div id="root"></div>');
  return dir;
}

const reachable = (): ClusterInfo => ({ reachable: true, gitVersion: 'v1.33.13' });
const unreachable = (): ClusterInfo => ({ reachable: false });

// Nothing listens on port 1: these tests are about the HTTP surface, not Kubernetes or the provider.
const unreachableCluster = new KubeConfig();
unreachableCluster.loadFromOptions({
  clusters: [{ name: 'none', server: 'https://127.0.0.1:1' }],
  users: [{ name: 'none' }],
  contexts: [{ name: 'none', cluster: 'none', user: 'none' }],
  currentContext: 'none',
});
const services = startServices(loadConfig(testEnv()), unreachableCluster, () => undefined);
after(() => services.stop());

async function appWith(clusterState: () => ClusterInfo, webDir = webDirWithIndex()) {
  const config = loadConfig(testEnv({ ARGOVUE_WEB_DIR: webDir, ARGOVUE_LOG_LEVEL: 'silent' }));
  return buildApp(config, {
    ...services,
    cachesReady: () => true,
    cachedObjects: () => 0,
    clusterState,
    version: '1.2.3',
  });
}

describe('health and info', () => {
  it('answers /healthz even when the cluster is down', async () => {
    const app = await appWith(unreachable);
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json<HealthStatus>().status, 'ok');
  });

  it('is not ready while the cluster is unreachable, and says so in its own words', async () => {
    const app = await appWith(unreachable);
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json<HealthStatus>().checks['kubernetes'], 'unreachable');
  });

  it('is ready when the cluster answers', async () => {
    const app = await appWith(reachable);
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 200);
  });

  it('reports the server version and the cluster version', async () => {
    const app = await appWith(reachable);
    const info = (await app.inject({ method: 'GET', url: '/api/v1/info' })).json<ServerInfo>();
    assert.deepEqual(info, {
      name: 'ArgoVue',
      version: '1.2.3',
      cluster: { reachable: true, gitVersion: 'v1.33.13' },
    });
  });
});

describe('unknown paths', () => {
  it('answers an unknown API path with the JSON error shape', async () => {
    const app = await appWith(reachable);
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] ?? '', /application\/json/);
    const body = res.json<ApiError>();
    assert.equal(body.code, 'NOT_FOUND');
    assert.equal(body.status, 404);
    assert.ok(body.hint);
  });

  it('answers an unknown non-GET with JSON, not the web app', async () => {
    const app = await appWith(reachable);
    const res = await app.inject({ method: 'POST', url: '/workflows', payload: {} });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json<ApiError>().code, 'NOT_FOUND');
  });

  it('serves the web app for a page URL, so links can be shared', async () => {
    const app = await appWith(reachable);
    const res = await app.inject({ method: 'GET', url: '/workflows/team-a/some-workflow' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<div id="root">/);
  });

  it('says the web app is not built instead of a blank page', async () => {
    const app = await appWith(reachable, join(tmpdir(), 'argovue-no-such-dir'));
    const res = await app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 503);
    assert.match(res.body, /make build/);
  });
});

describe('security headers', () => {
  it('sends a strict CSP and no-sniff on every answer', async () => {
    const app = await appWith(reachable);
    for (const url of ['/', '/healthz', '/api/v1/nope']) {
      const res = await app.inject({ method: 'GET', url });
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/, url);
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    }
  });
});
