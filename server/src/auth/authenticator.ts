// Turns a request's cookies into the user it is made by, keeping sessions honest: sealed cookies,
// session lifetime, logout revocation, and the ID token's expiry (refreshed where the provider
// gave a refresh token; otherwise the user logs in again).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mapIdentity, type IdentityMapping, type MappedUser } from './identity.ts';
import type { OidcClient, TokenResult } from './oidc.ts';
import { deriveKey, Sealer } from './sealed.ts';
import { newSessionId, parseSession, type Session } from './session.ts';
import {
  clearedSessionCookies,
  cookieName,
  readSessionCookies,
  sessionCookieName,
  sessionCookies,
  type SetCookie,
} from './session-cookie.ts';

export interface AuthenticatedUser {
  session: Session;
  user: MappedUser;
  csrfToken: string;
}

export type Authentication =
  | { ok: true; auth: AuthenticatedUser; setCookies: SetCookie[] }
  | { ok: false; reason: 'none' | 'invalid' | 'expired' | 'revoked'; setCookies: SetCookie[] };

const maxCachedUsers = 50_000;

/** Sessions ended by logout before their time (see revocation-store.ts). */
export interface Revocations {
  /** `expiresAt` is the session's own (Unix seconds): revocations are filed by it. */
  isRevoked(sid: string, expiresAt: number): boolean;
  revoke(sid: string, expiresAt: number): Promise<void>;
}

/** A session could not be made: why, for the login page. */
export class SessionRefused extends Error {}

export class Authenticator {
  readonly #sessionSealer: Sealer;
  readonly loginSealer: Sealer;
  readonly #csrfKey: Buffer;
  readonly #oidc: OidcClient;
  readonly #mapping: IdentityMapping;
  readonly #sessionSeconds: number;
  readonly #revocations: Revocations;
  readonly #users = new Map<string, { claimsJson: string; user: MappedUser }>();
  readonly #refreshing = new Map<string, Promise<Session | undefined>>();
  /** The session cookies' name: `__Host-` prefixed over https (see cookieName). */
  readonly sessionCookie: string;

  constructor(options: {
    keys: readonly string[];
    oidc: OidcClient;
    mapping: IdentityMapping;
    sessionSeconds: number;
    revocations: Revocations;
    /** ArgoVue is reached over https: cookies are Secure and `__Host-` prefixed. */
    secureCookies: boolean;
  }) {
    this.sessionCookie = cookieName(sessionCookieName, options.secureCookies);
    this.#revocations = options.revocations;
    this.#sessionSealer = new Sealer(options.keys, 'session');
    this.loginSealer = new Sealer(options.keys, 'login');
    this.#csrfKey = deriveKey(options.keys[0] ?? '', 'csrf');
    this.#oidc = options.oidc;
    this.#mapping = options.mapping;
    this.#sessionSeconds = options.sessionSeconds;
  }

