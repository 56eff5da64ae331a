import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../../src/cli/runCli.ts';
import { holdStoreTables, openStorePage } from './support/holdStoreTables.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, waitForBoardReady } from './support/openBoard.ts';
import { lineStartOffset, serveStalledFeed } from './support/serveStalledFeed.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { countStored, importTurns, storedRecords } from './support/storeProbes.ts';
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
    const { context, page, blockedRequests } = await openBoard(browser, `${site.appUrl}?lang=en&panel=data`);
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
    const { context, page } = await openBoard(browser, `${site.appUrl}?lang=en&panel=data`);
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
    const big = await writeDemoCsv(dir, 'big-feed.csv', 60_000, 11);
    // As a feed, its download stops after 55,000 rows: one 50,000-row chunk gets staged, the rest never comes.
    const feed = await serveStalledFeed(big, lineStartOffset(big, 55_001));
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const unchanged = '4 events stored (0 superseded) in 1 chunks';
    try {
      const page = await context.newPage();
      await page.goto(`${site.appUrl}?lang=en&panel=data`);
      await waitForBoardReady(page);
      const storePage = await openStorePage(context, site.appUrl);
      await importThroughInput(page, [small]);
      await expect.poll(() => storedRows(page)).toContain(unchanged);

      // A file import cancelled while it runs: a write transaction another tab holds keeps it at its
      // first write, so it cannot finish before the click, however fast the machine.
      const hold = await holdStoreTables(storePage, ['imports']);
      await page.bringToFront();
      await page.setInputFiles('[data-testid="import-file-input"]', [big]);
      await page.waitForSelector('[data-import-phase="reading"]');
      // The button holds still whatever the progress line says (checked again below at 55,000 rows).
      const cancelBox = () => page.locator('[data-testid="import-cancel"]').boundingBox();
      const startBox = await cancelBox();
      await page.click('[data-testid="import-cancel"]');
      // The import worker has taken the cancel before the held write is let go.
      await page.waitForSelector('[data-import-phase="cancelling"]');
      expect(await cancelBox()).toEqual(startBox);
      await hold.release();
      await page.waitForSelector('[data-testid="import-error"]');
      expect(await page.locator('[data-testid="import-error"]').first().textContent()).toMatch(/big-feed\.csv.*cancel/i);
      await expect.poll(() => storedRows(page)).toContain(unchanged);
      expect(await storedRecords(storePage)).toEqual({ chunks: 1, masks: 1, imports: { published: 1 } });

      // A feed download cancelled mid-way, with a chunk already staged.
      await page.click('text=Feed URLs (0)');
      await page.fill('input[type="url"]', feed.url);
      await page.fill('.feed-form input[type="text"]', 'Stalling feed');
      await page.fill('.feed-form input[type="number"]', '1440');
      await page.click('text=Add and fetch');
      await expect.poll(() => countStored(storePage, 'chunks'), { timeout: 60_000 }).toBe(2);
      expect(await page.getAttribute('[data-testid="import-progress"]', 'data-import-phase')).toBe('reading');
      expect(await cancelBox()).toEqual(startBox);
      await page.click('[data-testid="import-cancel"]');
      await expect.poll(() => page.locator('[data-testid="import-error"]').count()).toBe(2);
      expect(await page.locator('[data-testid="import-error"]').first().textContent()).toMatch(/cancel/i);
      await expect.poll(() => storedRows(page)).toContain(unchanged);
      expect(await storedRecords(storePage)).toEqual({ chunks: 1, masks: 1, imports: { published: 1 } });

      // The tab closed in the middle of the download, then the board opened again.
      await page.click('text=Fetch now');
      await expect.poll(() => countStored(storePage, 'chunks'), { timeout: 60_000 }).toBe(2);
      await page.close();
      // The closed tab's import has ended with its worker (its locks are gone), not just left the screen.
      await expect.poll(() => importTurns(storePage), { timeout: 30_000 }).toEqual({ held: 0, waiting: 0, running: 0 });
      const reopened = await context.newPage();
      await reopened.goto(`${site.appUrl}?lang=en&panel=data`);
      await waitForBoardReady(reopened);
      await expect.poll(() => storedRows(reopened)).toContain(unchanged);
      expect(await reopened.getAttribute('.board', 'data-demo')).toBe('false');
      // Nothing of the killed import is left: its staged chunk was deleted when the board opened again.
      expect(await storedRecords(storePage)).toEqual({ chunks: 1, masks: 1, imports: { published: 1, abandoned: 1 } });
      expect(feed.requests()).toBe(2);
    } finally {
      await context.close();
      await feed.close();
    }
    // Three imports and two board starts: on a busy machine that takes minutes.
  }, 420_000);
});
