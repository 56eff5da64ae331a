import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BASEMAP_PALETTES } from '../../src/app/map/basemapStyle.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, waitForBoardReady } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(appDist(), '/ops/boards/tidegate/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Share of screenshot pixels close to `rgb`, measured in the page from a PNG. */
async function colourShare(page: Page, png: Buffer, rgb: [number, number, number], tolerance = 18): Promise<number> {
  return page.evaluate(
    async ({ base64, rgb, tolerance }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let hits = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - rgb[0]) <= tolerance && Math.abs(data[i + 1] - rgb[1]) <= tolerance && Math.abs(data[i + 2] - rgb[2]) <= tolerance) hits++;
      }
      return hits / (data.length / 4);
    },
    { base64: png.toString('base64'), rgb, tolerance },
  );
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

describe('the offline board under a sub-path', () => {
  for (const theme of ['dark', 'light'] as const) {
    for (const lang of ['en', 'zh-Hant'] as const) {
      it(`renders land, boundaries, sites, channels and labels (${theme}, ${lang}) with no network`, async () => {
        const { context, page, blockedRequests, pageErrors } = await openBoard(browser, `${site.appUrl}?lang=${lang}&theme=${theme}`);
        try {
          await waitForBoardReady(page);
          await page.waitForTimeout(500);
          expect(blockedRequests).toEqual([]);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          await expect.poll(() => page.textContent('[data-testid="demo-badge"]')).toBe(lang === 'en' ? 'SYNTHETIC DEMO DATA' : '合成示範數據');
          const countText = (await page.textContent('[data-testid="event-count"]')) ?? '';
          expect(Number(countText.replace(/[^\d]/g, '').slice(0, 5))).toBeGreaterThan(10_000);
          // Label glyphs come from the shipped fonts, not from the system or a CDN.
          const [family, sample] = lang === 'zh-Hant' ? ['Noto Sans TC', '廣州香港澳門'] : ['Noto Sans SC', 'Guangzhou Hong Kong'];
          const fontsLoaded = await page.evaluate(([family, sample]) => document.fonts.check(`700 16px "${family}"`, sample), [family, sample]);
          expect(fontsLoaded).toBe(true);
          const loadedFaces = await page.evaluate(() => [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family));
          expect(loadedFaces.length).toBeGreaterThan(0);
          const png = await page.screenshot();
          await saveScreenshot(page, `board-${theme}-${lang}`);
          const palette = BASEMAP_PALETTES[theme];
          expect(await colourShare(page, png, hexToRgb(palette.water))).toBeGreaterThan(0.05);
          expect(await colourShare(page, png, hexToRgb(palette.land.Mainland))).toBeGreaterThan(0.05);
          // Boundaries are thin lines: a few dozen pixels of their exact colour prove they are drawn.
          expect(await colourShare(page, png, hexToRgb(palette.boundary), 10)).toBeGreaterThan(0.00001);
          expect(pageErrors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('shows site labels and estimated sites when zoomed in on the Shenzhen River', async () => {
    // The map view lives in the URL hash (zoom/lat/lon), so a link opens the same view.
    const { context, page, blockedRequests } = await openBoard(browser, `${site.appUrl}?lang=zh-Hans&theme=dark#view=11/22.2/113.56`);
    try {
      await waitForBoardReady(page);
      await page.waitForTimeout(1000);
      await saveScreenshot(page, 'board-zoom-zhuhai-macao-zh-Hans');
      const { page: second, context: secondContext } = await openBoard(browser, `${site.appUrl}?lang=en&theme=light#view=11.2/22.51/114.1`);
      await waitForBoardReady(second);
      await second.waitForTimeout(1000);
      await saveScreenshot(second, 'board-zoom-shenzhen-river-light');
      expect(second.url()).toContain('#view=11.2/22.51/114.1');
      await secondContext.close();
      expect(blockedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the chosen language and theme across reloads and in the URL', async () => {
    const { context, page } = await openBoard(browser, site.appUrl);
    try {
      await waitForBoardReady(page);
      await page.selectOption('[data-testid="language-select"]', 'zh-Hans');
      await page.click('[data-testid="theme-light"]');
      expect(page.url()).toContain('lang=zh-Hans');
      expect(page.url()).toContain('theme=light');
      await page.goto(site.appUrl);
      await waitForBoardReady(page);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
      expect(await page.getAttribute('html', 'data-theme')).toBe('light');
      expect(await page.textContent('[data-testid="demo-badge"]')).toBe('合成演示数据');
    } finally {
      await context.close();
    }
  });
});
