// Fixtures for a test file's describe(): ArgoVue started before its tests (with the demo users it
// names signed in, or with Chromium beside it), stopped after them, and whatever a test made undone
// then. One place instead of the before()/after() pair every file used to paste.
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { loginAs, type ApiClient } from './api-client.ts';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { launchBrowser, openPage, type WatchedPage } from './browser.ts';
import { signInThroughProvider } from './login.ts';
import { startServer, type RunningServer } from './server.ts';

export interface Suite {
  /** The ArgoVue server of this describe(); read it inside tests and hooks (it starts in before()). */
  readonly server: RunningServer;
  /** Something to undo after the suite's tests (a workflow to delete); its failure does not fail them. */
  afterwards(undo: () => Promise<unknown>): void;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is read before the suite's before() ran`);
  return value;
}

function serverSuite(): { suite: Suite; start: () => Promise<RunningServer> } {
  let server: RunningServer | undefined;
  const undos: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const undo of undos.reverse()) await undo().catch(() => undefined);
    await server?.stop();
  });
  return {
    suite: {
      get server() {
        return started(server, 'the server');
      },
      afterwards: (undo) => {
        undos.push(undo);
      },
    },
    start: async () => (server = await startServer()),
  };
}

/** ArgoVue with each named demo user signed in through the provider: `suite.alice.json(…)`. */
export function apiSuite<const U extends string>(...users: U[]): Suite & Readonly<Record<U, ApiClient>> {
  const { suite, start } = serverSuite();
  const clients = new Map<string, ApiClient>();
  before(async () => {
    const server = await start();
    for (const user of users) clients.set(user, await loginAs(server.url, user));
  });
  for (const user of users)
    Object.defineProperty(suite, user, { get: () => started(clients.get(user), `${user}'s client`) });
  return suite as Suite & Readonly<Record<U, ApiClient>>;
}

/** ArgoVue and Chromium, started together; pages come from `openPage(suite.browser)`. */
export function browserSuite(): Suite & { readonly browser: Browser } {
  const { suite, start } = serverSuite();
  let browser: Browser | undefined;
  before(async () => {
    // Both settle before any failure is thrown: a Chromium launched beside a server that failed to
    // start is still closed by after(), instead of keeping the test process alive for ever.
    const [server, launched] = await Promise.allSettled([start(), launchBrowser()]);
    if (launched.status === 'fulfilled') browser = launched.value;
    if (server.status === 'rejected') throw server.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });
  after(async () => {
    await browser?.close();
  });
  return Object.defineProperty(suite, 'browser', { get: () => started(browser, 'the browser') }) as Suite & {
    readonly browser: Browser;
  };
}

/**
 * A browser suite with `workflow` created in `namespace` (deleted after) and `user` signed in on a
 * watched page: `suite.watched.page`.
 */
export function workflowSuite(
  namespace: string,
  workflow: { metadata: { name: string } },
  user: string,
): Suite & { readonly browser: Browser; readonly watched: WatchedPage } {
  const suite = browserSuite();
  let watched: WatchedPage | undefined;
  before(async () => {
    await createWorkflow(namespace, workflow);
    suite.afterwards(() => deleteWorkflow(namespace, workflow.metadata.name));
    watched = await openPage(suite.browser);
    await watched.page.goto(suite.server.url);
    await signInThroughProvider(watched.page, user);
  });
  return Object.defineProperty(suite, 'watched', { get: () => started(watched, 'the page') }) as Suite & {
    readonly browser: Browser;
    readonly watched: WatchedPage;
  };
}
