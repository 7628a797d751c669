// The few pages the proxy itself answers with at an instance origin (no such service, not running,
// a handshake that failed), and the same refusals on a raw socket (a refused WebSocket upgrade) or as
// JSON (a script's request to a service that is not running). Plain HTML with one inline style allowed by its hash, nothing else:
// these pages share an origin with a service, so they run no script and load nothing.
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { InstanceRef } from '@argovue/api-types/service-origin';
import { startingRetrySeconds } from './wake.ts';

const style =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em;color:#1f2933}' +
  'h1{font-size:1.4em}a{color:#1c5fb8}';
const styleHash = createHash('sha256').update(style).digest('base64');
const policy = `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Page {
  status: number;
  title: string;
  message: string;
  link?: { href: string; text: string };
  /** Seconds after which trying again may help (503). */
  retryAfter?: number;
  /**
   * Reload the page after this many seconds (a meta refresh: these pages run no script). The page of
   * an instance that is starting reloads until the service itself answers instead.
   */
  refreshSeconds?: number;
  /** Lines shown as a list under the message (the pods of an instance that is starting). */
  items?: string[];
}

export function sendPage(res: ServerResponse, page: Page, extraHeaders: string[] = []): void {
  const link =
    page.link === undefined
      ? ''
      : `<p><a href="${escapeHtml(page.link.href)}">${escapeHtml(page.link.text)}</a></p>`;
  const refresh =
    page.refreshSeconds === undefined ? '' : `<meta http-equiv="refresh" content="${page.refreshSeconds}">`;
  const items =
    page.items === undefined || page.items.length === 0
      ? ''
      : `<ul>${page.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8">${refresh}<title>${escapeHtml(page.title)}</title><style>${style}</style></head><body><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p>${items}${link}</body></html>`;
  const headers = [
    'Content-Type',
    'text/html; charset=utf-8',
    'Content-Length',
    String(Buffer.byteLength(body)),
    'Cache-Control',
    'no-store',
    'Content-Security-Policy',
    policy,
    'X-Content-Type-Options',
    'nosniff',
    'Referrer-Policy',
    'no-referrer',
    ...(page.retryAfter === undefined ? [] : ['Retry-After', String(page.retryAfter)]),
    ...extraHeaders,
  ];
  res.writeHead(page.status, headers);
  res.end(body);
}

/** Said for an instance that does not exist and for one the user may not open alike. */
export function notFoundPage(portal: string): Page {
  return {
    status: 404,
    title: 'No such service',
    message: 'There is no service at this address, or you may not open it.',
    link: { href: portal, text: 'Back to ArgoVue' },
  };
}

/** The proxy has not yet read the cluster: no instance is known. */
export const unknownPage: Page = {
  status: 503,
  title: 'ArgoVue is starting',
  message: 'ArgoVue has just started and is still reading the cluster. Reload this page in a moment.',
  retryAfter: 2,
};

export function stoppedPage(ref: InstanceRef): Page {
  return {
    status: 503,
    title: `${ref.name} is stopped`,
    message: `The service ${ref.name} in ${ref.namespace} is stopped. Start it in ArgoVue, then reload this page.`,
    retryAfter: 30,
  };
}

export function unreachable(ref: InstanceRef): Page {
  return {
    status: 502,
    title: 'The service did not answer',
    message: `ArgoVue could not reach ${ref.name}. Try again in a moment.`,
  };
}

/** A 503 for a request that is not a navigation: the one error shape, with Retry-After. */
export function sendNotRunning(res: ServerResponse, page: Page): void {
  const body = JSON.stringify({
    code: 'SERVICE_NOT_RUNNING',
    status: 503,
    message: `${page.title}.`,
    hint: 'Try again after Retry-After seconds; opening the service in the browser shows why.',
  });
  res.writeHead(503, [
    'Content-Type',
    'application/json',
    'Content-Length',
    String(Buffer.byteLength(body)),
    'Cache-Control',
    'no-store',
    'Retry-After',
    String(page.retryAfter ?? startingRetrySeconds),
  ]);
  res.end(body);
}

export function statusHead(status: number, message: string, headers: readonly string[]): string {
  let head = `HTTP/1.1 ${status} ${message.replace(/[\r\n]/g, '')}\r\n`;
  for (let i = 0; i + 1 < headers.length; i += 2) head += `${headers[i] ?? ''}: ${headers[i + 1] ?? ''}\r\n`;
  return `${head}\r\n`;
}

/** A page on a socket that is not (or no longer) an HTTP response: a refused upgrade. */
export function writeRawPage(socket: Socket, page: Page): void {
  const body = `${page.title}: ${page.message}\n`;
  socket.end(
    statusHead(page.status, page.title, [
      'Content-Type',
      'text/plain; charset=utf-8',
      'Content-Length',
      String(Buffer.byteLength(body)),
      ...(page.retryAfter === undefined ? [] : ['Retry-After', String(page.retryAfter)]),
      'Connection',
      'close',
    ]) + body,
  );
}
