// A first look at a list with more archived runs than its first page: the page does not wait for the
// archive's count (it reads every match, up to 10,000), so the rows are on screen with the rows known
// so far as a lower bound ("1000 of 1001+ … · counting…"), and the total the web app asks for after
// it (GET /api/v1/workflows/total) replaces it when it comes. A total that cannot be had leaves the
// rows and the lower bound shown. On the real PostgreSQL of the local cluster, 1,100 archived runs in
// a namespace of team-a's; the browser's requests for the total are held (or failed) by the test, so
// each state is seen, not raced.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Route } from 'playwright-core';
import { devclusterArchiveEnv } from '../../devcluster/argovue-env.ts';
import { eventually } from '../../devcluster/test/cluster.ts';
import { loginAs } from '../support/api-client.ts';
import {
  archivePool,
  insertArchivedRuns,
  removeArchivedRuns,
  type ArchivedRun,
  untilListed,
} from '../support/archive-db.ts';
import { expectNoPageErrors, launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { signInThroughProvider } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTeamANamespace } from '../support/service-proxy.ts';

const count = 1_100;
const runs: ArchivedRun[] = Array.from({ length: count }, (_, i) => ({
  name: `run-${String(i).padStart(4, '0')}`,
  phase: i % 10 === 0 ? 'Failed' : 'Succeeded',
  labels: {},
  createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString().replace('.000Z', 'Z'),
  durationSeconds: 5,
}));

describe('a first look at a long archived list', () => {
  const owner = archivePool('argo');
  let namespace: Awaited<ReturnType<typeof createTeamANamespace>>;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    namespace = await createTeamANamespace('archive-first-look');
    await insertArchivedRuns(owner, namespace.name, runs);
    // A window of fewer runs than the archive holds: a window holding all of it would count from
    // memory and send the total with the page (workflow-archive.ts), and nothing would be counting.
    [server, browser] = await Promise.all([
      startServer({ ...devclusterArchiveEnv(), ARGOVUE_ARCHIVE_WINDOW_RUNS: '500' }),
      launchBrowser(),
    ]);
    const alice = await loginAs(server.url, 'alice');
    // Asked with a filter the browser never asks for: its count is another query's, so each list the
    // browser opens below is a first look (the server reuses a count for 10 s).
    await untilListed(alice, namespace.name, 'limit=1&phase=Failed', 1);
  });

  after(async () => {
    await browser.close();
    await server.stop();
    await removeArchivedRuns(owner, namespace.name);
    await namespace.remove();
    await owner.end();
  });

  /** Opens alice's list at `search`, its requests for the total handed to `hold` instead of sent. */
  async function openHeld(search: string, hold: (route: Route) => void) {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.route('**/api/v1/workflows/total?**', hold);
    await page.goto(`${server.url}/workflows?namespace=${namespace.name}${search}`);
    await signInThroughProvider(page, 'alice');
    const status = page.locator('.page-heading [role="status"]');
    // The newest archived run, the list's first row.
    const newest = page.locator('table[aria-label="Workflows"] tbody tr', { hasText: 'run-1099' });
    return { watched, page, status, newest };
  }

  it('shows the rows with a lower bound while the archive is counted, then the total', async () => {
    let held: Route | undefined;
    const { watched, page, status, newest } = await openHeld('', (route) => {
      held = route;
    });
    await newest.waitFor();
    await status.getByText('1000 of 1001+ workflows loaded · counting…').waitFor();
    await screenshot(page, 'archived-list-rows-before-total');
    const route = await eventually('the browser to ask for the total', () => Promise.resolve(held), 10_000);
    await route.continue();
    await status.getByText('1000 of 1100 workflows loaded', { exact: true }).waitFor();
    assert.equal(await newest.count(), 1, 'the rows stay');
    expectNoPageErrors(watched);
    await page.close();
  });

  it('keeps the rows and the lower bound when the total cannot be had', async () => {
    let failed = false;
    const { watched, page, status, newest } = await openHeld('&q=run', (route) => {
      failed = true;
      route
        .fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"code":"INTERNAL","status":503,"message":"down"}',
        })
        .catch(() => undefined);
    });
    await newest.waitFor();
    await eventually(
      'the total to have been asked for and failed',
      () => Promise.resolve(failed || undefined),
      10_000,
    );
    // The counting mark goes; the rows and the lower bound stay.
    await status.getByText('1000 of 1001+ workflows loaded', { exact: true }).waitFor();
    assert.equal(await newest.count(), 1, 'the rows stay');
    expectNoPageErrors(watched, ['503']);
    await page.close();
  });
});
