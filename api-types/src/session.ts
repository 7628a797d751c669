// Who is logged in.

/** GET /api/v1/me: who the logged-in user is, as the provider said and as Kubernetes sees them. */
export interface Me {
  /** The Kubernetes user name ArgoVue impersonates (mapped from the provider's claim). */
  username: string;
  name?: string;
  email?: string;
  /** Groups exactly as the OpenID provider sent them. */
  providerGroups: string[];
  /** The Kubernetes groups they map to; what RoleBindings name. */
  kubernetesGroups: string[];
  /** Send this in the X-CSRF-Token header with every state-changing request. */
  csrfToken: string;
  /** ISO time the session ends (then the user logs in again). */
  sessionExpiresAt: string;
}

/** GET /api/v1/session: never a 401, so a page can ask without an error in the console. */
export type SessionState = { signedIn: false } | { signedIn: true; me: Me };

/**
 * Why a login failed, as the server sends it to `/login?error=<code>`. The login page shows its own
 * text for each code and nothing a link carries, so a crafted link cannot put words on our page.
 */
export type LoginErrorCode =
  | 'login_failed'
  | 'login_expired'
  | 'state_mismatch'
  | 'nonce_mismatch'
  | 'provider_unavailable'
  | 'provider_refused'
  | 'identity_refused'
  | 'no_id_token';
