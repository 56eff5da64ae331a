import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAYER_PALETTES } from '../../src/app/map/layerPalette.ts';
import { goBackTo } from './support/goBackTo.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, waitForBoardSettled, type BoardPage } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(appDist(), '/ops/boards/tidegate/');
  browser = await launchChromium();
});

afterAll(async () => {
  expect(shared?.blockedRequests ?? []).toEqual([]);
  await shared?.context.close();
  await browser?.close();
  await site?.close();
});

/** Lo Wu and Futian, the busiest stretch of the Shenzhen River, at port zoom. */
const LO_WU_12 = 'c=12/22.527/114.09';
const LO_WU_11 = 'c=11/22.53/114.1';

/** One browser for the file: the demo is stored once; each test opens its own page of it. */
let shared: BoardPage | null = null;

/** A page of the board on `query`, its map ready, with its own error list; `close` closes the page. */
async function open(query: string, viewport = { width: 1600, height: 1000 }): Promise<{ page: Page; pageErrors: string[]; close: () => Promise<void> }> {
  // Software WebGL on two busy cores: loads, first frames and screenshots can take longer than 30 s
  // (a 4K frame most of all).
  if (shared === null) {
    shared = await openBoard(browser, `${site.appUrl}?${query}`, viewport, 300_000);
    await waitForBoardSettled(shared.page);
    const { page, pageErrors } = shared;
    return { page, pageErrors, close: () => page.close() };
  }
  const page = await shared.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.setViewportSize(viewport);
  await page.goto(`${site.appUrl}?${query}`);
  await waitForBoardSettled(page);
  return { page, pageErrors, close: () => page.close() };
}

/** Points at `point` and reads the tooltip of `kind` it shows in one step: its text, and whether it holds only text elements. */
async function tooltipAt(page: Page, point: { x: number; y: number }, kind: string): Promise<{ text: string; textOnly: boolean }> {
  await page.mouse.move(point.x - 2, point.y);
  await page.mouse.move(point.x, point.y);
  const handle = await page.waitForFunction(
    (wanted) => {
      const tip = document.querySelector(`[data-testid="map-tooltip"][data-kind="${wanted}"]`);
      if (tip === null) return false;
      const textOnly = [...tip.querySelectorAll('*')].every((child) => ['STRONG', 'SPAN'].includes(child.tagName) && child.children.length === 0);
      return { text: tip.textContent ?? '', textOnly };
    },
    kind,
    { timeout: 60_000, polling: 50 },
  );
  return (await handle.jsonValue()) as { text: string; textOnly: boolean };
}

const waitForMapReady = (page: Page) => page.waitForSelector('[data-map-state="ready"]');

const map = (page: Page) => page.locator('[data-testid="map"]');

/** A probe the map exposes (`data-probe-*`: where one thing of a kind is), in page coordinates. */
async function probe(page: Page, kind: 'hotspot' | 'alert' | 'calm-site' | 'event'): Promise<{ x: number; y: number }> {
  const value = await map(page).getAttribute(`data-probe-${kind}`);
  if (!value) throw new Error(`nothing of kind ${kind} on screen`);
  const box = (await map(page).boundingBox())!;
  const [x, y] = value.split(',').map(Number);
  return { x: box.x + x, y: box.y + y };
}

/** Share of pixels close to `rgb` in a ring of radii [inner, outer] around (x, y) of a screenshot. */
async function ringShare(page: Page, png: Buffer, centre: { x: number; y: number }, inner: number, outer: number, rgb: readonly number[]): Promise<number> {
  return page.evaluate(
    async ({ base64, centre, inner, outer, rgb }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      let hits = 0;
      let total = 0;
      for (let dy = -outer; dy <= outer; dy++) {
        for (let dx = -outer; dx <= outer; dx++) {
          const r = Math.hypot(dx, dy);
          if (r < inner || r > outer) continue;
          total++;
          const [red, green, blue] = context.getImageData(Math.round(centre.x + dx), Math.round(centre.y + dy), 1, 1).data;
          if (Math.abs(red - rgb[0]) <= 30 && Math.abs(green - rgb[1]) <= 30 && Math.abs(blue - rgb[2]) <= 30) hits++;
        }
      }
      return hits / total;
    },
    { base64: png.toString('base64'), centre, inner, outer, rgb },
  );
}

