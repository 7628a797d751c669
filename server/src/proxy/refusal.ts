// How the proxy answers a request it could not forward: a Refusal (missing, not allowed, stopped,
// starting) carries the page to show; anything else is the service not answering (502).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendNotRunning, sendPage, type Page } from './pages.ts';
import { isNavigation } from './wake.ts';

/** A request that failed before reaching the service: the status and page to answer with. */
export class Refusal extends Error {
  readonly page: Page;
  constructor(page: Page) {
    super(page.title);
    this.page = page;
  }
}

/** Answers a failed request (nothing once the answer has begun but to end it). */
export function answerFailure(
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
  log: (message: string) => void,
): void {
  if (error instanceof Refusal) {
    if (res.headersSent) return;
    // A script cannot read a page: it gets the API's error shape, and Retry-After, at once.
    if (error.page.status === 503 && !isNavigation(req)) sendNotRunning(res, error.page);
    else sendPage(res, error.page);
    return;
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  log(`proxy: ${String(error)}`);
  const navigation = isNavigation(req);
  sendPage(res, {
    status: 502,
    title: 'The service did not answer',
    message: navigation
      ? 'ArgoVue could not reach the service. This page reloads by itself in a moment.'
      : 'ArgoVue could not reach the service. Try again in a moment.',
    retryAfter: 5,
    // A pod marked ready before its process listens (a woken instance, say) is reached on a reload;
    // a page of a failed GET navigation that reloads itself repeats nothing else.
    ...(navigation ? { refreshSeconds: 3 } : {}),
  });
}
