import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, waitForBoardReady } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { fixtureDir, writeMixedCsv } from './support/writeFeedFixtures.ts';

let browser: Browser;
let site: StaticSite;
let feedPath: string;

beforeAll(async () => {
  feedPath = writeMixedCsv(fixtureDir(), 'hkced-feed.csv');
  site = await serveStatic(appDist(), '/board/', { '/feeds/hkced.csv': feedPath });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('feed URLs and several tabs', () => {
  it('a second open tab sees what the first one imports', async () => {
    const { context, page } = await openBoard(browser, `${site.appUrl}?lang=en&panel=data`);
    try {
      await waitForBoardReady(page);
      // A background tab may not paint (no animation frames), so wait for its data, not its map.
      const second = await context.newPage();
      await second.goto(`${site.appUrl}?lang=en&panel=data`);
      await second.waitForSelector('.board[data-status="ready"]', { timeout: 120_000 });
      expect(await second.getAttribute('.board', 'data-demo')).toBe('true');
      await page.setInputFiles('[data-testid="import-file-input"]', [feedPath]);
      await page.waitForSelector('[data-testid="import-counts"]');
      await expect.poll(() => second.getAttribute('.board', 'data-demo'), { timeout: 30_000 }).toBe('false');
      await expect.poll(() => second.textContent('[data-testid="storage-info"]')).toMatch(/[45] events stored/);
      await second.waitForSelector('.board[data-demo="false"]');
    } finally {
      await context.close();
    }
  });

  it('fetch a feed, skip it when unchanged (ETag), and import it again when it changes', async () => {
    const { context, page } = await openBoard(browser, `${site.appUrl}?lang=en&panel=data`);
    const feedRequests: { status: number; ifNoneMatch: string | undefined }[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/feeds/hkced.csv')) {
        feedRequests.push({ status: response.status(), ifNoneMatch: (await response.request().allHeaders())['if-none-match'] });
      }
    });
    try {
      await waitForBoardReady(page);
      await page.click('text=Feed URLs (0)');
      await page.fill('input[type="url"]', `${site.origin}/feeds/hkced.csv`);
      await page.fill('.feed-form input[type="text"]', 'HKCED test feed');
      await page.click('text=Add and fetch');
      await page.waitForSelector('[data-testid="import-counts"]');
      expect(await page.textContent('[data-testid="import-counts"]')).toContain('4 new');
      await expect.poll(() => page.textContent('[data-testid="storage-info"]')).toContain('4 events stored');

      await page.click('text=Fetch now');
      await expect.poll(() => feedRequests.length).toBe(2);
      expect(feedRequests[1].status).toBe(304);
      expect(feedRequests[1].ifNoneMatch).toBeTruthy();
      expect(await page.locator('[data-testid="import-outcome"]').count()).toBe(1);

      appendFileSync(feedPath, 'A-8,HKCED,2026-11-19 15:00,114.17,22.30,narcotics,5,A1,new row\r\n');
      await page.click('text=Fetch now');
      await expect.poll(() => page.locator('[data-testid="import-outcome"]').count()).toBe(2);
      expect(await page.locator('[data-testid="import-counts"]').first().textContent()).toContain('1 new · 0 updated · 4 unchanged');
      await expect.poll(() => page.textContent('[data-testid="storage-info"]')).toContain('5 events stored');
    } finally {
      await context.close();
    }
  });
});
