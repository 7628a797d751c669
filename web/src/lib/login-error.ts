// The server sends a failed login back to /login?error=<code>, maybe with &message=<text>. The text is shown as
// text (React escapes it) and kept short, since anyone can put anything in a link to this page.

export interface LoginError {
  code: string;
  title: string;
  detail: string;
}

const MAX_MESSAGE_LENGTH = 300;

const TRY_AGAIN = 'Try again; if it keeps failing, tell the ArgoVue operators.';

// The codes the server sends; an unknown one still reads as a failed sign-in.
const known: Record<string, { title: string; detail: string }> = {
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

/** What to show for the login page's error parameters; null when there is no error. */
export function describeLoginError(code: string | null, message: string | null): LoginError | null {
  if (code === null || code.trim() === '') return null;
  const base = known[code] ?? { title: 'Sign-in failed', detail: TRY_AGAIN };
  const text = message?.trim() ?? '';
  const detail =
    text === ''
      ? base.detail
      : text.length > MAX_MESSAGE_LENGTH
        ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…`
        : text;
  return { code: code.slice(0, 64), title: base.title, detail };
}
