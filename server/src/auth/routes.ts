// Login, logout and "who am I", and the gate in front of every API route: a valid session, and for
// state-changing requests the CSRF defences (http/csrf.ts).
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { LoginErrorCode, Me, SessionState } from '@argovue/api-types';
import { safeReturnTo } from '@argovue/api-types/return-to';
import { checkCsrf } from '../http/csrf.ts';
import { HttpError } from '../http/errors.ts';
import { requireUser } from '../http/request-guards.ts';
import type { AuthenticatedUser, Authenticator } from './authenticator.ts';
import { SessionRefused } from './authenticator.ts';
import { LoginError, type LoginTransaction, type OidcClient } from './oidc.ts';
import { cookieName, setSessionCookies, type SetCookie } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user; set on every non-public API route. */
    user: AuthenticatedUser | undefined;
  }
  interface FastifyContextConfig {
    /** Routes that need no session (health, version). */
    public?: boolean;
  }
}

const loginCookieSeconds = 600;
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthRoutesOptions {
  authenticator: Authenticator;
  oidc: OidcClient;
  publicOrigin: URL;
}

export async function registerAuth(app: FastifyInstance, options: AuthRoutesOptions): Promise<void> {
  const { authenticator, oidc, publicOrigin } = options;
  const secure = publicOrigin.protocol === 'https:';
  // Over https `__Host-` cookies, which must have Path=/; over plain http the login cookie is sent to
  // /auth/ only (see cookieName).
  const loginCookie = cookieName('argovue_login', secure);
  const loginCookiePath = secure ? '/' : '/auth/';
  await app.register(fastifyCookie);
  app.decorateRequest('user', undefined);

  const setCookies = (reply: FastifyReply, cookies: readonly SetCookie[]): void =>
    setSessionCookies(reply, cookies, secure);

  // Every API route needs a session unless it says it is public; unsafe methods also need CSRF proof.
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.is404 || request.routeOptions.config.public === true)
      return;
    const result = await authenticator.authenticate(request.cookies);
    setCookies(reply, result.setCookies);
    if (!result.ok) {
      throw new HttpError(
        401,
        'UNAUTHENTICATED',
        result.reason === 'none' ? 'You are not signed in.' : 'Your session has ended.',
        'Sign in again.',
      );
    }
    if (unsafeMethods.has(request.method)) checkCsrf(request, result.auth, authenticator, publicOrigin);
    request.user = result.auth;
  });

  app.get('/auth/login', { config: { public: true } }, async (request, reply) => {
    const returnTo = safeReturnTo((request.query as Record<string, unknown>)['returnTo']);
    let started;
    try {
      started = await oidc.startLogin(returnTo);
    } catch (error) {
      request.log.error({ err: error }, 'cannot reach the OpenID provider');
      return reply.redirect(`/login?error=provider_unavailable&returnTo=${encodeURIComponent(returnTo)}`);
    }
    reply.setCookie(loginCookie, await authenticator.loginSealer.seal(started.transaction), {
      path: loginCookiePath,
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: loginCookieSeconds,
    });
    return reply.redirect(started.url.href);
  });

  app.get('/auth/callback', { config: { public: true } }, async (request, reply) => {
    const transaction = await readTransaction(authenticator, request.cookies[loginCookie]);
    reply.clearCookie(loginCookie, { path: loginCookiePath, secure, httpOnly: true, sameSite: 'lax' });
    if (transaction === undefined) return reply.redirect('/login?error=login_expired');
    try {
      const tokens = await oidc.finishLogin(new URL(request.url, publicOrigin), transaction);
      const { session, setCookies: cookies } = await authenticator.createSession(tokens);
      setCookies(reply, cookies);
      request.log.info({ sid: session.sid }, 'login');
      return await reply.redirect(transaction.returnTo);
    } catch (error) {
      const code: LoginErrorCode =
        error instanceof LoginError
          ? error.code
          : error instanceof SessionRefused
            ? 'identity_refused'
            : 'login_failed';
      const cause = describeCause(error);
      request.log.warn(
        { code, err: error instanceof Error ? error.message : String(error), cause },
        'login failed',
      );
      return reply.redirect(`/login?error=${code}&returnTo=${encodeURIComponent(transaction.returnTo)}`);
    }
  });

  // Logout ends the session here (its id is refused from now on, even from a copied cookie) and,
  // when the provider supports it, at the provider too: the browser goes to `redirectTo` next.
  app.post('/auth/logout', { config: { public: true } }, async (request, reply) => {
    const result = await authenticator.authenticate(request.cookies);
    if (!result.ok) {
      setCookies(reply, result.setCookies);
      return { redirectTo: '/login' };
    }
    checkCsrf(request, result.auth, authenticator, publicOrigin);
    setCookies(reply, await authenticator.logout(result.auth.session));
    request.log.info({ sid: result.auth.session.sid }, 'logout');
    const endSession = await oidc.endSessionUrl(new URL('/login?signedOut=1', publicOrigin).href);
    return { redirectTo: endSession?.href ?? '/login?signedOut=1' };
  });

  app.get('/api/v1/me', (request): Me => meOf(requireUser(request)));

  app.get('/api/v1/session', { config: { public: true } }, async (request, reply): Promise<SessionState> => {
    const result = await authenticator.authenticate(request.cookies);
    setCookies(reply, result.setCookies);
    return result.ok ? { signedIn: true, me: meOf(result.auth) } : { signedIn: false };
  });
}

function meOf({ user, session, csrfToken }: AuthenticatedUser): Me {
  return {
    username: user.username,
    ...(user.name === undefined ? {} : { name: user.name }),
    ...(user.email === undefined ? {} : { email: user.email }),
    providerGroups: user.providerGroups,
    kubernetesGroups: [...user.groups],
    csrfToken,
    sessionExpiresAt: new Date(session.expiresAt * 1000).toISOString(),
  };
}

async function readTransaction(
  authenticator: Authenticator,
  cookie: string | undefined,
): Promise<LoginTransaction | undefined> {
  if (cookie === undefined) return undefined;
  const value = (await authenticator.loginSealer.unseal(cookie)) as Partial<LoginTransaction> | undefined;
  if (
    typeof value?.state !== 'string' ||
    typeof value.nonce !== 'string' ||
    typeof value.codeVerifier !== 'string' ||
    typeof value.returnTo !== 'string'
  ) {
    return undefined;
  }
  return {
    state: value.state,
    nonce: value.nonce,
    codeVerifier: value.codeVerifier,
    returnTo: safeReturnTo(value.returnTo),
  };
}

function describeCause(error: unknown): string | undefined {
  let cause = error instanceof Error ? error.cause : undefined;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return cause instanceof Error ? cause.message : undefined;
}
