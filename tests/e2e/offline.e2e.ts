import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { fixtureDir } from './support/writeFeedFixtures.ts';

const SUB_PATH = '/ops/tidegate/';
/** Each test loads the board two or three times; on the shared 2-core machine one load can take two minutes. */
const TEST_TIMEOUT_MS = 720_000;
/** Page loads, reloads, a drawn board and the worker's install of a whole build, on that machine. */
const PAGE_TIMEOUT_MS = 240_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The version and file list the build wrote into its service worker. */
function builtShell(): { code: string; version: string; files: string[] } {
  const code = readFileSync(join(appDist(), 'sw.js'), 'utf8');
  const manifest = /\{"version":"([0-9a-f]+)","files":(\[[^\]]*\])\}/.exec(code);
  if (manifest === null) throw new Error('sw.js carries no manifest');
  return { code, version: manifest[1], files: JSON.parse(manifest[2]) as string[] };
}

/** Waits until the service worker is active with every file of its build stored. */
async function waitForOfflineShell(page: Page, version: string): Promise<void> {
  await page.waitForSelector(`[data-testid="offline-shell"][data-status="ready"][data-version="${version}"]`, { state: 'attached', timeout: PAGE_TIMEOUT_MS });
}

/** Waits until the map has drawn (openBoard's wait, with this file's longer timeout). */
async function waitForBoardDrawn(page: Page): Promise<void> {
  await page.waitForSelector('[data-map-state="ready"]', { timeout: PAGE_TIMEOUT_MS });
}

/** Stops a server at once, open keep-alive connections included. */
async function stopServer(site: StaticSite): Promise<void> {
  site.server.closeAllConnections();
  await site.close();
}

describe('the offline app shell', () => {
  it('opens the board with the demo after one visit, with every request of the network refused', async () => {
    const shell = builtShell();
    const site = await serveStatic(appDist(), SUB_PATH);
    const { context, page, pageErrors } = await openBoard(browser, `${site.appUrl}?lang=en`, undefined, PAGE_TIMEOUT_MS);
    try {
      await waitForBoardDrawn(page);
      await waitForOfflineShell(page, shell.version);
      // Every file of the build is stored under the build's version, and nothing else.
      const stored = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names[0]);
        return { names, urls: (await cache.keys()).map((request) => request.url) };
      });
      expect(stored.names).toEqual([`tidegate-shell-${shell.version}`]);
      expect(stored.urls.map((url) => url.slice(site.appUrl.length)).sort()).toEqual([...shell.files].sort());
      expect(shell.files).toEqual(expect.arrayContaining(['index.html', expect.stringMatching(/^assets\/gbaBasemap-.*\.json$/), expect.stringMatching(/\.woff2$/), expect.stringMatching(/maplibre-gl-worker-.*\.mjs$/), expect.stringMatching(/^assets\/boardWorker-.*\.js$/)]));

      // No network at all: the host is gone, the browser is offline, and any request is refused.
      await stopServer(site);
      await context.setOffline(true);
      const refused: string[] = [];
      await context.route('**/*', (route) => {
        refused.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      const fromWorker: string[] = [];
      page.on('response', (response) => {
        if (response.fromServiceWorker()) fromWorker.push(response.request().resourceType() === 'document' ? 'page' : response.url());
      });
      await page.reload();
      await waitForBoardDrawn(page);
      await page.waitForSelector('.board[data-status="ready"][data-demo="true"]:not([data-answer="none"])');
      expect(Number(await page.getAttribute('[data-testid="hotspot-list"]', 'data-count'))).toBeGreaterThan(0);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      expect(fromWorker).toContain('page');
      expect(fromWorker.some((url) => url.endsWith('.woff2'))).toBe(true);
      expect(refused).toEqual([]);
      expect(pageErrors).toEqual([]);
      await saveScreenshot(page, 'offline-shell-no-network');
    } finally {
      await context.close();
      await stopServer(site).catch(() => {});
    }
  }, TEST_TIMEOUT_MS);

  it('offers a new build in a notice and switches only when the user accepts', async () => {
    const shell = builtShell();
    const nextVersion = `${shell.version.slice(0, 12)}beef`;
    const nextWorker = join(fixtureDir(), 'sw.js');
    writeFileSync(nextWorker, shell.code.replace(`"version":"${shell.version}"`, `"version":"${nextVersion}"`));
    // Files by URL path the server answers before the build's: filled in once the first build is in.
    const overrides: Record<string, string> = {};
    const site = await serveStatic(appDist(), SUB_PATH, overrides);
    const { context, page, pageErrors } = await openBoard(browser, `${site.appUrl}?lang=en`, undefined, PAGE_TIMEOUT_MS);
    try {
      await waitForOfflineShell(page, shell.version);
      let navigations = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations++;
      });
      await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

      // The host now serves a new build's worker; the board's hourly check finds it.
      overrides[`${SUB_PATH}sw.js`] = nextWorker;
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await page.waitForSelector('[data-testid="offline-shell"][data-update="available"] [data-testid="update-notice"]');
      expect(await page.textContent('[data-testid="update-notice"]')).toContain('A new version of the board is available.');
      // Offered, not forced: the same document, the old build still in charge, the board as it was.
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
      expect(navigations).toBe(0);
      expect(await page.getAttribute('[data-testid="offline-shell"]', 'data-version')).toBe(shell.version);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting?.state)).toBe('installed');
      await saveScreenshot(page, 'offline-shell-update-offered');

      // Later: the notice goes; a reload keeps the old build and offers the new one again.
      await page.click('[data-testid="update-later"]');
      await page.waitForSelector('[data-testid="update-notice"]', { state: 'detached' });
      expect(navigations).toBe(0);
      await page.reload();
      await waitForOfflineShell(page, shell.version);
      await page.waitForSelector('[data-testid="update-notice"]');

      // Reload in the notice: the new build takes over and the page reloads onto it.
      const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
      await page.click('[data-testid="update-reload"]');
      await reloaded;
      await waitForOfflineShell(page, nextVersion);
      expect(await page.getAttribute('[data-testid="offline-shell"]', 'data-update')).toBe('none');
      await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`tidegate-shell-${nextVersion}`]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await stopServer(site);
    }
  }, TEST_TIMEOUT_MS);
});
