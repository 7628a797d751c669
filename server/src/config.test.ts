import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';
import { testEnv } from './test-env.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig(testEnv());
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.equal(config.kubeconfig, undefined);
    assert.equal(config.groupPrefix, 'oidc:');
    assert.deepEqual(config.groupMap, {});
  });

  it('rejects a port that is not a port, naming the variable', () => {
    assert.throws(
      () => loadConfig(testEnv({ ARGOVUE_PORT: '70000' })),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /ARGOVUE_PORT/);
        return true;
      },
    );
  });

  it('rejects a KUBECONFIG that points nowhere', () => {
    assert.throws(
      () => loadConfig(testEnv({ KUBECONFIG: '/no/such/kubeconfig' })),
      /KUBECONFIG: no file at this path/,
    );
  });

  it('requires the OpenID provider and names what is missing', () => {
    assert.throws(
      () => loadConfig({}),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /ARGOVUE_OIDC_ISSUER/);
        assert.match(error.message, /ARGOVUE_OIDC_CLIENT_ID/);
        assert.match(error.message, /ARGOVUE_SESSION_KEYS/);
        return true;
      },
    );
  });

  it('refuses a short session key without echoing it', () => {
    assert.throws(
      () => loadConfig(testEnv({ ARGOVUE_SESSION_KEYS: 'short-secret' })),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /ARGOVUE_SESSION_KEYS/);
        assert.doesNotMatch(error.message, /short-secret/);
        return true;
      },
    );
  });

  it('reads a group map and allows an empty prefix', () => {
    const config = loadConfig(
      testEnv({ ARGOVUE_GROUP_MAP: '{"Data Eng":["team-a"]}', ARGOVUE_GROUP_PREFIX: '' }),
    );
    assert.deepEqual(config.groupMap, { 'Data Eng': ['team-a'] });
    assert.equal(config.groupPrefix, '');
  });

  it('rejects a group map that is not JSON', () => {
    assert.throws(
      () => loadConfig(testEnv({ ARGOVUE_GROUP_MAP: '{nope' })),
      /ARGOVUE_GROUP_MAP: is not JSON/,
    );
  });
});
