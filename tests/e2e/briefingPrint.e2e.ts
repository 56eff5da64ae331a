import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkOf, makeBundleRecord, makeTestSigner } from '../../src/bundle/bundleTestSupport.ts';
import { createBundle } from '../../src/bundle/createBundle.ts';
import { formatFingerprint } from '../../src/bundle/signingKeys.ts';
import { defaultViewState, type Theme, type ViewState } from '../../src/view/ViewState.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, SCREENSHOT_DIR } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { FIXTURE_NOW, fixtureDir } from './support/writeFeedFixtures.ts';

/** Each test draws the board three times and prints twice; one drawing can take a minute on the shared machine. */
const TEST_TIMEOUT_MS = 720_000;
const PAGE_TIMEOUT_MS = 240_000;
const NOTE_ONE = 'Whole bay, last 30 days.\nBrief the night shift on the Shenzhen Bay cluster.';
/** Markup in a note stays text. */
const NOTE_TWO = '罗湖／落馬洲：<b>not bold</b> — check tobacco seizures first.';

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

/** Two views of a briefing: the whole bay, then the Lo Wu / Lok Ma Chau border with two categories over a week. */
function briefingViews(): { view: ViewState; note: string; title?: string }[] {
  const whole = defaultViewState('en');
  const border = defaultViewState('en');
  border.camera = { lon: 114.1, lat: 22.52, zoom: 10.5 };
  border.filters.categories = ['narcotics', 'tobacco'];
  border.model.windowDays = 7;
  border.model.resolution = 8;
  return [
    { view: whole, note: NOTE_ONE, title: 'Overview' },
    { view: border, note: NOTE_TWO },
  ];
}

/** Replaces the print dialog with a counter on `<html>` (headless Chromium has no dialog to show). */
async function countPrintCalls(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.print = () => {
      const root = document.documentElement;
      root.dataset.printCalls = String(Number(root.dataset.printCalls ?? '0') + 1);
    };
  });
}

async function waitForPrint(page: Page, pages: number, calls: number): Promise<void> {
  // A failed print ends the wait at once, with the printer's reason in the assertion.
  await page.waitForSelector('[data-testid="briefing-print"]:is([data-status="ready"], [data-status="failed"])', { state: 'attached' });
  expect({ status: await page.getAttribute('[data-testid="briefing-print"]', 'data-status'), text: await page.textContent('[data-testid="briefing-print"]') }).toMatchObject({ status: 'ready' });
  expect(await page.getAttribute('[data-testid="briefing-print"]', 'data-pages')).toBe(String(pages));
  await page.waitForSelector(`html[data-print-calls="${calls}"]`, { state: 'attached' });
}

async function printAndLook(theme: Theme): Promise<void> {
  const { context, page, pageErrors, blockedRequests } = await openBoard(browser, `${site.appUrl}?lang=en&theme=${theme}`, { width: 1600, height: 1000 }, PAGE_TIMEOUT_MS);
  try {
    await page.waitForSelector('[data-map-state="ready"]', { timeout: PAGE_TIMEOUT_MS });
    await page.waitForSelector('.board[data-status="ready"]:not([data-answer="none"])');
    await countPrintCalls(page);
    const before = page.url();

    await page.evaluate((detail) => window.dispatchEvent(new CustomEvent('tidegate:print-briefing', { detail })), { views: briefingViews(), creator: 'Duty officer Chan' });
    await waitForPrint(page, 2, 1);
    // The user's own view is back, and the board drew it again.
    expect(page.url()).toBe(before);
    await page.waitForSelector('[data-map-state="ready"]', { timeout: PAGE_TIMEOUT_MS });

    const pages = page.locator('[data-testid="briefing-page"]');
    expect(await pages.count()).toBe(2);
    expect(await pages.nth(0).locator('h1').textContent()).toBe('Overview');
    expect(await pages.nth(1).locator('h1').textContent()).toBe('View 2');
    for (const index of [0, 1]) {
      const pageLocator = pages.nth(index);
      const image = await pageLocator.locator('img').evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight, src: img.src.slice(0, 22) }));
      expect(image.src).toBe('data:image/png;base64,');
      expect(image.width).toBeGreaterThan(600);
      const rows = Number(await pageLocator.locator('[data-testid="briefing-hotspots"]').getAttribute('data-count'));
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThanOrEqual(10);
      expect(await pageLocator.locator('footer').textContent()).toMatch(new RegExp(`Prepared by Duty officer Chan · printed \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\+8\\s*Page ${index + 1} of 2`));
    }
    expect(await pages.nth(0).locator('[data-testid="briefing-note"]').textContent()).toBe(NOTE_ONE);
    expect(await pages.nth(1).locator('[data-testid="briefing-note"]').textContent()).toBe(NOTE_TWO);
    expect(await pages.nth(1).locator('[data-testid="briefing-note"] b').count()).toBe(0);
    expect(await pages.nth(1).locator('header').textContent()).toContain('Window: 7 d');
    // The two views drew different maps.
    const sources = await pages.locator('img').evaluateAll((images: HTMLImageElement[]) => images.map((img) => img.src.length));
    expect(new Set(sources).size).toBe(2);

    // As printed: only the pages, in the board's theme, one A4 landscape sheet each.
    await page.emulateMedia({ media: 'print' });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, `briefing-print-${theme}.png`), fullPage: true });
    expect(await page.locator('.board').isVisible()).toBe(false);
    await page.pdf({ path: resolve(SCREENSHOT_DIR, `briefing-print-${theme}.pdf`), preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: null });
    await page.click('[data-testid="briefing-print-close"]');
    await page.waitForSelector('[data-testid="briefing-print"][data-status="idle"]', { state: 'attached' });
    expect(await page.getAttribute('html', 'data-printing')).toBeNull();

    // The Export menu prints the current view the same way.
    await page.click('[data-testid="export-menu-button"]');
    await page.click('[data-testid="export-print"]');
    await waitForPrint(page, 1, 2);
    expect(await page.locator('[data-testid="briefing-page"] h1').textContent()).toBe('View 1');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="briefing-print"][data-status="idle"]', { state: 'attached' });

    expect(blockedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
}

