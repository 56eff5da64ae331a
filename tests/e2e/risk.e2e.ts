import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runCli } from '../../src/cli/runCli.ts';
import { CATEGORY_KEYS } from '../../src/domain/categories.ts';
import { formatUtc8, formatUtc8Iso } from '../../src/domain/formatUtc8.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, waitForBoardAnswered } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { FIXTURE_NOW, fixtureDir, writeDemoCsv } from './support/writeFeedFixtures.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(appDist(), '/risk/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface CliHotspot {
  cell: string;
  score: number;
}

describe('the risk engine on the board', () => {
  it('ranks the same hotspots as the CLI at the same T, names alerts by place, and follows a filter', async () => {
    const feed = await writeDemoCsv(fixtureDir(), 'risk-feed.csv', 30_000, 3);
    const { context, page, blockedRequests, pageErrors } = await openBoard(browser, 'about:blank', undefined, 180_000);
    try {
      await page.goto(`${site.appUrl}?lang=en&theme=dark&panel=data`);
      await waitForBoardAnswered(page);
      await page.setInputFiles('[data-testid="import-file-input"]', [feed]);
      await page.waitForSelector('[data-testid="import-counts"]', { timeout: 180_000 });
      await page.waitForFunction(() => document.querySelector('.board')?.getAttribute('data-demo') === 'false');

      // Evaluate at the feed's own "now", typed as UTC+8 wall-clock time in the model panel.
      const at = FIXTURE_NOW;
      await page.click('[data-testid="tool-model"]');
      await page.fill('[data-testid="model-at"]', formatUtc8(at, false));
      await page.press('[data-testid="model-at"]', 'Enter');
      await page.waitForFunction(() => document.querySelector('[data-testid="model-at"]')?.getAttribute('data-following') === 'false');
      expect(new URL(page.url()).searchParams.get('at')).toBe(formatUtc8Iso(at));
      await waitForBoardAnswered(page);
      const board = await page.$$eval('[data-testid="hotspot-item"]', (items) =>
        items.map((item) => ({ cell: item.getAttribute('data-cell')!, score: Number(item.getAttribute('data-score')) })),
      );
      expect(board.length).toBeGreaterThanOrEqual(5);

      let stdout = '';
      const code = await runCli(['hotspots', feed, '--at', new Date(at).toISOString(), '--top', String(board.length), '--json'], {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
      });
      expect(code).toBe(0);
      const cli = (JSON.parse(stdout) as { hotspots: CliHotspot[] }).hotspots;
      expect(board.map((h) => h.cell)).toEqual(cli.map((h) => h.cell));
      board.forEach((hotspot, i) => expect(hotspot.score).toBeCloseTo(cli[i].score, 9));

      // The planted spike of tobacco seizures at Lo Wu raises an alert named by its place.
      const alerts = (await page.textContent('[data-testid="alert-list"]')) ?? '';
      expect(alerts).toContain('Lo Wu');
      expect(alerts).not.toMatch(/\b8[0-9a-f]{14}\b/);
      await saveScreenshot(page, 'risk-board');

      // Leaving tobacco out re-scores: the ranking changes and no hotspot names tobacco first.
      const before = await page.getAttribute('.board', 'data-answer');
      await page.goto(`${page.url().replace(/&cat=[^&]*/, '')}&cat=${CATEGORY_KEYS.filter((key) => key !== 'tobacco').join(',')}`);
      await page.waitForFunction((previous) => document.querySelector('.board')?.getAttribute('data-answer') !== previous, before);
      await waitForBoardAnswered(page);
      const filtered = await page.$$eval('[data-testid="hotspot-item"]', (items) => items.map((item) => Number(item.getAttribute('data-score'))));
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered).not.toEqual(board.map((h) => h.score));
      expect(await page.textContent('[data-testid="hotspot-list"]')).not.toContain('Tobacco');
      expect(blockedRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 900_000);
});
