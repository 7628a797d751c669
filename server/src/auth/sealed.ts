// Sealing: AES-256-GCM authenticated encryption of small JSON values for cookies. The key of each
// purpose is derived with HKDF from the configured secrets, and the purpose is bound as additional
// data, so a value sealed for one cookie cannot be replayed as another. The first key seals; every
// key unseals, so keys can be rotated without logging everyone out.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const version = 1;
const ivBytes = 12;
const tagBytes = 16;

export class Sealer {
  readonly #keys: Buffer[];
  readonly #purpose: string;

  constructor(secrets: readonly string[], purpose: string) {
    if (secrets.length === 0) throw new Error('at least one key is needed');
    this.#purpose = purpose;
    this.#keys = secrets.map((secret) => deriveKey(secret, purpose));
  }

  seal(value: unknown): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.#keys[0] as Buffer, iv);
    cipher.setAAD(Buffer.from(this.#purpose));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(version), iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The value, or undefined when the text was not sealed by us for this purpose (tampered, forged, other key). */
  unseal(text: string): unknown {
    const data = Buffer.from(text, 'base64url');
    if (data.length < 1 + ivBytes + tagBytes || data[0] !== version) return undefined;
    const iv = data.subarray(1, 1 + ivBytes);
    const body = data.subarray(1 + ivBytes, data.length - tagBytes);
    const tag = data.subarray(data.length - tagBytes);
    for (const key of this.#keys) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.from(this.#purpose));
        decipher.setAuthTag(tag);
        const plain = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
        return JSON.parse(plain) as unknown;
      } catch {
        // not this key: try the next
      }
    }
    return undefined;
  }
}

/** A 32-byte key for one purpose, derived from a configured secret. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'argovue', `argovue ${purpose} v${version}`, 32));
}
