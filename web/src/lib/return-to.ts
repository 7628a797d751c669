// The login page's link back, and where the app may send a user after logout. Which paths are safe
// to come back to is one rule shared with the server: @argovue/api-types/return-to.
import { safeReturnTo } from '@argovue/api-types/return-to';

/** The login page's URL that brings the user back to `returnTo` afterwards. */
export function loginPageUrl(returnTo: string): string {
  const target = safeReturnTo(returnTo);
  return target === '/' ? '/login' : `/login?returnTo=${encodeURIComponent(target)}`;
}

/**
 * Where to send the browser after logout: the server names the provider's end-session URL (another
 * origin) or a path here. Only http(s) is followed, so a bad answer can never run `javascript:`.
 */
export function safeLogoutRedirect(value: string, origin: string): string {
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '/';
}
