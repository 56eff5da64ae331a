import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BASEMAP_PALETTES } from '../../src/app/map/basemapStyle.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, waitForBoardAnswered } from './support/openBoard.ts';
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

/** One test may take this long on a machine shared with other builds and browsers. */
const PATIENT_MS = 900_000;

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
  { width: 3840, height: 2160 },
] as const;
const THEMES = ['dark', 'light'] as const;
const LANGS = ['en', 'zh-Hant'] as const;

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

/** What a user sees of the layout: the map's share of the width, anything cut off sideways or below, the root font. */
async function layoutOf(page: Page): Promise<{ mapShare: number; overflowX: number; overflowY: number; rootFontPx: number; summaryVisible: boolean }> {
  return page.evaluate(() => {
    const map = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
    const summary = document.querySelector('#summary-panel');
    return {
      mapShare: map.width / window.innerWidth,
      overflowX: document.documentElement.scrollWidth - window.innerWidth,
      overflowY: document.documentElement.scrollHeight - window.innerHeight,
      rootFontPx: Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
      summaryVisible: summary !== null && summary.getBoundingClientRect().width > 0,
    };
  });
}

/** Switches theme and language the way a user does, from the header. */
async function switchTo(page: Page, theme: (typeof THEMES)[number], lang: (typeof LANGS)[number]): Promise<void> {
  if ((await page.getAttribute('html', 'data-theme')) !== theme) await page.click(`[data-testid="theme-${theme}"]`);
  if ((await page.getAttribute('html', 'lang')) !== lang) await page.selectOption('[data-testid="language-select"]', lang);
  await page.waitForFunction(([theme, lang]) => document.documentElement.lang === lang && document.documentElement.dataset.theme === theme, [theme, lang] as const);
  await waitForBoardAnswered(page);
}

describe('the board at every screen size, theme and language, with no network', () => {
  it(
    'draws land and water, the demo and its key figures, in shipped fonts, with nothing cut off and no serious axe violations',
    async () => {
      const { context, page, blockedRequests, pageErrors } = await openBoard(browser, 'about:blank', SIZES[1], 180_000);
      try {
        await page.goto(`${site.appUrl}?lang=en&theme=dark`);
        await waitForBoardAnswered(page);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          for (const theme of THEMES) {
            for (const lang of LANGS) {
              await switchTo(page, theme, lang);
              const name = `board-${size.width}x${size.height}-${theme}-${lang}`;
              expect(await page.textContent('[data-testid="demo-badge"]'), name).toBe(lang === 'en' ? 'SYNTHETIC DEMO DATA' : '合成示範數據');
              const events = Number(((await page.textContent('[data-testid="figure-events"]')) ?? '').replace(/[^\d]/g, ''));
              expect(events, name).toBeGreaterThan(10_000);
              // After a window resize the map's canvases follow within a few frames.
              await expect.poll(async () => (await layoutOf(page)).overflowX, { message: `${name}: nothing cut off sideways`, timeout: 15_000 }).toBeLessThanOrEqual(0);
              const layout = await layoutOf(page);
              expect(layout.overflowY, `${name}: the board fits the window (the page does not scroll)`).toBeLessThanOrEqual(0);
              // Laptops and desktops keep the browser's 16 px; a 4K screen is read from across a room.
              if (size.width <= 1600) expect(layout.rootFontPx, `${name}: root font`).toBe(16);
              else expect(layout.rootFontPx, `${name}: root font scales with the screen`).toBeGreaterThanOrEqual(30);
              expect(layout.mapShare, `${name}: the map keeps most of the width`).toBeGreaterThan(size.width <= 1366 ? 0.55 : 0.6);
              if (size.width >= 1600) expect(layout.summaryVisible, `${name}: the summary stays open`).toBe(true);
              await saveScreenshot(page, name);
              if (size.width === 1600) {
                const png = await page.screenshot();
                const palette = BASEMAP_PALETTES[theme];
                expect(await colourShare(page, png, hexToRgb(palette.water)), `${name}: water`).toBeGreaterThan(0.05);
                expect(await colourShare(page, png, hexToRgb(palette.land.Mainland)), `${name}: land`).toBeGreaterThan(0.05);
                // Boundaries are checked at port zoom by basemapDetail.e2e.ts: at this zoom they are a
                // few antialiased pixels, mostly under the data layers.
                // Label glyphs come from the shipped fonts, not from the system or a CDN.
                const [family, sample] = lang === 'zh-Hant' ? ['Noto Sans TC', '廣州香港澳門'] : ['Noto Sans SC', 'Guangzhou Hong Kong'];
                expect(await page.evaluate(([family, sample]) => document.fonts.check(`700 16px "${family}"`, sample), [family, sample])).toBe(true);
                const results = await new AxeBuilder({ page }).analyze();
                const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
                expect(
                  serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
                  `${name}: axe`,
                ).toEqual([]);
              }
            }
          }
        }
        expect(blockedRequests).toEqual([]);
        expect(pageErrors.filter((error) => !error.includes('404'))).toEqual([]);
      } finally {
        await context.close();
      }
    },
    PATIENT_MS,
  );

  it(
    'opens a linked camera at port zoom with site labels, in a fresh browser',
    async () => {
      const { context, page, blockedRequests } = await openBoard(browser, 'about:blank', SIZES[0], 180_000);
      try {
        await page.goto(`${site.appUrl}?lang=zh-Hant&theme=light&c=11.20/22.51000/114.10000`);
        await waitForBoardAnswered(page);
        expect(Number(await page.getAttribute('[data-testid="map"]', 'data-zoom'))).toBeCloseTo(11.2, 1);
        expect(Number(await page.getAttribute('[data-testid="map"]', 'data-labels-placed'))).toBeGreaterThan(3);
        await saveScreenshot(page, 'board-zoom-shenzhen-river-1366x768-light-zh-Hant');
        expect(blockedRequests).toEqual([]);
      } finally {
        await context.close();
      }
    },
    PATIENT_MS,
  );
});
