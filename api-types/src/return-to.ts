// Where a user may be sent after login: a page of this site, nothing else. One implementation for the
// server (the redirect after the provider's callback) and the web app (the login page), so the two can
// never disagree about what is safe.
//
// Browsers are generous readers of URLs: they drop tabs and newlines, read `\` as `/`, resolve dot
// segments (`/.//evil.example` is `//evil.example`, another host), and some proxies decode `%2F` and
// `%5C` before a path is used. So the value is parsed as a browser would, the result is checked again,
// and the path is refused when any decoding of it could name another host.

const placeholderOrigin = 'http://argovue.invalid';
const maxLength = 2048;
// Enough for any double or triple encoding; a legitimate page path is decoded at most once.
const maxDecodings = 4;

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const controlOrBackslash = /[\u0000-\u001f\u007f\\]/;

/** The login page, and the server's /auth and /api paths, are not pages to come back to (a loop). */
function isAPageToReturnTo(pathname: string): boolean {
  for (const prefix of ['/login', '/auth', '/api']) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return false;
  }
  return true;
}

/**
 * Whether a path, or any decoding of it, is one a browser (or a decoding proxy in front of us) could
 * read as another host: `//host`, `/\\host`, control characters it drops, or dot segments that make
 * one of those once resolved.
 */
function couldLeaveTheSite(path: string): boolean {
  let current = path;
  for (let round = 0; round <= maxDecodings; round++) {
    if (!current.startsWith('/') || current.startsWith('//') || controlOrBackslash.test(current)) return true;
    let resolved: URL;
    try {
      resolved = new URL(current, placeholderOrigin);
    } catch {
      return true;
    }
    if (resolved.origin !== placeholderOrigin || resolved.pathname.startsWith('//')) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return true; // a malformed escape: no page of ours has one
    }
    if (decoded === current) return false;
    current = decoded;
  }
  return true; // still changing after that many decodings: nobody writes such a link by accident
}

/** A same-origin path (with its query and fragment) to go to, or `/` for anything else. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) return '/';
  if (!value.startsWith('/') || controlOrBackslash.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, placeholderOrigin);
  } catch {
    return '/';
  }
  if (url.origin !== placeholderOrigin) return '/';
  // The raw path and the resolved one (`/.//x` resolves to `//x`) must both stay on this site; the
  // query and fragment cannot change the host and are kept as the URL parser encodes them.
  const rawPath = value.split(/[?#]/, 1)[0] ?? '';
  if (couldLeaveTheSite(rawPath) || couldLeaveTheSite(url.pathname)) return '/';
  if (!isAPageToReturnTo(url.pathname)) return '/';
  const result = `${url.pathname}${url.search}${url.hash}`;
  // Read once more as the browser will read what we send: it must stay where it is.
  const again = new URL(result, placeholderOrigin);
  if (again.origin !== placeholderOrigin || again.pathname !== url.pathname) return '/';
  return result;
}
