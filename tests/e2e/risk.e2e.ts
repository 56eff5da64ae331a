import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cellToLatLng } from 'h3-js';
import { runCli } from '../../src/cli/runCli.ts';
import { formatUtc8 } from '../../src/domain/formatUtc8.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, waitForBoardReady } from './support/openBoard.ts';
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

      // A record-kind filter and a drawn map area narrow the hotspots.
      await page.check('[data-testid="category-tobacco"]');
      await page.uncheck('[data-testid="kind-seizure"]');
      const map = (await page.locator('.map').boundingBox())!;
      await page.evaluate(() => (location.hash = '#view=10/22.52/114.1'));
      await page.waitForTimeout(1500);
      await page.click('[data-testid="area-draw"]');
      const cx = map.x + map.width / 2;
      const cy = map.y + map.height / 2;
      for (const [dx, dy] of [[-150, -120], [150, -120], [150, 120], [-150, 120]]) await page.mouse.click(cx + dx, cy + dy);
      await page.click('[data-testid="area-finish"]');
      await page.waitForSelector('[data-testid="area-active"]');
      await page.waitForTimeout(800);
      const inArea = await page.$$eval('[data-testid="hotspot-item"]', (items) => items.map((item) => item.getAttribute('data-cell')!));
      expect(inArea.length).toBeGreaterThan(0);
      // 150 px at zoom 10 is about 0.1 degree of longitude: every hotspot lies well within 0.2 of the centre.
      for (const cell of inArea) {
        const [lat, lon] = cellToLatLng(cell);
        expect(Math.abs(lon - 114.1)).toBeLessThan(0.2);
        expect(Math.abs(lat - 22.52)).toBeLessThan(0.2);
      }
      await saveScreenshot(page, 'risk-board-area');
      expect(blockedRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
