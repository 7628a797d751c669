// oidc-provider ships no types (DefinitelyTyped's lag behind v9): this declares only the part of
// its API that devcluster/oidc uses, as the library documents it.
declare module 'oidc-provider' {
  import type { JsonWebKey } from 'node:crypto';
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface OidcClient {
    readonly clientId: string;
    grantTypeAllowed(grantType: string): boolean;
    redirectUriAllowed(redirectUri: string): boolean;
    postLogoutRedirectUriAllowed(postLogoutRedirectUri: string): boolean;
  }

  export interface Grant {
    readonly accountId: string;
    readonly clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    /** Saves and returns the grant's id. */
    save(): Promise<string>;
  }

  export interface GrantModel {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface OidcSession {
    readonly accountId?: string;
    grantIdFor(clientId: string): string | undefined;
  }

  /** The Koa context the provider passes to configuration functions. */
  export interface KoaContextWithOIDC {
    readonly oidc: {
      readonly provider: Provider;
      readonly client?: OidcClient;
      readonly result?: InteractionResults;
      readonly session?: OidcSession;
      readonly requestParamOIDCScopes: Set<string>;
      readonly requestParamClaims: Set<string>;
    };
    readonly host: string;
    status: number;
    type: string;
    body: unknown;
    set(field: string, value: string): void;
  }

  export interface InteractionDetails {
    readonly uid: string;
    readonly prompt: {
      readonly name: string;
      readonly reasons: string[];
      readonly details: {
        readonly missingOIDCScope?: string[];
        readonly missingOIDCClaims?: string[];
      };
    };
    readonly params: Record<string, unknown>;
    readonly session?: { readonly accountId?: string };
    readonly grantId?: string;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId: string };
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret: string;
    client_name?: string;
    redirect_uris: string[];
    post_logout_redirect_uris?: string[];
    grant_types: string[];
    response_types: string[];
    token_endpoint_auth_method?: string;
  }

  type TtlSeconds = number | ((ctx: KoaContextWithOIDC, token: unknown, client: OidcClient) => number);

  export interface Configuration {
    clients: ClientMetadata[];
    findAccount(ctx: KoaContextWithOIDC, sub: string): Account | undefined | Promise<Account | undefined>;
    claims: Record<string, string[]>;
    scopes: string[];
    responseTypes: string[];
    conformIdTokenClaims: boolean;
    allowOmittingSingleRegisteredRedirectUri: boolean;
    clientBasedCORS(ctx: KoaContextWithOIDC, origin: string, client: OidcClient): boolean;
    cookies: { keys: string[] };
    jwks: { keys: JsonWebKey[] };
    features: {
      devInteractions: { enabled: boolean };
      rpInitiatedLogout: {
        enabled: boolean;
        logoutSource(ctx: KoaContextWithOIDC, form: string): void | Promise<void>;
        postLogoutSuccessSource(ctx: KoaContextWithOIDC): void | Promise<void>;
      };
    };
    interactions: { url(ctx: KoaContextWithOIDC, interaction: { uid: string }): string };
    issueRefreshToken(ctx: KoaContextWithOIDC, client: OidcClient, code: unknown): boolean | Promise<boolean>;
    loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined>;
    pkce: { required(ctx: KoaContextWithOIDC, client: OidcClient): boolean };
    renderError(ctx: KoaContextWithOIDC, out: Record<string, string>, error: Error): void | Promise<void>;
    ttl: Record<string, TtlSeconds>;
  }

  /** What the provider throws and emits: an OAuth error code and, usually, a description. */
  export interface OIDCProviderError extends Error {
    readonly error: string;
    readonly error_description?: string;
  }

  export const errors: {
    readonly SessionNotFound: new (...args: never[]) => OIDCProviderError;
  };

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Client: { readonly prototype: OidcClient };
    readonly Grant: GrantModel;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: 'server_error', listener: (ctx: unknown, error: Error) => void): this;
    on(
      event: 'authorization.error' | 'grant.error' | 'end_session.error',
      listener: (ctx: unknown, error: OIDCProviderError) => void,
    ): this;
  }
}
