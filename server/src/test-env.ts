// A minimal valid environment for tests that build the configuration.
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ARGOVUE_OIDC_ISSUER: 'http://127.0.0.1:1/',
    ARGOVUE_OIDC_CLIENT_ID: 'argovue',
    ARGOVUE_OIDC_CLIENT_SECRET: 'test-client-secret',
    ARGOVUE_SESSION_KEYS: 'a-test-session-key-that-is-long-enough-0123456789',
    ...extra,
  };
}
