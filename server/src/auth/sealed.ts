// Sealing: small JSON values for cookies and sign-in codes, encrypted and authenticated as JWE
// compact serialization (RFC 7516) with `dir` + `A256GCM` through `jose`, a standard and reviewed
// format instead of an envelope of our own. The JSON is deflated inside the JWE (`zip: DEF` in the
// protected header): a user in hundreds of groups makes a large session, and cookies are small.
//
// The key of each purpose is derived with HKDF from the configured secrets, so a value sealed for one
// purpose (the login cookie) cannot be replayed as another (the session): its key id is unknown
// there and its tag would not verify. The first key seals; every key unseals (picked by `kid`), so
// keys can be rotated without logging everyone out.
//
// jose works through WebCrypto, which is asynchronous and slower per call than the synchronous
// cipher we had (a cookie is read on every request): each text is unsealed once, and its plaintext
// kept under the text's SHA-256, so a request with a cookie already seen costs a hash.
import { createHash, createSecretKey, hkdfSync, type webcrypto } from 'node:crypto';
import { CompactEncrypt, compactDecrypt } from 'jose';

const version = 1;
/** What a sealed value may inflate to; anything larger is refused, not decompressed further. */
const maxPlaintextBytes = 1 << 20;
const maxCachedTexts = 10_000;

interface SealingKey {
  kid: string;
  key: webcrypto.CryptoKey;
}

export class Sealer {
  readonly #keys: readonly SealingKey[];
  /** Plaintexts of texts that unsealed, by the text's SHA-256. */
  readonly #opened = new Map<string, string>();

  constructor(secrets: readonly string[], purpose: string) {
    if (secrets.length === 0) throw new Error('at least one key is needed');
    this.#keys = secrets.map((secret) => {
      const raw = deriveKey(secret, purpose);
      return {
        // The key id names the key without revealing it (a hash of a random 32-byte key).
        kid: createHash('sha256').update(raw).digest('base64url').slice(0, 16),
        // Imported once, not at every call as jose does with raw bytes.
        key: createSecretKey(raw).toCryptoKey('AES-GCM', false, ['encrypt', 'decrypt']),
      };
    });
  }

  /** `value` as a JWE compact string. */
  async seal(value: unknown): Promise<string> {
    const first = this.#keys[0] as SealingKey;
    return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', zip: 'DEF', kid: first.kid })
      .encrypt(first.key);
  }

  /** The value, or undefined when the text was not sealed by us for this purpose (tampered, forged, other key). */
  async unseal(text: string): Promise<unknown> {
    const id = createHash('sha256').update(text).digest('base64url');
    const opened = this.#opened.get(id);
    if (opened !== undefined) return JSON.parse(opened) as unknown;
    try {
      const { plaintext } = await compactDecrypt(
        text,
        (header) => {
          const found = this.#keys.find((k) => k.kid === header.kid);
          if (found === undefined) throw new Error('sealed with a key we do not hold');
          return found.key;
        },
        {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
          maxDecompressedLength: maxPlaintextBytes,
        },
      );
      const json = new TextDecoder().decode(plaintext);
      const value = JSON.parse(json) as unknown;
      if (this.#opened.size >= maxCachedTexts) this.#opened.clear();
      this.#opened.set(id, json);
      return value;
    } catch {
      // Not ours, not intact, or not JSON: all the same to the caller, a value that is not there.
      return undefined;
    }
  }
}

/** A 32-byte key for one purpose, derived from a configured secret. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'argovue', `argovue ${purpose} v${version}`, 32));
}
