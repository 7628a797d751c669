// The demo OpenID Provider: oidc-provider configured for one confidential client, `argovue`, that
// logs in with the authorization code flow and PKCE from any loopback port, gets refresh tokens,
// and signs out through RP-initiated logout. Users are the demo users (users.ts).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC, type OidcClient } from 'oidc-provider';
import { handleInteraction, isInteractionPath } from './interactions.ts';
import { contentSecurityPolicy, errorPage, loggedOutPage, logoutPage } from './pages.ts';
import { isLoopbackCallbackUri, isLoopbackPostLogoutUri } from './redirect-uris.ts';
import { loadOrCreateSigningJwks } from './signing-keys.ts';
import { demoUserClaims, findDemoUser } from './users.ts';

export const argovueClientId = 'argovue';

export interface OidcProviderOptions {
  /** The port on 127.0.0.1; 0 picks a free one. The issuer is http://127.0.0.1:<port>. */
  port: number;
  clientSecret: string;
  idTokenTtlSeconds: number;
  /** Where the signing keys are kept across restarts; without it, new keys each start. */
  stateDir?: string | undefined;
  log?: (line: string) => void;
}

export interface RunningOidcProvider {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

const day = 24 * 60 * 60;

function html(ctx: KoaContextWithOIDC, body: string, scriptNonce?: string): void {
  ctx.set('content-security-policy', contentSecurityPolicy(scriptNonce));
  ctx.type = 'html';
  ctx.body = body;
}

/** ArgoVue is first party: whatever it asks for is granted, so there is never a consent page. */
async function grantEverythingRequested(ctx: KoaContextWithOIDC) {
  const { client, session, result, provider } = ctx.oidc;
  if (client === undefined || session?.accountId === undefined) return undefined;
  const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId === undefined ? undefined : await provider.Grant.find(grantId);
  const grant = existing ?? new provider.Grant({ accountId: session.accountId, clientId: client.clientId });
  grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
  grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
  await grant.save();
  return grant;
}

function configuration(options: OidcProviderOptions): Configuration {
  const ttl = options.idTokenTtlSeconds;
  return {
    clients: [
      {
        client_id: argovueClientId,
        client_secret: options.clientSecret,
        client_name: 'ArgoVue',
        // Placeholders to satisfy client validation; the real rule is in allowLoopbackRedirects.
        redirect_uris: ['http://127.0.0.1/auth/callback', 'http://localhost/auth/callback'],
        post_logout_redirect_uris: ['http://127.0.0.1/', 'http://localhost/'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // oidc-provider v9 accepts client_secret_post from a client_secret_basic client too.
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount(_ctx, sub) {
      const user = findDemoUser(sub);
      return user && { accountId: user.username, claims: () => demoUserClaims(user) };
    },
    responseTypes: ['code'],
    scopes: ['openid', 'offline_access', 'profile', 'email', 'groups'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    // Put every claim of the granted scopes in the ID token, not only those asked for by name.
    conformIdTokenClaims: false,
    allowOmittingSingleRegisteredRedirectUri: false,
    // ArgoVue talks to the provider from its server; browsers never call it cross-origin.
    clientBasedCORS: () => false,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: loadOrCreateSigningJwks(options.stateDir),
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          const nonce = randomBytes(16).toString('base64url');
          html(ctx, logoutPage(form, nonce), nonce);
        },
        postLogoutSuccessSource: (ctx) => html(ctx, loggedOutPage()),
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // oidc-provider drops offline_access unless the request also has prompt=consent, and by default
    // issues refresh tokens only for offline_access. For ArgoVue, every code exchange gets one.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    loadExistingGrant: grantEverythingRequested,
    pkce: { required: () => true },
    renderError(ctx, out) {
      const details: Record<string, string> = { error: out['error'] ?? 'server_error' };
      if (out['error_description'] !== undefined) details['description'] = out['error_description'];
      html(ctx, errorPage('The request was refused', details));
    },
    ttl: {
      AccessToken: ttl,
      IdToken: ttl,
      AuthorizationCode: 60,
      Interaction: 60 * 60,
      RefreshToken: day,
      Session: day,
      Grant: day,
    },
  };
}

// The documented extension point for redirect URI rules: the Client model's two methods.
function allowLoopbackRedirects(provider: Provider): void {
  const client = provider.Client.prototype;
  client.redirectUriAllowed = function (this: OidcClient, uri: string) {
    return this.clientId === argovueClientId && isLoopbackCallbackUri(uri);
  };
  client.postLogoutRedirectUriAllowed = function (this: OidcClient, uri: string) {
    return this.clientId === argovueClientId && isLoopbackPostLogoutUri(uri);
  };
}

function logProviderEvents(provider: Provider, log: (line: string) => void): void {
  provider.on('server_error', (_ctx, error) => log(`server error: ${error.name}: ${error.message}`));
  for (const event of ['authorization.error', 'grant.error', 'end_session.error'] as const) {
    provider.on(event, (_ctx, error) => {
      const description = error.error_description === undefined ? '' : ` (${error.error_description})`;
      log(`${event}: ${error.error}${description}`);
    });
  }
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const log = options.log ?? ((line: string) => console.log(`oidc-provider: ${line}`));
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, configuration(options));
  allowLoopbackRedirects(provider);
  logProviderEvents(provider, log);
  const providerCallback = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const pathname = URL.parse(req.url ?? '/', issuer)?.pathname ?? '/';
    const failed = (error: unknown): void => {
      log(`${pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'text/plain' }).end('sign-in failed\n');
    };
    if (!isInteractionPath(pathname)) {
      providerCallback(req, res).catch(failed);
      return;
    }
    handleInteraction(provider, req, res, pathname).catch(failed);
  });

  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
