// Which redirect URIs the `argovue` client may use. ArgoVue runs on a random loopback port in tests,
// so the port is free but everything else is exact: http (or https, for ArgoVue behind a TLS proxy, as
// the test of its `__Host-` cookies runs it), host 127.0.0.1 or localhost, no user info, and (for
// logins) the one path /auth/callback with no query or fragment.
// The URI must also be in the canonical form the WHATWG parser prints back, so a string that other
// parsers could read differently (`\`, `%2e`, upper case host, `:80`, `@`) is refused, not normalized.

const loopbackHosts = new Set(['127.0.0.1', 'localhost']);
const callbackPath = '/auth/callback';

function canonicalLoopbackUrl(value: string): URL | undefined {
  const url = URL.parse(value);
  if (url === null || url.href !== value) return undefined;
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !loopbackHosts.has(url.hostname))
    return undefined;
  // An empty `#` or `?` survives in href but not in hash/search, so look at the string itself.
  if (url.username !== '' || url.password !== '' || value.includes('#')) return undefined;
  return url;
}

/** A login redirect: http(s)://127.0.0.1:<port>/auth/callback or http(s)://localhost:<port>/auth/callback. */
export function isLoopbackCallbackUri(value: string): boolean {
  const url = canonicalLoopbackUrl(value);
  return url !== undefined && url.pathname === callbackPath && !value.includes('?');
}

/** Where to go after logout: any path (and query) on http(s)://127.0.0.1:<port> or http(s)://localhost:<port>. */
export function isLoopbackPostLogoutUri(value: string): boolean {
  return canonicalLoopbackUrl(value) !== undefined;
}
