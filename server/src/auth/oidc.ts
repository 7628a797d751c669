// The OpenID Connect relying party: authorization-code flow with PKCE, state and nonce, refresh, and
// RP-initiated logout, all through openid-client. Discovery happens on first use and is retried
// while the provider is unreachable, so ArgoVue starts even when the provider is briefly down.
import type { LoginErrorCode } from '@argovue/api-types';
import * as oidc from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  redirectUri: string;
}

/** What the login must remember until the provider sends the user back. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export interface TokenResult {
  claims: Record<string, unknown>;
  /** Unix seconds. */
  idTokenExpiresAt: number;
  refreshToken: string | undefined;
}

/** A login the provider or the user's browser got wrong; `code` goes to the login page. */
export class LoginError extends Error {
  readonly code: LoginErrorCode;
  constructor(code: LoginErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

export class OidcClient {
  readonly #settings: OidcSettings;
  #configuration: Promise<oidc.Configuration> | undefined;

  constructor(settings: OidcSettings) {
    this.#settings = settings;
  }

  #config(): Promise<oidc.Configuration> {
    this.#configuration ??= oidc
      .discovery(
        new URL(this.#settings.issuer),
        this.#settings.clientId,
        undefined,
        this.#settings.clientSecret === undefined
          ? oidc.None()
          : oidc.ClientSecretBasic(this.#settings.clientSecret),
        isLoopbackHttp(this.#settings.issuer) ? { execute: [allowHttp], timeout: 10 } : { timeout: 10 },
      )
      .catch((error: unknown) => {
        this.#configuration = undefined;
        throw error;
      });
    return this.#configuration;
  }

  async startLogin(returnTo: string): Promise<{ url: URL; transaction: LoginTransaction }> {
    const config = await this.#config();
    const transaction: LoginTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#settings.redirectUri,
      scope: this.#settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url, transaction };
  }

  /** Checks the callback against the transaction (state, nonce, PKCE) and redeems the code. */
  async finishLogin(callbackUrl: URL, transaction: LoginTransaction): Promise<TokenResult> {
    const config = await this.#config();
    let tokens;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw loginErrorOf(error, callbackUrl, transaction);
    }
    return tokenResult(tokens);
  }

  async refresh(refreshToken: string): Promise<TokenResult> {
    const config = await this.#config();
    const tokens = await oidc.refreshTokenGrant(config, refreshToken);
    const result = tokenResult(tokens);
    // A provider may keep the refresh token as it is (no rotation).
    return { ...result, refreshToken: result.refreshToken ?? refreshToken };
  }

  /** Where to send the browser to end the provider's session too, when the provider supports it. */
  async endSessionUrl(postLogoutRedirectUri: string): Promise<URL | undefined> {
    const config = await this.#config().catch(() => undefined);
    if (config?.serverMetadata().end_session_endpoint === undefined) return undefined;
    return oidc.buildEndSessionUrl(config, {
      client_id: this.#settings.clientId,
      post_logout_redirect_uri: postLogoutRedirectUri,
    });
  }
}

function tokenResult(tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): TokenResult {
  const claims = tokens.claims();
  if (claims === undefined) throw new LoginError('no_id_token', 'The identity provider sent no ID token.');
  return { claims: { ...claims }, idTokenExpiresAt: claims.exp, refreshToken: tokens.refresh_token };
}

// openid-client's codes (oauth4webapi's, which it passes on as ClientError.code).
const claimComparisonFailed = 'OAUTH_JWT_CLAIM_COMPARISON_FAILED';
const invalidResponse = 'OAUTH_INVALID_RESPONSE';

function loginErrorOf(error: unknown, callbackUrl: URL, transaction: LoginTransaction): LoginError {
  const refusal = [error, error instanceof Error ? error.cause : undefined].find(
    (e) => e instanceof oidc.AuthorizationResponseError,
  );
  if (refusal !== undefined) {
    return new LoginError(
      'provider_refused',
      `The identity provider refused the login: ${refusal.error}.`,
      error,
    );
  }
  if (error instanceof oidc.ClientError) {
    // The library checked the state against ours and found another (or none): the same check, read
    // from what we sent rather than from its message.
    if (error.code === invalidResponse && callbackUrl.searchParams.get('state') !== transaction.state)
      return new LoginError('state_mismatch', 'The login response did not match this login.', error);
    // The failed comparison names its claim: { claim: 'nonce', expected, claims } under the cause.
    if (error.code === claimComparisonFailed && comparedClaim(error.cause) === 'nonce')
      return new LoginError('nonce_mismatch', 'The ID token did not match this login.', error);
  }
  return new LoginError('login_failed', 'The identity provider could not complete the login.', error);
}

function comparedClaim(cause: unknown): unknown {
  const details = cause instanceof Error ? cause.cause : undefined;
  return typeof details === 'object' && details !== null ? (details as { claim?: unknown }).claim : undefined;
}

// Plain http is allowed for a provider on loopback only (the local demo provider). The library marks
// the option deprecated "only to make it stand out".
// eslint-disable-next-line @typescript-eslint/no-deprecated
const allowHttp = oidc.allowInsecureRequests;

function isLoopbackHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return (
    protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]')
  );
}