/**
 * A signed bundle of 48 events around Lo Wu and Shenzhen Bay over the 6 days before FIXTURE_NOW,
 * with the two views of briefingViews() (T fixed at FIXTURE_NOW, as the board's export fixes it);
 * returns its path and the signer's fingerprint.
 */
async function writeBriefingBundle(): Promise<{ path: string; fingerprint: string }> {
  const places: [number, number][] = [
    [114.1137, 22.5292],
    [113.9305, 22.5203],
  ];
  const categories = ['narcotics', 'tobacco', 'currency'] as const;
  const records = Array.from({ length: 48 }, (_, i) => {
    const [lon, lat] = places[i % 2];
    const time = FIXTURE_NOW - (i + 1) * 3 * 3_600_000;
    return makeBundleRecord({ id: `P-${i}`, source: i % 3 ? 'HKCED' : 'GACC-GD', time, updated: time, lon: lon + (i % 4) * 0.001, lat: lat + (i % 3) * 0.001, category: categories[i % 3], severity: 1 + (i % 5) });
  });
  const views = briefingViews().map(({ view, note }) => ({ note, state: { ...view, model: { ...view.model, at: FIXTURE_NOW } } }));
  const signer = await makeTestSigner();
  const made = await createBundle({ chunks: [{ chunk: chunkOf(records) }] }, { signer: { ...signer, name: 'Duty officer Chan' }, views });
  const path = join(fixtureDir(), 'print-briefing.tidegate');
  writeFileSync(path, made.bytes);
  return { path, fingerprint: made.manifest.creator.fingerprint };
}

/** Opens a bundle as a briefing and prints all its views from the briefing bar, by keyboard. */
async function printBundleViews(): Promise<void> {
  const bundle = await writeBriefingBundle();
  const { context, page, pageErrors, blockedRequests } = await openBoard(browser, `${site.appUrl}?lang=en&theme=light`, { width: 1600, height: 1000 }, PAGE_TIMEOUT_MS);
  try {
    await page.waitForSelector('[data-map-state="ready"]', { timeout: PAGE_TIMEOUT_MS });
    await page.waitForSelector('.board[data-status="ready"]:not([data-answer="none"])');
    await countPrintCalls(page);

    await page.click('[data-testid="tool-data"]');
    await page.setInputFiles('[data-testid="import-file-input"]', bundle.path);
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="verified"]');
    await page.click('[data-testid="bundle-open-brief"]');
    await page.waitForSelector('.board[data-briefing="true"][data-mode="briefing"]');
    await page.waitForSelector('[data-testid="briefing-bar"][data-step="0"][data-steps="2"][data-busy="false"]');
    await page.waitForSelector('[data-testid="key-figures"][data-events="48"]');
    const before = page.url();

    // The bar's print control is a button reached by keyboard, named for what it does.
    const control = page.locator('[data-testid="briefing-print-views"]');
    expect(await control.textContent()).toBe('Print views');
    expect(await control.getAttribute('title')).toBe('Print the briefing\'s 2 views, one page each');
    await control.focus();
    await page.keyboard.press('Enter');
    await waitForPrint(page, 2, 1);
    await page.waitForSelector('[data-testid="briefing-bar"][data-printing="false"]', { state: 'attached' });

    const pages = page.locator('[data-testid="briefing-page"]');
    expect(await pages.locator('h1').allTextContents()).toEqual(['View 1', 'View 2']);
    expect(await pages.nth(0).locator('[data-testid="briefing-note"]').textContent()).toBe(NOTE_ONE);
    expect(await pages.nth(1).locator('[data-testid="briefing-note"]').textContent()).toBe(NOTE_TWO);
    expect(await pages.nth(1).locator('[data-testid="briefing-note"] b').count()).toBe(0);
    expect(await pages.nth(1).locator('header').textContent()).toContain('Window: 7 d');
    const key = formatFingerprint(bundle.fingerprint.slice(0, 16));
    for (const index of [0, 1]) {
      const footer = await pages.nth(index).locator('footer').textContent();
      expect(footer).toContain(`Prepared by Duty officer Chan (${key}) · printed`);
      expect(footer).toContain(`Page ${index + 1} of 2`);
      expect(Number(await pages.nth(index).locator('[data-testid="briefing-hotspots"]').getAttribute('data-count'))).toBeGreaterThan(0);
    }
    const sources = await pages.locator('img').evaluateAll((images: HTMLImageElement[]) => images.map((img) => img.src.length));
    expect(new Set(sources).size).toBe(2);

    // Closing the preview leaves the briefing where it was: the same step, the same view.
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="briefing-print"][data-status="idle"]', { state: 'attached' });
    await page.waitForSelector('[data-testid="briefing-bar"][data-step="0"][data-printing="false"]');
    expect(page.url()).toBe(before);
    expect(blockedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
}

describe('the print-ready briefing', () => {
  it('prints two views as A4 landscape pages in the dark theme', () => printAndLook('dark'), TEST_TIMEOUT_MS);
  it('prints two views as A4 landscape pages in the light theme', () => printAndLook('light'), TEST_TIMEOUT_MS);
  it('prints every view of a bundle opened as a briefing, from the briefing bar', () => printBundleViews(), TEST_TIMEOUT_MS);
});
