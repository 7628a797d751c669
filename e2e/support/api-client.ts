// An HTTP client of a running ArgoVue with its own cookie jar, and a login through the real OpenID
// provider (no browser): ArgoVue's /auth/login → the provider's login form → ArgoVue's callback.
import { demoPassword } from '../../devcluster/oidc/users.ts';
import { scriptedBrowser, signIn } from '../../devcluster/oidc/scripted-browser.ts';
import { oidcIssuer } from '../../devcluster/argovue-env.ts';

type Request = Omit<RequestInit, 'headers'> & { headers?: Record<string, string> };

export class ApiClient {
  readonly baseUrl: string;
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /** A request with the jar's cookies; redirects are returned, not followed. Records Set-Cookie. */
  async fetch(path: string, init: Request = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await fetch(new URL(path, this.baseUrl), {
      ...init,
      redirect: 'manual',
      headers: { ...(cookie === '' ? {} : { cookie }), ...init.headers },
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async json<T>(path: string, init: Request = {}): Promise<{ status: number; body: T }> {
    const res = await this.fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** A state-changing request with the session's CSRF token. */
  async send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    return this.json<T>(path, {
      method,
      headers: {
        'x-csrf-token': this.csrfToken ?? '',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}

/** Logs in as a demo user through the local provider; the client then holds the session cookies. */
export async function loginAs(
  baseUrl: string,
  username: string,
  options: { password?: string; issuer?: string } = {},
): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const start = await client.fetch('/auth/login?returnTo=/');
  const authorizationUrl = start.headers.get('location');
  if (start.status !== 302 || authorizationUrl === null)
    throw new Error(`/auth/login answered ${start.status}`);
  const back = await signIn(
    scriptedBrowser(options.issuer ?? oidcIssuer),
    new URL(authorizationUrl),
    username,
    options.password ?? demoPassword,
  );
  if (back.location === undefined)
    throw new Error(`the provider did not send ${username} back: ${back.status}`);
  const callback = await client.fetch(back.location);
  const landing = callback.headers.get('location');
  if (landing === null || landing.startsWith('/login'))
    throw new Error(`login as ${username} failed: ${landing ?? callback.status}`);
  const me = await client.json<{ csrfToken: string }>('/api/v1/me');
  client.csrfToken = me.body.csrfToken;
  return client;
}
