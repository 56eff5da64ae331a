import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(appDist(), '/ops/tidegate/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Waits for an answer of the data worker to be on the page. */
async function waitForAnswer(page: Page): Promise<void> {
  await page.waitForSelector('.board[data-status="ready"]:not([data-answer="none"])', { timeout: 120_000 });
}

/** The cells of the ranked hotspot list, in order. */
async function rankedCells(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="hotspot-item"]', (items) => items.map((item) => item.getAttribute('data-cell') ?? ''));
}

/** The view part of the address (the query). */
const queryOf = (page: Page): string => new URL(page.url()).search;

describe('the view state in links and history', () => {
  it('opens a copied link as the same view in a fresh browser holding the same data', async () => {
    const first = await openBoard(browser, `${site.appUrl}?v=1&lang=zh-Hant&theme=light&res=8&win=14&sev=2-5&cat=narcotics,tobacco,smuggled_goods,currency`);
    let second: Awaited<ReturnType<typeof openBoard>> | null = null;
    try {
      await waitForAnswer(first.page);
      await first.page.click('[data-testid="hotspot-item"] >> nth=2');
      await first.page.waitForSelector('.board[data-selection="hotspot"]');
      // A hotspot picked from the list is flown to: the link is copied once the camera landed.
      await first.page.waitForFunction(() => /[?&]c=/.test(location.search) && document.querySelector('[data-testid="map"]')?.getAttribute('data-moving') === 'false');
      const link = first.page.url();
      expect(link).toContain('sel=hotspot:');
      second = await openBoard(browser, link);
      await waitForAnswer(second.page);
      for (const page of [first.page, second.page]) {
        expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
        expect(await page.getAttribute('html', 'data-theme')).toBe('light');
        expect(await page.getAttribute('.board', 'data-selection')).toBe('hotspot');
      }
      expect(queryOf(second.page)).toBe(queryOf(first.page));
      expect(first.pageErrors).toEqual([]);
      expect(second.pageErrors).toEqual([]);
    } finally {
      await first.context.close();
      await second?.context.close();
    }
  });

  it('walks Back and Forward through view changes without leaving the app', async () => {
    const { context, page, pageErrors } = await openBoard(browser, site.appUrl);
    try {
      await waitForAnswer(page);
      const start = page.url();
      await page.click('[data-testid="theme-light"]');
      await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('light');
      await page.click('[data-testid="tool-layers"]');
      await page.waitForSelector('[data-testid="tool-panel"]');
      await page.click('[data-testid="hotspot-item"] >> nth=0');
      await page.waitForSelector('.board[data-selection="hotspot"]');
      expect(page.url()).toContain('panel=layers');

      await page.goBack();
      await page.waitForSelector('.board[data-selection="none"]');
      expect(page.url()).toContain('panel=layers');
      await page.goBack();
      await page.waitForSelector('.board[data-drawer="none"]');
      await page.goBack();
      await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('dark');
      expect(page.url()).toBe(start);
      await page.goForward();
      await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('light');
      await page.goForward();
      await page.goForward();
      await page.waitForSelector('.board[data-selection="hotspot"]');
      // Escape clears the selection as a new step, which Back undoes.
      await page.keyboard.press('Escape');
      await page.waitForSelector('.board[data-selection="none"]');
      await page.goBack();
      await page.waitForSelector('.board[data-selection="hotspot"]');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens a link with invalid settings with the defaults for them and says so', async () => {
    const { context, page, pageErrors } = await openBoard(browser, `${site.appUrl}?v=1&lang=en&res=42&cat=ghosts&sel=hotspot:%3Cscript%3E&layers=hotspots,nonsense&c=abc`);
    try {
      await waitForAnswer(page);
      const notice = (await page.textContent('[data-testid="view-notice"]')) ?? '';
      expect(notice).toContain('map view');
      expect(notice).toContain('model settings');
      expect(notice).toContain('filters');
      expect(notice).toContain('selection');
      expect(await page.getAttribute('.board', 'data-selection')).toBe('none');
      expect(queryOf(page)).not.toContain('res=');
      expect((await rankedCells(page)).length).toBeGreaterThan(0);
      await page.click('[data-testid="view-notice"] button');
      await page.waitForSelector('[data-testid="view-notice"]', { state: 'detached' });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens a link from a newer version with the default view and a notice', async () => {
    const { context, page } = await openBoard(browser, `${site.appUrl}?v=99&lang=zh-Hant&res=6`);
    try {
      await waitForAnswer(page);
      expect(await page.textContent('[data-testid="view-notice"]')).toContain('newer version');
      // The default view frames the Bay Area on any screen: the map framing it writes no camera.
      await page.waitForSelector('[data-testid="map"][data-map-state="ready"][data-moving="false"]');
      expect(queryOf(page)).toBe('?v=1&lang=en&theme=dark');
    } finally {
      await context.close();
    }
  });

  describe('a stored view that cannot be used', () => {
    // One browser for the four cases: the demo is stored once, each case opens a new page of it.
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(site.appUrl);
      await waitForAnswer(page);
      await page.close();
    });
    afterAll(async () => {
      await context?.close();
    });

    for (const stored of ['null', '{"version":1,"model":"x","filters":[1]}', '{not json', '"\\u0000"']) {
      it(`starts with the defaults and a notice from a stored view of ${stored}`, async () => {
        const page = await context.newPage();
        await page.addInitScript((text) => window.localStorage.setItem('tidegate.view', text), stored);
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        try {
          await page.goto(site.appUrl);
          await waitForAnswer(page);
          await page.waitForSelector('[data-testid="view-notice"]');
          expect((await rankedCells(page)).length).toBeGreaterThan(0);
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  });

  it('asks before fetching the feeds a link names', async () => {
    const feed = encodeURIComponent(`${site.origin}/not-served.csv`);
    const { context, page } = await openBoard(browser, `${site.appUrl}?feed=${feed}&feed=javascript:alert(1)`);
    try {
      await page.waitForSelector('[data-testid="linked-feeds"]');
      const text = (await page.textContent('[data-testid="linked-feeds"]')) ?? '';
      expect(text).toContain('/not-served.csv');
      expect(text).toContain('1 more could not be used');
      expect(queryOf(page)).not.toContain('feed=');
      await page.click('[data-testid="linked-feeds-ignore"]');
      await page.waitForSelector('[data-testid="linked-feeds"]', { state: 'detached' });
    } finally {
      await context.close();
    }
  });
});