  /** A new session from a completed login; throws SessionRefused when the identity cannot be used. */
  async createSession(tokens: TokenResult): Promise<{ session: Session; setCookies: SetCookie[] }> {
    const mapped = mapIdentity(tokens.claims, this.#mapping);
    if (!mapped.ok) throw new SessionRefused(`ArgoVue cannot sign you in: ${mapped.reason}.`);
    const now = Math.floor(Date.now() / 1000);
    const session: Session = {
      sid: newSessionId(),
      claims: this.#keptClaims(tokens.claims),
      issuedAt: now,
      expiresAt: now + this.#sessionSeconds,
      idTokenExpiresAt: tokens.idTokenExpiresAt,
      ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
    };
    const setCookies = await this.#cookiesFor(session);
    if (setCookies === undefined) {
      throw new SessionRefused(
        'ArgoVue cannot sign you in: your identity (its groups) is too large to keep in a session.',
      );
    }
    return { session, setCookies };
  }

  async authenticate(cookies: Readonly<Record<string, string | undefined>>): Promise<Authentication> {
    const raw = await readSessionCookies(this.#sessionSealer, cookies, this.sessionCookie);
    if (raw === undefined) {
      const hadCookie = Object.keys(cookies).some((name) => name.startsWith(`${this.sessionCookie}.`));
      return {
        ok: false,
        reason: hadCookie ? 'invalid' : 'none',
        setCookies: hadCookie ? clearedSessionCookies(this.sessionCookie) : [],
      };
    }
    let session = parseSession(raw);
    if (session === undefined)
      return { ok: false, reason: 'invalid', setCookies: clearedSessionCookies(this.sessionCookie) };
    if (this.#revocations.isRevoked(session.sid, session.expiresAt))
      return { ok: false, reason: 'revoked', setCookies: clearedSessionCookies(this.sessionCookie) };
    const now = Date.now() / 1000;
    if (session.expiresAt <= now)
      return { ok: false, reason: 'expired', setCookies: clearedSessionCookies(this.sessionCookie) };
    let setCookies: SetCookie[] = [];
    if (session.idTokenExpiresAt <= now) {
      session = await this.#refresh(session);
      if (session === undefined)
        return { ok: false, reason: 'expired', setCookies: clearedSessionCookies(this.sessionCookie) };
      setCookies = (await this.#cookiesFor(session)) ?? clearedSessionCookies(this.sessionCookie);
    }
    const user = this.#userOf(session);
    if (user === undefined)
      return { ok: false, reason: 'invalid', setCookies: clearedSessionCookies(this.sessionCookie) };
    return { ok: true, auth: { session, user, csrfToken: this.csrfTokenOf(session.sid) }, setCookies };
  }

  async logout(session: Session): Promise<SetCookie[]> {
    await this.#revocations.revoke(session.sid, session.expiresAt);
    this.#users.delete(session.sid);
    return clearedSessionCookies(this.sessionCookie);
  }

  /** The CSRF token of a session: derived from its id with a server key, so nothing is stored. */
  csrfTokenOf(sid: string): string {
    return createHmac('sha256', this.#csrfKey).update(sid).digest('base64url');
  }

  isValidCsrfToken(sid: string, token: string | undefined): boolean {
    if (token === undefined) return false;
    const expected = Buffer.from(this.csrfTokenOf(sid));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  // Keep only the claims ArgoVue uses: the cookie must stay small.
  #keptClaims(claims: Record<string, unknown>): Record<string, unknown> {
    const kept: Record<string, unknown> = {};
    // email_verified: the mapping refuses an unverified email, at login and at every refresh.
    for (const name of [
      'sub',
      'name',
      'email',
      'email_verified',
      this.#mapping.usernameClaim,
      this.#mapping.groupsClaim,
    ]) {
      if (claims[name] !== undefined) kept[name] = claims[name];
    }
    return kept;
  }

  #cookiesFor(session: Session): Promise<SetCookie[] | undefined> {
    const maxAge = Math.max(0, Math.floor(session.expiresAt - Date.now() / 1000));
    return sessionCookies(this.#sessionSealer, session, maxAge, this.sessionCookie);
  }

  // One mapped identity object per session, so per-identity caches (authorization) key on it cheaply.
  #userOf(session: Session): MappedUser | undefined {
    const claimsJson = JSON.stringify(session.claims);
    const cached = this.#users.get(session.sid);
    if (cached?.claimsJson === claimsJson) return cached.user;
    const mapped = mapIdentity(session.claims, this.#mapping);
    if (!mapped.ok) return undefined;
    if (this.#users.size >= maxCachedUsers) this.#users.clear();
    this.#users.set(session.sid, { claimsJson, user: mapped.user });
    return mapped.user;
  }

  // Concurrent requests of one session share one refresh: providers rotate refresh tokens.
  #refresh(session: Session): Promise<Session | undefined> {
    const refreshToken = session.refreshToken;
    if (refreshToken === undefined) return Promise.resolve(undefined);
    let pending = this.#refreshing.get(session.sid);
    if (pending === undefined) {
      pending = this.#oidc
        .refresh(refreshToken)
        .then(
          (tokens): Session => ({
            ...session,
            claims: this.#keptClaims(tokens.claims),
            idTokenExpiresAt: tokens.idTokenExpiresAt,
            ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
          }),
          () => undefined,
        )
        .finally(() => setTimeout(() => this.#refreshing.delete(session.sid), 5_000).unref());
      this.#refreshing.set(session.sid, pending);
    }
    return pending;
  }
}
