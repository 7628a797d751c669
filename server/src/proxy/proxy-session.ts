// The session of one instance's origin, and the handshake that gives it one. ArgoVue's portal session
// cookie is never sent to an instance origin (another host) and would never be accepted there: each
// origin gets a session of its own, sealed for the proxy and bound to that origin, so a cookie of
// one instance is worth nothing at another.
//
// The handshake (a top-level redirect each way, like an OAuth authorization-code flow):
//  1. The instance origin, finding no session, sets a random state cookie of its own (host-only) and
//     sends the browser to the portal's /open/<namespace>/<instance>, naming the state's hash.
//  2. The portal checks its own session and sends the browser back with a code: sealed, valid for
//     30 s, bound to the origin and to the state's hash, carrying the user.
//  3. The instance origin redeems the code once, only with the matching state cookie (so a leaked
//     code is useless in another browser), and sets its session cookie: host-only, HttpOnly,
//     SameSite=Lax, `__Host-` over https.
// The session keeps the portal session's id, so logging out of ArgoVue ends it everywhere.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Sealer } from '../auth/sealed.ts';
import { cookieName, readSessionCookies, sessionCookies, type SetCookie } from '../auth/session-cookie.ts';
import {
  handshakeCodeOf,
  proxySessionOf,
  type HandshakeCode,
  type ProxySession,
  type ProxyUser,
} from './session-shape.ts';

export type { ProxySession, ProxyUser } from './session-shape.ts';

export type Redeemed =
  | { ok: true; session: ProxySession; path: string; clearState: SetCookie }
  | { ok: false; reason: 'invalid' | 'expired' | 'used' | 'wrong-origin' | 'no-state' };

const codeMs = 30_000;
const stateSeconds = 300;
const maxCachedSessions = 20_000;
const maxRedeemedCodes = 100_000;

