import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, waitForBoardAnswered } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(appDist(), '/keys/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The focused element's test id ('' without one, 'body' when focus is on the page itself). */
function focusedTestId(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement === document.body ? 'body' : (document.activeElement?.getAttribute('data-testid') ?? '')));
}

async function focusedCell(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? null);
}

describe('the board by keyboard alone', () => {
  it('keeps focus where the user is when panels and details close, with a visible focus ring on every stop', async () => {
    const { context, page, pageErrors } = await openBoard(browser, 'about:blank', { width: 1600, height: 1000 }, 180_000);
    try {
      await page.goto(`${site.appUrl}?lang=en&theme=dark`);
      await waitForBoardAnswered(page);

      // Tab from the top: every stop is named, on screen and drawn with a focus ring; the map's
      // overlay canvas is no stop of its own.
      const stops: string[] = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (element === null || element === document.body) return null;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return {
            id: element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? element.tagName,
            ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0,
            onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.left < innerWidth,
            named: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim() !== '' || ((element as HTMLInputElement).labels?.length ?? 0) > 0,
            deckCanvas: element.closest('.deck-widget-container') !== null,
          };
        });
        if (stop === null) break;
        expect(stop, `stop ${i}`).toMatchObject({ ring: true, onScreen: true, named: true, deckCanvas: false });
        stops.push(stop.id);
      }
      expect(stops).toContain('tool-model');
      expect(stops).toContain('hotspot-item');
      expect(stops).toContain('timeline-handle');

      // Escape in a tool panel closes it and gives focus back to its button on the rail.
      await page.focus('[data-testid="tool-filters"]');
      await page.keyboard.press('Enter');
      // The panel's content loads the first time it opens.
      await page.waitForSelector('[data-testid="filter-panel"]');
      await page.focus('[data-testid="tool-panel-close"]');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('#tool-panel') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('.board')?.getAttribute('data-drawer') === 'none');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'tool-filters');

      // The panel's close button does the same.
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="tool-panel-close"]');
      await page.focus('[data-testid="tool-panel-close"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'tool-filters');

      // The first details drawer of the page: focus goes to its title, and back to the hotspot on Escape.
      const cell = await page.getAttribute('[data-testid="hotspot-item"] >> nth=1', 'data-cell');
      await page.focus('[data-testid="hotspot-item"] >> nth=1');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'details-title');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('.board')?.getAttribute('data-selection') === 'none');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'hotspot-item');
      expect(await focusedCell(page)).toBe(cell);
      expect(await focusedTestId(page)).toBe('hotspot-item');

      // The board fits the window: nothing scrolls the page under the header.
      expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
      expect(pageErrors.filter((error) => !error.includes('404'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 600_000);
});
