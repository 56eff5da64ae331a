import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runCli } from '../../src/cli/runCli.ts';
import { formatUtc8 } from '../../src/domain/formatUtc8.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, waitForBoardReady } from './support/openBoard.ts';
import { serveStatic, type StaticSite } from './support/serveStatic.ts';
import { FIXTURE_NOW, fixtureDir, writeDemoCsv } from './support/writeFeedFixtures.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic('dist', '/risk/');
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
  it('ranks the same hotspots as the CLI, follows filters, and shows alerts and cross-border links', async () => {
    const feed = await writeDemoCsv(fixtureDir(), 'risk-feed.csv', 30_000, 3);
    const { context, page, blockedRequests, pageErrors } = await openBoard(browser, `${site.appUrl}?lang=en&theme=dark`);
    try {
      await waitForBoardReady(page);
      await page.setInputFiles('[data-testid="import-file-input"]', [feed]);
      await page.waitForSelector('[data-testid="import-counts"]', { timeout: 120_000 });
      await page.waitForFunction(() => document.querySelector('.board')?.getAttribute('data-demo') === 'false');

      // Evaluate at the feed's own "now" (the input takes UTC+8 local time).
      const at = FIXTURE_NOW;
      await page.click('[data-testid="risk-params"] summary');
      await page.fill('[data-testid="risk-at"]', formatUtc8(at, false).replace(' ', 'T'));
      await page.dispatchEvent('[data-testid="risk-at"]', 'change');
      await page.waitForFunction(
        (iso) => (document.querySelector('[data-testid="risk-at"]') as HTMLInputElement | null)?.value === iso,
        formatUtc8(at, false).replace(' ', 'T'),
      );
      await page.waitForTimeout(500);
      const board = await page.$$eval('[data-testid="hotspot-item"]', (items) =>
        items.map((item) => ({ cell: item.getAttribute('data-cell')!, score: Number(item.getAttribute('data-score')) })),
      );
      expect(board.length).toBeGreaterThanOrEqual(10);

      let stdout = '';
      const code = await runCli(['hotspots', feed, '--at', new Date(at).toISOString(), '--top', String(board.length), '--json'], {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
      });
      expect(code).toBe(0);
      const cli = (JSON.parse(stdout) as { hotspots: CliHotspot[] }).hotspots;
      expect(board.map((h) => h.cell)).toEqual(cli.map((h) => h.cell));
      board.forEach((hotspot, i) => expect(hotspot.score).toBeCloseTo(cli[i].score, 9));

      // The planted spike of tobacco seizures at Lo Wu raises an alert.
      const alerts = await page.textContent('[data-testid="alert-list"]');
      expect(alerts).toContain('Lo Wu');
      const links = await page.textContent('[data-testid="link-pairs"]');
      expect(links).toMatch(/Hong Kong|Macao/);
      await saveScreenshot(page, 'risk-board');

      // A filter change re-scores: without tobacco the Lo Wu share drops and the list changes.
      await page.uncheck('[data-testid="category-tobacco"]');
      await page.waitForFunction(
        (before) => {
          const first = document.querySelector('[data-testid="hotspot-item"]');
          return first !== null && JSON.stringify([...document.querySelectorAll('[data-testid="hotspot-item"]')].map((e) => e.getAttribute('data-score'))) !== before;
        },
        JSON.stringify(board.map((h) => String(h.score))),
      );
      const filtered = await page.textContent('[data-testid="hotspot-list"]');
      expect(filtered).not.toContain('Tobacco');

      // Selecting a hotspot explains it: trend, sources and its heaviest events.
      await page.click('[data-testid="hotspot-item"] >> nth=0');
      await page.waitForTimeout(1200);
      expect(await page.textContent('[data-testid="hotspot-list"] li.selected')).toMatch(/w=\d/);
      await saveScreenshot(page, 'risk-board-selected');
      expect(blockedRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