describe('the map', { timeout: 400_000 }, () => {
  it('shows a text tooltip on hover and selects a hotspot on click (the link names it); Escape clears', async () => {
    const { close, page, pageErrors } = await open(`v=1&lang=en&theme=dark&${LO_WU_11}&layers=hotspots,alerts`);
    expect(await map(page).getAttribute('data-zoom')).toBe('11.00');
    try {
      const hotspot = await probe(page, 'hotspot');
      const { text, textOnly } = await tooltipAt(page, hotspot, 'hotspot');
      expect(text).toMatch(/^Hotspot #\d+/);
      expect(text).toMatch(/Score: [\d.,]+/);
      expect(text).toMatch(/Events: [\d,]+/);
      // Text only: a title and one span per line, nothing else inside.
      expect(textOnly).toBe(true);
      await saveScreenshot(page, 'map-tooltip-hotspot');

      const alert = await probe(page, 'alert');
      expect((await tooltipAt(page, alert, 'alert')).text).toMatch(/Spike alert · .+Observed \d+, expected [\d.]+Since \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\)/);

      await page.mouse.click(hotspot.x, hotspot.y);
      await page.waitForFunction(() => new URL(location.href).searchParams.get('sel')?.startsWith('hotspot:8'));
      await page.waitForSelector('.board[data-selection="hotspot"]');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('hides a layer and its legend entry when it is switched off, and shows both again', async () => {
    const { close, page, pageErrors } = await open(`v=1&lang=en&theme=light&${LO_WU_11}`);
    try {
      const legend = page.locator('[data-testid="map-legend"]');
      await expect.poll(() => legend.locator('[data-legend="events"]').count()).toBe(1);
      expect(await map(page).getAttribute('data-drawn-layers')).toMatch(/\bevents\b/);
      await page.click('[data-testid="tool-layers"]');
      await page.click('[data-testid="layer-toggle-events"]');
      await expect.poll(() => map(page).getAttribute('data-drawn-layers')).not.toMatch(/\bevents\b/);
      expect(await legend.locator('[data-legend="events"]').count()).toBe(0);
      expect(new URL(page.url()).searchParams.get('layers')?.split(',')).not.toContain('events');
      await page.click('[data-testid="layer-toggle-alerts"]');
      await expect.poll(() => map(page).getAttribute('data-drawn-layers')).not.toMatch(/\balerts\b/);
      expect(await legend.locator('[data-legend="alerts"]').count()).toBe(0);
      expect(await page.locator('[data-testid="alert-pulses"]').count()).toBe(0);
      await saveScreenshot(page, 'map-layers-off-light');
      await page.click('[data-testid="layer-toggle-events"]');
      await expect.poll(() => map(page).getAttribute('data-drawn-layers')).toMatch(/\bevents\b/);
      expect(await legend.locator('[data-legend="events"]').count()).toBe(1);
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  for (const theme of ['dark', 'light'] as const) {
    it(`draws alerts as warn-coloured rings, which sites do not have (${theme})`, async () => {
      const { close, page, pageErrors } = await open(`v=1&lang=en&theme=${theme}&${LO_WU_11}&layers=sites,alerts`);
      try {
        // The pulse is decoration over the map; the rings themselves are what is checked.
        await page.addStyleTag({ content: '[data-testid="alert-pulses"], [data-testid="map-legend"] { display: none !important; }' });
        const alert = await probe(page, 'alert');
        const calm = await probe(page, 'calm-site');
        const png = await page.screenshot();
        await saveScreenshot(page, `map-alert-rings-${theme}`);
        const warn = LAYER_PALETTES[theme].alert;
        // Inner ring at 17 px, outer at 24 px (design pixels at the default root size); a site's
        // disc ends at 12.5 px, so the same band around a site away from alerts is bare map.
        expect(await ringShare(page, png, alert, 14, 26, warn)).toBeGreaterThan(0.12);
        expect(await ringShare(page, png, calm, 14, 26, warn)).toBeLessThan(0.01);
        expect(pageErrors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  // Per screen size, both themes and both languages, paired: the second pair is reached on the
  // same page the way Back/Forward reaches a view (URL, then popstate), with no reload.
  const labelScreens = [
    { width: 1366, height: 768, views: [{ theme: 'dark', lang: 'en' }, { theme: 'light', lang: 'zh-Hant' }] },
    { width: 3840, height: 2160, views: [{ theme: 'dark', lang: 'zh-Hant' }, { theme: 'light', lang: 'en' }] },
  ] as const;
  for (const { width, height, views } of labelScreens) {
    it(`places labels without overlaps around Lo Wu and Futian at zoom 12 (${width}×${height}; ${views.map(({ theme, lang }) => `${theme}, ${lang}`).join('; ')})`, async () => {
      const [first, second] = views;
      const { close, page, pageErrors } = await open(`v=1&lang=${first.lang}&theme=${first.theme}&${LO_WU_12}`, { width, height });
      try {
        for (const { theme, lang } of views) {
          if (lang !== first.lang) {
            await goBackTo(page, `?v=1&lang=${second.lang}&theme=${second.theme}&${LO_WU_12}`);
            await page.waitForSelector(`[data-testid="map"][data-labels-locale="${lang}"][data-theme-applied="${theme}"][data-map-state="ready"]`);
          }
          expect(await map(page).getAttribute('data-labels-locale')).toBe(lang);
          const boxes = JSON.parse((await map(page).getAttribute('data-label-boxes')) ?? '[]') as [string, string, number, number, number, number][];
          const mapBox = (await map(page).boundingBox())!;
          const onScreen = boxes.filter(([, , left, top, right, bottom]) => right > 0 && bottom > 0 && left < mapBox.width && top < mapBox.height);
          expect(onScreen.filter(([kind]) => kind === 'site').length).toBeGreaterThanOrEqual(4);
          for (let a = 0; a < onScreen.length; a++) {
            for (let b = a + 1; b < onScreen.length; b++) {
              const [, textA, l1, t1, r1, b1] = onScreen[a];
              const [, textB, l2, t2, r2, b2] = onScreen[b];
              const overlap = l1 < r2 && l2 < r1 && t1 < b2 && t2 < b1;
              expect(overlap, `${textA} overlaps ${textB} (${theme}, ${lang})`).toBe(false);
            }
          }
          if (lang === 'zh-Hant') expect(onScreen.map(([, text]) => text).join('')).toMatch(/[羅福]/u);
          await saveScreenshot(page, `map-labels-zoom12-${width}x${height}-${theme}-${lang}`);
        }
        expect(pageErrors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('switches label language without hiding the data layers', async () => {
    const { close, page, pageErrors } = await open(`v=1&lang=en&theme=dark&${LO_WU_11}`);
    try {
      // The other languages' label fonts load while the board is idle, so the switch is quick.
      await page.waitForSelector('[data-testid="map"][data-fonts-preloaded="true"]');
      const result = await page.evaluate(async () => {
        const element = document.querySelector('[data-testid="map"]')!;
        const drawnDuring: string[] = [];
        const observer = new MutationObserver(() => drawnDuring.push(element.getAttribute('data-drawn-layers') ?? ''));
        observer.observe(element, { attributes: true });
        const started = performance.now();
        const select = document.querySelector<HTMLSelectElement>('[data-testid="language-select"]')!;
        select.value = 'zh-Hant';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const check = () => (element.getAttribute('data-labels-locale') === 'zh-Hant' ? resolve() : requestAnimationFrame(check));
          check();
        });
        // Labels are on screen once the overlay drew the frame after the switch.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        observer.disconnect();
        return { ms: performance.now() - started, drawnDuring };
      });
      // How fast is the bench's (board-ui "language"); a timed assertion here would only measure the runner.
      console.info(`language switch → labels redrawn: ${Math.round(result.ms)} ms`);
      expect(result.drawnDuring.every((drawn) => /\bhotspots\b/.test(drawn) && /\bevents\b/.test(drawn))).toBe(true);
      await waitForMapReady(page);
      await saveScreenshot(page, 'map-language-switched-zh-Hant');
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1600, height: 1000 },
  ]) {
    it(`asks the data worker one question for the opening view, which holds still while the page loads (${viewport.width}×${viewport.height})`, async () => {
      const { close, page, pageErrors } = await open('v=1&lang=zh-Hant&theme=dark', viewport);
      try {
        // Fonts arriving late, optional bars and the map's own framing must not move the map's
        // viewport (each move is a question), and the board's ask once ready joins the one the
        // load sent: the answer on screen is the first and only one.
        await page.evaluate(async () => {
          await document.fonts.ready;
        });
        await page.waitForSelector('[data-testid="map"][data-fonts-preloaded="true"]');
        await waitForBoardSettled(page);
        expect(await page.getAttribute('.board', 'data-answer')).toBe('1');
        expect(pageErrors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('draws the first answer\'s hotspots on their own, then every layer switched on', async () => {
    // With software WebGL every further kind of layer costs its shaders' compile on a first load:
    // the hotspots come first, the rest in the next frame.
    const opened = await open('v=1&lang=en&theme=dark');
    await opened.close();
    const page = await shared!.context.newPage();
    try {
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __drawnLayers: string[] }).__drawnLayers = seen;
        new MutationObserver((records) => {
          for (const record of records) seen.push((record.target as Element).getAttribute('data-drawn-layers') ?? '');
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn-layers'] });
      });
      await page.goto(`${site.appUrl}?v=1&lang=en&theme=dark`);
      await waitForBoardSettled(page);
      const drawn = (await page.evaluate(() => (window as unknown as { __drawnLayers: string[] }).__drawnLayers)).filter((layers) => layers !== '');
      expect(drawn[0]).toBe('hotspots');
      for (const layer of ['hotspots', 'channels', 'sites', 'site-icons', 'events', 'alerts']) expect(drawn.at(-1)!.split(' ')).toContain(layer);
    } finally {
      await page.close();
    }
  });
});
