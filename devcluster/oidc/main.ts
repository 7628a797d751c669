// The local demo OpenID Provider that ArgoVue logs in against (devcluster/cluster.sh starts it).
//   OIDC_PORT           port on 127.0.0.1 (default 5556); the issuer is http://127.0.0.1:<port>
//   OIDC_CLIENT_SECRET  the secret of the confidential client `argovue` (required)
//   OIDC_ID_TOKEN_TTL   lifetime of ID and access tokens in seconds (default 3600)
//   OIDC_STATE_DIR      optional: keeps the signing keys (jwks.json, mode 0600) across restarts
// Sessions, grants and refresh tokens live in memory: a restart signs everyone out. oidc-provider
// warns about that at start ("in-memory adapter"); for a local demo provider that is intended.
import { startOidcProvider, type OidcProviderOptions } from './provider.ts';
import { demoPassword, demoUsers } from './users.ts';

function integerFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function readOptions(): OidcProviderOptions {
  const clientSecret = process.env['OIDC_CLIENT_SECRET'] ?? '';
  if (clientSecret === '') throw new Error('OIDC_CLIENT_SECRET is required (the argovue client secret)');
  return {
    port: integerFromEnv('OIDC_PORT', 5556, 1, 65535),
    clientSecret,
    idTokenTtlSeconds: integerFromEnv('OIDC_ID_TOKEN_TTL', 3600, 1, 7 * 24 * 60 * 60),
    stateDir: process.env['OIDC_STATE_DIR'] || undefined,
  };
}

let options: OidcProviderOptions;
try {
  options = readOptions();
} catch (error) {
  console.error(`oidc-provider: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

const provider = await startOidcProvider(options);
const users = demoUsers.map((user) => user.username).join(', ');
console.log(`oidc-provider: issuer ${provider.issuer}, demo users: ${users} (password: ${demoPassword})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    provider.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`closing the provider failed: ${String(error)}`);
        process.exit(1);
      },
    );
  });
}
