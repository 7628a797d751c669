import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.equal(config.kubeconfig, undefined);
  });

  it('rejects a port that is not a port, naming the variable', () => {
    assert.throws(
      () => loadConfig({ ARGOVUE_PORT: '70000' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /ARGOVUE_PORT/);
        return true;
      },
    );
  });

  it('rejects a KUBECONFIG that points nowhere', () => {
    assert.throws(
      () => loadConfig({ KUBECONFIG: '/no/such/kubeconfig' }),
      /KUBECONFIG: no file at this path/,
    );
  });
});
