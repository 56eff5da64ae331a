import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../../src/cli/runCli.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, waitForBoardReady } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { fixtureDir, writeBadEncodingCsv, writeDemoCsv, writeMixedCsv } from './support/writeFeedFixtures.ts';

let browser: Browser;
let site: StaticSite;
let dir: string;

beforeAll(async () => {
  site = await serveStatic(appDist(), '/feeds/tidegate/');
  browser = await launchChromium();
  dir = fixtureDir();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The CLI's JSON report for files imported in order into an empty store. */
async function cliReport(files: string[]): Promise<{ files: { counts: Record<string, number>; rejections: { location: { line?: number }; field: string; reason: string }[] }[] }> {
  let stdout = '';
  const code = await runCli(['validate', ...files, '--json'], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } });
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

async function storedRows(page: Page): Promise<string> {
  return (await page.textContent('[data-testid="storage-info"]')) ?? '';
}

async function importThroughInput(page: Page, files: string[]): Promise<void> {
  const before = await page.locator('[data-testid="import-outcome"]').count();
  await page.setInputFiles('[data-testid="import-file-input"]', files);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-outcome"]').length >= n, before + files.length, { timeout: 120_000 });
}

describe('importing feeds in the board', () => {
  it('imports through the file input, shows the same report as the CLI, and re-importing changes nothing', async () => {
    const mixed = writeMixedCsv(dir);
    const { context, page, blockedRequests } = await openBoard(browser, `${site.appUrl}?lang=en`);
    try {
      await waitForBoardReady(page);
      expect(await page.getAttribute('.board', 'data-demo')).toBe('true');
      await importThroughInput(page, [mixed]);
      const counts = await page.locator('[data-testid="import-counts"]').first().textContent();
      const expected = (await cliReport([mixed])).files[0];
      expect(expected.counts).toMatchObject({ rowsIn: 7, accepted: 4, rejected: 3 });
      const c = expected.counts;
      expect(counts).toContain(`${c.accepted} new · ${c.updated} updated · ${c.unchanged} unchanged · ${c.stale} stale · ${c.rejected} rejected`);
      await page.click('[data-testid="import-outcome"] details summary');
      const rejections = await page.locator('[data-testid="import-rejections"] li').allTextContents();
      expect(rejections).toHaveLength(expected.rejections.length);
      expected.rejections.forEach((rejection, i) => {
        expect(rejections[i]).toContain(`line ${rejection.location.line}`);
        expect(rejections[i]).toContain(rejection.reason);
      });
      // Real data replaces the demo set.
      await expect.poll(() => page.getAttribute('.board', 'data-demo')).toBe('false');
      await expect.poll(() => storedRows(page)).toContain('4 events stored');
      await importThroughInput(page, [mixed]);
      const again = await page.locator('[data-testid="import-counts"]').first().textContent();
      expect(again).toContain('0 new · 0 updated · 4 unchanged · 0 stale · 3 rejected');
      await expect.poll(() => storedRows(page)).toContain('4 events stored');
      await saveScreenshot(page, 'import-report');
      expect(blockedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses an unreadable file as a whole and keeps what was stored', async () => {
    const mixed = writeMixedCsv(dir, 'first.csv');
    const bad = writeBadEncodingCsv(dir);
    const { context, page } = await openBoard(browser, `${site.appUrl}?lang=en`);
    try {
      await waitForBoardReady(page);
      await importThroughInput(page, [mixed]);
      await expect.poll(() => storedRows(page)).toContain('4 events stored');
      await importThroughInput(page, [bad]);
      const error = await page.locator('[data-testid="import-error"]').first().textContent();
      expect(error).toContain('latin1.csv');
      expect(error).toMatch(/UTF-8/i);
      await expect.poll(() => storedRows(page)).toContain('4 events stored');
    } finally {
      await context.close();
    }
  });

  it('leaves the store exactly as before when an import is cancelled or its tab is closed mid-way', async () => {
    const small = writeMixedCsv(dir, 'base.csv');
    const big = await writeDemoCsv(dir, 'big-feed.csv', 400_000, 11);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    try {
      const page = await context.newPage();
      await page.goto(`${site.appUrl}?lang=en`);
      await waitForBoardReady(page);
      await importThroughInput(page, [small]);
      await expect.poll(() => storedRows(page)).toContain('4 events stored');

      // Cancel from the progress bar.
      await page.setInputFiles('[data-testid="import-file-input"]', [big]);
      await page.waitForSelector('[data-testid="import-progress"]');
      await page.waitForFunction(() => /[1-9][\d,]{4,} rows/.test(document.querySelector('[data-testid="import-progress"]')?.textContent ?? ''));
      await page.click('[data-testid="import-cancel"]');
      await page.waitForSelector('[data-testid="import-error"]');
      expect(await page.locator('[data-testid="import-error"]').first().textContent()).toMatch(/cancel/i);
      await expect.poll(() => storedRows(page)).toContain('4 events stored (0 superseded) in 1 chunks');

      // Close the tab in the middle of an import, then open the board again.
      await page.setInputFiles('[data-testid="import-file-input"]', [big]);
      await page.waitForFunction(() => /[1-9][\d,]{6,} rows/.test(document.querySelector('[data-testid="import-progress"]')?.textContent ?? ''));
      await page.close();
      const reopened = await context.newPage();
      await reopened.goto(`${site.appUrl}?lang=en`);
      await waitForBoardReady(reopened);
      await expect.poll(() => storedRows(reopened)).toContain('4 events stored (0 superseded) in 1 chunks');
      expect(await reopened.getAttribute('.board', 'data-demo')).toBe('false');
      // Nothing of the killed import is left: every stored chunk is a published one (has its mask).
      const leftovers = await reopened.evaluate(async () => {
        const request = indexedDB.open('tidegate');
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const keys = (store: string): Promise<IDBValidKey[]> =>
          new Promise((resolve) => {
            const get = db.transaction(store).objectStore(store).getAllKeys();
            get.onsuccess = () => resolve(get.result);
          });
        const [chunks, masks] = [await keys('chunks'), await keys('masks')];
        db.close();
        return { chunks: chunks.length, masks: masks.length };
      });
      expect(leftovers).toEqual({ chunks: 1, masks: 1 });
    } finally {
      await context.close();
    }
  });
});