/** A path on the instance origin to land on: same origin, or `/`. */
export function landingPath(path: string, origin: string): string {
  // eslint-disable-next-line no-control-regex -- browsers drop control characters: refusing them is the point
  if (!path.startsWith('/') || path.startsWith('//') || /[\\\u0000-\u001f\u007f]/u.test(path)) return '/';
  try {
    const url = new URL(path, origin);
    return url.origin === origin ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Cookies from a Cookie header, only those whose names start with `prefix`. */
export function cookiesWithPrefix(header: string | undefined, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  if (header === undefined) return found;
  for (const part of header.split(';')) {
    const pair = part.trim();
    if (!pair.startsWith(prefix)) continue;
    const eq = pair.indexOf('=');
    if (eq > 0) found[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return found;
}

export class ProxySessions {
  readonly #sessionSealer: Sealer;
  readonly #codeSealer: Sealer;
  /** The session cookie's name (chunks are `<name>.0`, `.1`, …). */
  readonly cookie: string;
  readonly #statePrefix: string;
  readonly #sessions = new Map<string, ProxySession>();
  readonly #redeemed = new Map<string, number>();

  constructor(keys: readonly string[], secure: boolean) {
    this.#sessionSealer = new Sealer(keys, 'proxy-session');
    this.#codeSealer = new Sealer(keys, 'proxy-code');
    this.cookie = cookieName('argovue_proxy', secure);
    this.#statePrefix = `${cookieName('argovue_proxy_state', secure)}.`;
  }

  /** A new state for step 1: its cookie, and what the portal is told (id and hash, never the value). */
  newState(): { cookie: SetCookie; param: string } {
    const id = randomBytes(6).toString('base64url');
    const value = randomBytes(24).toString('base64url');
    return {
      cookie: { name: `${this.#statePrefix}${id}`, value, maxAgeSeconds: stateSeconds },
      param: `${id}.${hashOf(value)}`,
    };
  }

  /** Step 2, at the portal: the code for `origin`, or undefined for a malformed state. */
  async mintCode(
    origin: string,
    state: string,
    path: string,
    session: { sid: string; expiresAt: number; idTokenExpiresAt: number },
    user: ProxyUser,
  ): Promise<string | undefined> {
    const match = /^([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{43})$/.exec(state);
    if (match?.[1] === undefined || match[2] === undefined) return undefined;
    const code: HandshakeCode = {
      origin,
      sid: session.sid,
      expiresAt: session.expiresAt,
      idTokenExpiresAt: session.idTokenExpiresAt,
      user: {
        username: user.username,
        groups: [...user.groups],
        ...(user.email === undefined ? {} : { email: user.email }),
        ...(user.name === undefined ? {} : { name: user.name }),
      },
      jti: randomBytes(18).toString('base64url'),
      exp: Date.now() + codeMs,
      stateId: match[1],
      stateHash: match[2],
      path: landingPath(path, origin),
    };
    // Deflated inside the JWE (sealed.ts): a user in hundreds of groups makes a long code, and it
    // travels in a URL.
    return this.#codeSealer.seal(code);
  }

  /** Step 3, at the instance origin: the session, once, with the browser's matching state cookie. */
  async redeem(
    code: string,
    origin: string,
    cookieHeader: string | undefined,
    now = Date.now(),
  ): Promise<Redeemed> {
    // Everything after this await runs in one go: a code redeemed twice at once is marked used by the
    // first before the second looks.
    const parsed = handshakeCodeOf(await this.#codeSealer.unseal(code));
    if (parsed === undefined) return { ok: false, reason: 'invalid' };
    const { jti, exp, stateId, stateHash, path, ...session } = parsed;
    if (session.origin !== origin) return { ok: false, reason: 'wrong-origin' };
    if (exp <= now) return { ok: false, reason: 'expired' };
    if (this.#redeemed.has(jti)) return { ok: false, reason: 'used' };
    const state = cookiesWithPrefix(cookieHeader, this.#statePrefix)[`${this.#statePrefix}${stateId}`];
    const given = Buffer.from(hashOf(state ?? ''));
    const expected = Buffer.from(stateHash);
    if (state === undefined || given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'no-state' };
    this.#remember(jti, exp, now);
    const clearState = { name: `${this.#statePrefix}${stateId}`, value: '', maxAgeSeconds: 0 };
    return { ok: true, session, path: landingPath(path, origin), clearState };
  }

  /** The session cookies for `session`, sealed, lasting as long as the portal session. */
  cookiesFor(session: ProxySession, now = Date.now()): Promise<SetCookie[] | undefined> {
    const maxAge = Math.max(0, Math.floor(session.expiresAt - now / 1000));
    return sessionCookies(this.#sessionSealer, session, maxAge, this.cookie);
  }

  /**
   * The session of this origin from a Cookie header, or undefined (none, forged, another origin's).
   * Unsealed once per cookie value: a request costs a Map lookup, and the same user object each time
   * keeps the access reviews' per-identity key cheap.
   */
  async read(cookieHeader: string | undefined, origin: string): Promise<ProxySession | undefined> {
    const cookies = cookiesWithPrefix(cookieHeader, `${this.cookie}.`);
    let key = '';
    for (let i = 0; i < 3; i++) {
      const chunk = cookies[`${this.cookie}.${i}`];
      if (chunk === undefined || chunk === '') break;
      key += `${chunk}|`;
    }
    if (key === '') return undefined;
    let session = this.#sessions.get(key);
    if (session === undefined) {
      const parsed = proxySessionOf(await readSessionCookies(this.#sessionSealer, cookies, this.cookie));
      if (parsed === undefined) return undefined;
      // Another request with the same cookie may have unsealed it meanwhile: keep its object.
      session = this.#sessions.get(key);
      if (session === undefined) {
        session = parsed;
        if (this.#sessions.size >= maxCachedSessions) this.#sessions.clear();
        this.#sessions.set(key, session);
      }
    }
    return session.origin === origin ? session : undefined;
  }

  #remember(jti: string, exp: number, now: number): void {
    if (this.#redeemed.size >= maxRedeemedCodes)
      for (const [id, until] of this.#redeemed) if (until <= now) this.#redeemed.delete(id);
    // Still full of live codes (a flood): the oldest go; they expire within 30 s anyway.
    while (this.#redeemed.size >= maxRedeemedCodes) {
      const oldest = this.#redeemed.keys().next();
      if (oldest.done === true) break;
      this.#redeemed.delete(oldest.value);
    }
    this.#redeemed.set(jti, exp);
  }
}
