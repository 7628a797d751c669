// The shapes of what the proxy's cookie and handshake code carry, checked when they are unsealed.
// Checked by hand rather than with zod, as elsewhere: this runs in the proxy's thread, whose every
// major GC marks its whole heap — a proxied download makes dozens — and zod alone is 3.2 MB of heap
// (an empty thread 5.4 MB, the proxy's without zod about 10; measured). What is checked was sealed by
// ArgoVue itself (sealed.ts: authenticated encryption), so this guards against our own older formats
// and mistakes, not against text from outside; unknown fields are dropped, as zod's objects do.

/** Who the session is for, as the portal mapped the provider's claims. */
export interface ProxyUser {
  username: string;
  groups: readonly string[];
  email?: string | undefined;
  name?: string | undefined;
}

export interface ProxySession {
  /** The instance origin this session is for. */
  origin: string;
  /** The portal session's id (logout revokes it) and its ends, in Unix seconds. */
  sid: string;
  expiresAt: number;
  idTokenExpiresAt: number;
  user: ProxyUser;
}

/** The handshake's one-time code: the session it gives, and what binds it. */
export interface HandshakeCode extends ProxySession {
  jti: string;
  /** Unix milliseconds. */
  exp: number;
  stateId: string;
  stateHash: string;
  /** Where on the instance origin to land. */
  path: string;
}

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

const text = (value: unknown, minLength = 0): value is string =>
  typeof value === 'string' && value.length >= minLength;
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optionalText = (value: unknown): value is string | undefined => value === undefined || text(value);

function userOf(value: unknown): ProxyUser | undefined {
  const o = fieldsOf(value);
  if (o === undefined) return undefined;
  const { username, groups, email, name } = o;
  if (!text(username, 1) || !Array.isArray(groups) || !groups.every((group) => text(group))) return undefined;
  if (!optionalText(email) || !optionalText(name)) return undefined;
  return {
    username,
    groups,
    ...(email === undefined ? {} : { email }),
    ...(name === undefined ? {} : { name }),
  };
}

/** The session an origin's cookie carries, or undefined when its shape is not one. */
export function proxySessionOf(value: unknown): ProxySession | undefined {
  const o = fieldsOf(value);
  if (o === undefined) return undefined;
  const { origin, sid, expiresAt, idTokenExpiresAt } = o;
  const user = userOf(o['user']);
  if (!text(origin) || !text(sid, 16) || !finite(expiresAt) || !finite(idTokenExpiresAt)) return undefined;
  return user === undefined ? undefined : { origin, sid, expiresAt, idTokenExpiresAt, user };
}

/** The handshake code, or undefined when its shape is not one. */
export function handshakeCodeOf(value: unknown): HandshakeCode | undefined {
  const session = proxySessionOf(value);
  const o = fieldsOf(value);
  if (session === undefined || o === undefined) return undefined;
  const { jti, exp, stateId, stateHash, path } = o;
  if (!text(jti, 16) || !finite(exp) || !text(stateId, 8) || !text(stateHash, 16) || !text(path))
    return undefined;
  return { ...session, jti, exp, stateId, stateHash, path };
}
