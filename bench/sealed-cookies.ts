// Sealed cookies (server/src/auth/sealed.ts, JWE dir + A256GCM through jose) beside the AES-GCM
// envelope they replaced, written out here as it was (node:crypto, synchronous, deflated by the
// caller): the cost of sealing a session, of reading a cookie the first time, and of reading it again
// (what every request with a cookie already seen pays: a SHA-256 and JSON.parse), for a small session
// and one of a user in 300 groups. Prints figures; asserts nothing.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Sealer } from '../server/src/auth/sealed.ts';

const secret = 'bench-key-0123456789-0123456789-0123456789';
const rounds = 2000;

/** The earlier envelope: version byte, IV, AES-256-GCM body and tag, base64url; purpose as AAD. */
function oldEnvelope(purpose: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'argovue', `argovue ${purpose} v1`, 32));
  return {
    seal(value: unknown): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(purpose));
      const packed = deflateRawSync(Buffer.from(JSON.stringify(value)));
      const body = Buffer.concat([cipher.update(packed), cipher.final()]);
      return Buffer.concat([Buffer.of(1), iv, body, cipher.getAuthTag()]).toString('base64url');
    },
    unseal(text: string): unknown {
      const data = Buffer.from(text, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(1, 13));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(data.subarray(data.length - 16));
      const packed = Buffer.concat([decipher.update(data.subarray(13, data.length - 16)), decipher.final()]);
      return JSON.parse(inflateRawSync(packed).toString('utf8')) as unknown;
    },
  };
}

async function timed(run: (i: number) => unknown): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < rounds; i++) await run(i);
  return ((performance.now() - start) * 1000) / rounds;
}

const groups = Array.from(
  { length: 300 },
  (_, i) => `okta-analytics-guild-${String(i * 7919).padStart(6, '0')}`,
);
const sessions = {
  small: { sid: 'x'.repeat(24), claims: { email: 'alice@example.com', groups: ['team-a'] } },
  '300 groups': { sid: 'x'.repeat(24), claims: { email: 'alice@example.com', groups } },
};

console.log(`sealed cookies, µs per operation (${rounds} rounds each)`);
console.log('session      format  length  seal   first read  read again');
for (const [label, session] of Object.entries(sessions)) {
  const old = oldEnvelope('session');
  const oldTexts: string[] = [];
  const oldSeal = await timed(() => oldTexts.push(old.seal(session)));
  const oldRead = await timed((i) => old.unseal(oldTexts[i] ?? ''));
  const jwe = new Sealer([secret], 'session');
  const texts: string[] = [];
  const seal = await timed(async () => texts.push(await jwe.seal(session)));
  const first = await timed((i) => jwe.unseal(texts[i] ?? ''));
  const again = await timed((i) => jwe.unseal(texts[i] ?? ''));
  const row = (format: string, length: number, s: number, f: number, a: number | undefined) =>
    console.log(
      `${label.padEnd(12)} ${format.padEnd(7)} ${String(length).padStart(6)}  ${s.toFixed(1).padStart(5)}  ${f.toFixed(1).padStart(10)}  ${a === undefined ? '   (same)' : a.toFixed(1).padStart(10)}`,
    );
  row('old', oldTexts[0]?.length ?? 0, oldSeal, oldRead, undefined);
  row('JWE', texts[0]?.length ?? 0, seal, first, again);
}
