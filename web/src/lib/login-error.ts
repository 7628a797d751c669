// The server sends a failed login back to /login?error=<code>. Anyone can put anything in a link to
// this page, so it shows only our own words for the codes it knows: a `message` or an unknown code in
// the link is never shown (a phishing text on our page would look like ours).
import type { LoginErrorCode } from '@argovue/api-types';

export interface LoginError {
  /** The code, when it is one of ours; an unknown one is not echoed. */
  code: LoginErrorCode | undefined;
  title: string;
  detail: string;
}

const TRY_AGAIN = 'Try again; if it keeps failing, tell the ArgoVue operators.';

// Every code the server sends (the type makes a new one fail to compile until it has its text).
const known: Record<LoginErrorCode, { title: string; detail: string }> = {
  login_failed: {
    title: 'Sign-in failed',
    detail: `Your company’s sign-in did not complete. ${TRY_AGAIN}`,
  },
  state_mismatch: {
    title: 'Sign-in expired',
    detail: 'The sign-in took too long or was started in another tab. Start it again from this page.',
  },
  nonce_mismatch: {
    title: 'Sign-in expired',
    detail: 'The sign-in took too long or was started in another tab. Start it again from this page.',
  },
  login_expired: {
    title: 'Sign-in expired',
    detail: 'The sign-in took too long or was started in another tab. Start it again from this page.',
  },
  provider_unavailable: {
    title: 'Your company’s sign-in is unavailable',
    detail: `ArgoVue could not reach your company’s identity provider. ${TRY_AGAIN}`,
  },
  provider_refused: {
    title: 'Sign-in refused',
    detail: 'Your company’s identity provider refused the sign-in. You may not be allowed to use ArgoVue.',
  },
  identity_refused: {
    title: 'Sign-in refused',
    detail:
      'ArgoVue cannot accept the identity your company’s account sent (for example, a missing user name). Tell the ArgoVue operators.',
  },
  no_id_token: {
    title: 'Sign-in failed',
    detail: `Your company’s identity provider did not say who you are. ${TRY_AGAIN}`,
  },
};

/** What to show for the login page's `error` parameter; null when there is no error. */
export function describeLoginError(code: string | null): LoginError | null {
  if (code === null || code.trim() === '') return null;
  if (Object.hasOwn(known, code)) return { code: code as LoginErrorCode, ...known[code as LoginErrorCode] };
  // Still an error the user should see, in our words only.
  return { code: undefined, title: 'Sign-in failed', detail: TRY_AGAIN };
}
