// The provider's ID token signing key. Without a state directory a fresh key per start is enough
// (tests); with one, the key is kept in <dir>/jwks.json (mode 0600) so a restart keeps tokens valid.
import { createHash, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SigningJwks {
  keys: JsonWebKey[];
}

function newSigningKey(): JsonWebKey {
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  // RFC 7638 thumbprint as the key id: stable for the key, and says nothing else.
  const thumbprint = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  const kid = createHash('sha256').update(thumbprint).digest('base64url');
  return { ...jwk, kid, alg: 'RS256', use: 'sig' };
}

function parseJwks(text: string, path: string): SigningJwks {
  const parsed: unknown = JSON.parse(text);
  const keys: unknown =
    typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'keys') : undefined;
  const valid =
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.every(
      (key: unknown) =>
        typeof key === 'object' &&
        key !== null &&
        typeof Reflect.get(key, 'kty') === 'string' &&
        typeof Reflect.get(key, 'd') === 'string',
    );
  if (!valid) throw new Error(`${path} is not a JWKS with private keys; delete it to make a new one`);
  return { keys: keys as JsonWebKey[] };
}

export function loadOrCreateSigningJwks(stateDir: string | undefined): SigningJwks {
  if (stateDir === undefined) return { keys: [newSigningKey()] };
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const path = join(stateDir, 'jwks.json');
  if (!existsSync(path)) {
    const draft = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(draft, JSON.stringify({ keys: [newSigningKey()] }), { mode: 0o600 });
      // link() never replaces a file: of two processes starting at once, the first key wins.
      linkSync(draft, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  chmodSync(path, 0o600);
  return parseJwks(readFileSync(path, 'utf8'), path);
}
