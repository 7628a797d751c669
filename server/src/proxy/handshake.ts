// The instance origin's side of the sign-in handshake (proxy-session.ts holds its state and codes).
// A request without the origin's session is sent to the portal (`/open/<ns>/<name>`, where the portal
// session is checked), which comes back to the origin's callback with a one-time code; redeeming it
// sets the origin's own cookies. A script's request cannot follow that round trip, so it is told.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InstanceRef } from '@argovue/api-types/service-origin';
import type { SetCookie } from '../auth/session-cookie.ts';
import { sendPage } from './pages.ts';
import type { ProxySessions } from './proxy-session.ts';
import { isNavigation } from './wake.ts';

/** Where the instance origin redeems the portal's code: a path no service may use. */
export const callbackPath = '/.argovue-proxy/callback';

export interface Handshake {
  sessions: ProxySessions;
  /** The portal's public origin (the handshake goes there). */
  portal: URL;
  /** Cookies get `Secure` when the proxy is served over https. */
  secure: boolean;
}

export function isCallback(url: string): boolean {
  return url === callbackPath || url.startsWith(`${callbackPath}?`);
}

/** A browser's navigation goes to the portal to sign in; a script's request gets 401 in the API's shape. */
export function startHandshake(
  h: Handshake,
  req: IncomingMessage,
  res: ServerResponse,
  ref: InstanceRef,
  url: string,
): void {
  if (!isNavigation(req)) {
    // A script's request cannot follow a redirect to the portal: it is told, and a reload signs in.
    const body = JSON.stringify({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'You are not signed in to this service.',
      hint: 'Reload the page to sign in through ArgoVue.',
    });
    res.writeHead(401, ['Content-Type', 'application/json', 'Cache-Control', 'no-store']);
    res.end(body);
    return;
  }
  const state = h.sessions.newState();
  const target = new URL(`/open/${ref.namespace}/${ref.name}`, h.portal);
  target.searchParams.set('path', url);
  target.searchParams.set('state', state.param);
  res.writeHead(302, [
    'Location',
    target.href,
    'Cache-Control',
    'no-store',
    'Referrer-Policy',
    'no-referrer',
    'Set-Cookie',
    setCookieHeader(state.cookie, h.secure),
  ]);
  res.end();
}

/** The callback: the portal's one-time code becomes the origin's session cookies. */
export async function redeem(
  h: Handshake,
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  url: string,
): Promise<void> {
  const code = new URL(url, origin).searchParams.get('code') ?? '';
  const redeemed = await h.sessions.redeem(code, origin, req.headers.cookie);
  if (!redeemed.ok) {
    sendPage(res, {
      status: 400,
      title: 'This sign-in link cannot be used',
      message: 'It has expired, was already used, or was opened in another browser.',
      link: { href: `${origin}/`, text: 'Open the service again' },
    });
    return;
  }
  const cookies = await h.sessions.cookiesFor(redeemed.session);
  if (cookies === undefined) {
    sendPage(res, {
      status: 400,
      title: 'Your identity is too large',
      message: 'Your groups do not fit in a session of this service.',
    });
    return;
  }
  const headers = [
    'Location',
    `${origin}${redeemed.path}`,
    'Cache-Control',
    'no-store',
    'Referrer-Policy',
    'no-referrer',
  ];
  for (const cookie of [...cookies, redeemed.clearState])
    headers.push('Set-Cookie', setCookieHeader(cookie, h.secure));
  res.writeHead(302, headers);
  res.end();
}

// Host-only (no Domain), so no sibling instance ever receives it; `__Host-` names over https.
function setCookieHeader(cookie: SetCookie, secure: boolean): string {
  return `${cookie.name}=${cookie.value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${cookie.maxAgeSeconds}${secure ? '; Secure' : ''}`;
}
