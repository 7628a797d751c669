// Debian's Chromium driven by playwright-core. Every console error or uncaught page error is kept,
// and a test fails on any (see `expectNoPageErrors`).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const screenshotsDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    // Root needs --no-sandbox; the rest keep Chromium from calling out of this closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  errors: string[];
}

export async function openPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return { page, errors };
}

/** No console error or page error, but for the messages a test expects (`except`, matched by substring). */
export function expectNoPageErrors(watched: WatchedPage, except: readonly string[] = []): void {
  const unexpected = watched.errors.filter((error) => !except.some((allowed) => error.includes(allowed)));
  assert.deepEqual(
    unexpected,
    [],
    except.length === 0 ? 'the page logged no errors' : 'the page logged no unexpected errors',
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = `${screenshotsDir}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
