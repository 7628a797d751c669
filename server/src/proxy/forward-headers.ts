// What passes between a browser and a service, each way. The service must never see ArgoVue's
// credentials (its cookies, any Authorization header), must be able to trust who the user is (the
// X-ArgoVue-* headers are set here and only here: a client's copies are dropped), and gets
// X-Forwarded-* set from what the proxy itself saw, never appended to what a client claims.
// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded.

/** The user a request is forwarded for. */
export interface ForwardedUser {
  username: string;
  email?: string | undefined;
  groups: readonly string[];
}

export interface ForwardContext {
  user: ForwardedUser;
  /** The client's address as this server's socket sees it. */
  clientAddress: string;
  /** `http` or `https`: how the browser reached the proxy (the proxy's public URL). */
  proto: string;
  /** A WebSocket (or other) upgrade: Connection and Upgrade are kept for it. */
  upgrade?: string;
}

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

// Credentials and identity claims a client might send; the service gets ours instead.
const dropped =
  /^(authorization|forwarded|x-forwarded-.*|x-real-ip|x-client-ip|x-argovue-.*|x-remote-.*|x-auth-request-.*|impersonate-.*|remote-user)$/;

/** ArgoVue's own cookies (the portal's and the proxy's, with or without a `__Host-` prefix). */
export function isArgovueCookie(name: string): boolean {
  return /^(__host-|__secure-)?argovue_/i.test(name);
}

/** A Cookie header without ArgoVue's cookies; undefined when nothing is left. */
export function serviceCookies(values: readonly string[]): string | undefined {
  const kept: string[] = [];
  for (const value of values)
    for (const part of value.split(';')) {
      const pair = part.trim();
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
      if (!isArgovueCookie(name)) kept.push(pair);
    }
  return kept.length === 0 ? undefined : kept.join('; ');
}

const noTokens: ReadonlySet<string> = new Set();

/** The names a Connection header lists: hop-by-hop for this connection too. */
function connectionTokens(raw: readonly string[]): ReadonlySet<string> {
  // Most requests have none, or only `keep-alive`: no Set is made for them (this runs per request).
  let tokens: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]?.toLowerCase() === 'connection')
      for (const token of (raw[i + 1] ?? '').split(','))
        (tokens ??= new Set()).add(token.trim().toLowerCase());
  return tokens ?? noTokens;
}

// Header values must be visible ASCII; names and groups from a provider may be anything. `%` and
// characters outside that range are percent-encoded, and `,` too in the list of groups.
function headerValue(text: string, listItem = false): string {
  return text.replace(listItem ? /[^\x20-\x24\x26-\x2b\x2d-\x7e]/gu : /[^\x20-\x24\x26-\x7e]/gu, (c) =>
    encodeURIComponent(c),
  );
}

/**
 * The request headers for the service, as a raw [name, value, …] list, from the client's raw ones.
 * Host is kept as the browser sent it: services check it against Origin (Jupyter's WebSocket and
 * XSRF checks), and the browser's origin is the instance's.
 */
export function upstreamRequestHeaders(raw: readonly string[], context: ForwardContext): string[] {
  const local = connectionTokens(raw);
  const out: string[] = [];
  const cookies: string[] = [];
  let host: string | undefined;
  let hasLength = false;
  let chunked = false;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    const value = raw[i + 1] ?? '';
    const lower = name.toLowerCase();
    if (lower === 'host') {
      host ??= value;
      continue;
    }
    if (lower === 'transfer-encoding') chunked = true;
    if (lower === 'content-length') hasLength = true;
    if (lower === 'cookie') {
      cookies.push(value);
      continue;
    }
    if (hopByHop.has(lower) || local.has(lower) || dropped.test(lower)) continue;
    out.push(name, value);
  }
  // Node's parser has refused a request with both (and any other framing it cannot read): the body
  // is re-framed here as it arrived, by length or in chunks.
  if (chunked && !hasLength) out.push('Transfer-Encoding', 'chunked');
  const cookie = serviceCookies(cookies);
  if (cookie !== undefined) out.push('Cookie', cookie);
  if (context.upgrade !== undefined) out.push('Connection', 'Upgrade', 'Upgrade', context.upgrade);
  out.push(
    'Host',
    host ?? '',
    'X-Forwarded-For',
    context.clientAddress,
    'X-Forwarded-Proto',
    context.proto,
    'X-Forwarded-Host',
    host ?? '',
  );
  for (const item of identityHeaders(context.user)) out.push(item);
  return out;
}

// The identity headers of a user, made once per user object: the proxy's sessions are cached, so
// every request of a session passes the same object, and a user in hundreds of groups would
// otherwise have each group percent-encoded again on every request.
const identities = new WeakMap<ForwardedUser, readonly string[]>();

function identityHeaders(user: ForwardedUser): readonly string[] {
  let headers = identities.get(user);
  if (headers === undefined) {
    headers = [
      'X-ArgoVue-User',
      headerValue(user.username),
      'X-ArgoVue-Groups',
      user.groups.map((group) => headerValue(group, true)).join(','),
      ...(user.email === undefined ? [] : ['X-ArgoVue-Email', headerValue(user.email)]),
    ];
    identities.set(user, headers);
  }
  return headers;
}

/**
 * The response headers for the browser from the service's raw ones: hop-by-hop headers dropped
 * (Node frames the body itself), and Set-Cookie made safe — none of ArgoVue's cookie names (a service
 * could otherwise log its user out of it), and no Domain attribute, so a service cannot toss cookies
 * at its sibling instances under the shared base domain.
 */
export function browserResponseHeaders(
  raw: readonly string[],
  options: { upgrade?: boolean } = {},
): string[] {
  const local = connectionTokens(raw);
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    const value = raw[i + 1] ?? '';
    const lower = name.toLowerCase();
    if (options.upgrade === true && (lower === 'connection' || lower === 'upgrade')) {
      out.push(name, value);
      continue;
    }
    if (hopByHop.has(lower) || local.has(lower)) continue;
    if (lower === 'set-cookie') {
      const cookie = safeSetCookie(value);
      if (cookie !== undefined) out.push(name, cookie);
      continue;
    }
    out.push(name, value);
  }
  return out;
}

function safeSetCookie(value: string): string | undefined {
  const [pair = '', ...attributes] = value.split(';');
  const eq = pair.indexOf('=');
  const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
  if (isArgovueCookie(name)) return undefined;
  const kept = attributes.filter((attribute) => !/^\s*domain\s*(=|$)/i.test(attribute));
  return [pair, ...kept].join(';');
}
