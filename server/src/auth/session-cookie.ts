// The session lives in the browser, sealed (encrypted and authenticated) in cookies, so any replica
// holding the shared key can serve any request. A user in hundreds of groups makes a large session:
// it is deflated (inside the JWE, see sealed.ts) and split over up to `maxChunks` cookies of under
// 4 KB (the browsers' per-cookie limit), which keeps the Cookie header under Node's 16 KB
// request-header limit.
import type { FastifyReply } from 'fastify';
import type { Sealer } from './sealed.ts';

export const sessionCookieName = 'argovue_session';

/**
 * A cookie's name as sent: over https with the `__Host-` prefix, which browsers accept only with
 * Secure, Path=/ and no Domain, so a sibling subdomain (`evil.example.com` next to
 * `argovue.example.com`) cannot toss in a cookie of that name. Plain http (the local demo on
 * 127.0.0.1) cannot set Secure cookies, so there the name has no prefix.
 */
export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}
const chunkSize = 3800;
export const maxChunks = 3;

export interface CookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

export interface SetCookie {
  name: string;
  value: string;
  maxAgeSeconds: number;
}

/** Seals `value` into the session cookies; undefined when it cannot fit in `maxChunks` cookies. */
export async function sessionCookies(
  sealer: Sealer,
  value: unknown,
  maxAgeSeconds: number,
  name = sessionCookieName,
): Promise<SetCookie[] | undefined> {
  const sealed = await sealer.seal(value);
  const chunks: string[] = [];
  for (let i = 0; i < sealed.length; i += chunkSize) chunks.push(sealed.slice(i, i + chunkSize));
  if (chunks.length > maxChunks) return undefined;
  const cookies = chunks.map((chunk, i) => ({
    name: `${name}.${i}`,
    value: chunk,
    maxAgeSeconds,
  }));
  // Clear chunks a larger earlier session may have left behind.
  for (let i = chunks.length; i < maxChunks; i++)
    cookies.push({ name: `${name}.${i}`, value: '', maxAgeSeconds: 0 });
  return cookies;
}

export function clearedSessionCookies(name = sessionCookieName): SetCookie[] {
  return Array.from({ length: maxChunks }, (_, i) => ({
    name: `${name}.${i}`,
    value: '',
    maxAgeSeconds: 0,
  }));
}

/** The unsealed session value from the request's cookies, or undefined when missing, forged or tampered. */
export async function readSessionCookies(
  sealer: Sealer,
  cookies: Readonly<Record<string, string | undefined>>,
  name = sessionCookieName,
): Promise<unknown> {
  let sealed = '';
  for (let i = 0; i < maxChunks; i++) {
    const chunk = cookies[`${name}.${i}`];
    if (chunk === undefined || chunk === '') break;
    sealed += chunk;
  }
  if (sealed === '') return undefined;
  return sealer.unseal(sealed);
}

/** Sets (or clears, at max-age 0) session cookies on a reply: host-wide, HttpOnly, SameSite=Lax. */
export function setSessionCookies(reply: FastifyReply, cookies: readonly SetCookie[], secure: boolean): void {
  for (const cookie of cookies) {
    reply.setCookie(cookie.name, cookie.value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: cookie.maxAgeSeconds,
    });
  }
}
