// Where the app may send a user after login. Only a path on this origin: an absolute URL, a
// protocol-relative `//host` or `/\host` (which browsers read as `//host`) would make login an open redirect.

const PLACEHOLDER_ORIGIN = 'http://argovue.invalid';

/** The login page, and the server's /auth and /api paths, are not pages to come back to. */
function isAPageToReturnTo(pathname: string): boolean {
  if (pathname === '/login' || pathname.startsWith('/login/')) return false;
  for (const prefix of ['/auth', '/api']) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return false;
  }
  return true;
}

/** A same-origin path (with its query and fragment) to go to, or `/` for anything else. */
export function safeReturnTo(value: string | null | undefined): string {
  if (value === null || value === undefined || !value.startsWith('/') || value.length > 2048) return '/';
  if (value.startsWith('//')) return '/';
  // Browsers drop tabs and newlines inside URLs (`/\t/host` becomes `//host`) and read `\` as `/`.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || !isAPageToReturnTo(url.pathname)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

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
