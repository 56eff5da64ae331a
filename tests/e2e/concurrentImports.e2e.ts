import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoFeedCsv } from '../../src/demo/demoFeedCsv.ts';
import { demoEventBatches } from '../../src/demo/generateDemoEvents.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../../src/geo/referenceGeography.ts';
import { holdStoreTables, openStorePage } from './support/holdStoreTables.ts';
import { launchChromium } from './support/launchChromium.ts';
import { lineStartOffset, serveStalledFeed } from './support/serveStalledFeed.ts';
import { waitForBoardReady } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { countStored, importTurns, storedRecords } from './support/storeProbes.ts';
import { FIXTURE_NOW, fixtureDir } from './support/writeFeedFixtures.ts';

const ROWS = 30_000;
/** Each test opens three pages of the board; on a busy machine that alone takes minutes. */
const TEST_TIMEOUT_MS = 420_000;

let browser: Browser;
let site: StaticSite;
let dir: string;
let north: string;
let south: string;
let east: string;

/**
 * A demo feed of `rows` rows whose ids end in `-tag`: demo ids restart at 1 per source in every
 * generated feed, so two untagged feeds would share most of their keys.
 */
async function writeTaggedDemoCsv(name: string, rows: number, seed: number, tag: string): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  const batches = demoEventBatches({ seed, count: rows, now: FIXTURE_NOW, sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS }, 10_000);
  const tagged = (function* () {
    for (const batch of batches) yield batch.map((record) => ({ ...record, id: `${record.id}-${tag}` }));
  })();
  for (const text of demoFeedCsv(tagged, { rowsPerChunk: 5_000 })) {
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return path;
}

beforeAll(async () => {
  site = await serveStatic(appDist(), '/ops/tidegate/');
  browser = await launchChromium();
  dir = fixtureDir();
  north = await writeTaggedDemoCsv('north.csv', ROWS, 3, 'N');
  south = await writeTaggedDemoCsv('south.csv', ROWS, 4, 'S');
  east = await writeTaggedDemoCsv('east.csv', 60_000, 5, 'E');
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Two board tabs of one browser (same origin, same database) and a page to hold and probe the store from. */
interface Tabs {
  context: BrowserContext;
  first: Page;
  second: Page;
  store: Page;
}

async function openTabs(): Promise<Tabs> {
  const url = `${site.appUrl}?lang=en&panel=data`;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  // Three pages of the board may load slowly on a busy machine; each test waits on page state anyway.
  context.setDefaultNavigationTimeout(120_000);
  // Actions too: a tab's main thread can wait tens of seconds on a software-rendered frame when the
  // machine is loaded, and setting a file needs that thread.
  context.setDefaultTimeout(120_000);
  const first = await context.newPage();
  await first.goto(url);
  await waitForBoardReady(first);
  const second = await context.newPage();
  await second.goto(url);
  // A background tab may not paint, so wait for its data rather than its map.
  await second.waitForSelector('.board[data-status="ready"]', { timeout: 120_000 });
  const store = await openStorePage(context, site.appUrl);
  return { context, first, second, store };
}

const phaseOf = (page: Page) => page.getAttribute('[data-testid="import-progress"]', 'data-import-phase');
const storedText = (page: Page) => page.textContent('[data-testid="storage-info"]');
const latestCounts = (page: Page) => page.locator('[data-testid="import-counts"]').first().textContent();

/** Waits for this many import outcomes (reports or errors) in the tab. */
async function outcomes(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-outcome"]').length >= n, count, { timeout: 120_000 });
}

/**
 * Starts `file` in the first tab and holds it at a known point while it has the store's import
 * turn: with the `chunks` table held by another page, it stops at its first read of the stored
 * keys, showing `reading`. Then starts `otherFile` in the second tab, which must wait.
 */
async function startBothHoldingTheFirst(tabs: Tabs, file: string, otherFile: string) {
  const hold = await holdStoreTables(tabs.store, ['chunks']);
  await tabs.first.setInputFiles('[data-testid="import-file-input"]', [file]);
  await tabs.first.waitForSelector('[data-import-phase="reading"]');
  await expect.poll(() => importTurns(tabs.store)).toMatchObject({ held: 1, waiting: 0 });
  await tabs.second.setInputFiles('[data-testid="import-file-input"]', [otherFile]);
  await tabs.second.waitForSelector('[data-import-phase="waiting"]');
  return hold;
}

describe('imports from several tabs at once', () => {
  it.each([
    { files: 'different files', other: () => south, stored: 2 * ROWS, secondCounts: `${ROWS} new · 0 updated · 0 unchanged` },
    { files: 'the same file', other: () => north, stored: ROWS, secondCounts: `0 new · 0 updated · ${ROWS} unchanged` },
  ])('two tabs importing $files at once store each record once; the second waits meanwhile, saying so', async ({ other, stored, secondCounts }) => {
    const tabs = await openTabs();
    try {
      const hold = await startBothHoldingTheFirst(tabs, north, other());
      expect(await tabs.second.textContent('[data-testid="import-status"]')).toContain('Waiting for another tab’s import to finish');
      expect(await importTurns(tabs.store)).toMatchObject({ held: 1, waiting: 1 });
      expect(await phaseOf(tabs.first)).toBe('reading');
      await hold.release();

      await Promise.all([outcomes(tabs.first, 1), outcomes(tabs.second, 1)]);
      expect(await latestCounts(tabs.first)).toContain(`${ROWS} new · 0 updated · 0 unchanged · 0 stale · 0 rejected`);
      expect(await latestCounts(tabs.second)).toContain(secondCounts);
      const expected = `${stored.toLocaleString('en')} events stored`;
      await expect.poll(() => storedText(tabs.first), { timeout: 60_000 }).toContain(expected);
      await expect.poll(() => storedText(tabs.second), { timeout: 60_000 }).toContain(expected);
      expect(await storedRecords(tabs.store)).toMatchObject({ chunks: stored / ROWS, masks: stored / ROWS, imports: { published: 2 } });
    } finally {
      await tabs.context.close();
    }
  }, TEST_TIMEOUT_MS);

  it('cancelling an import while it waits writes nothing and gives up its place in the queue', async () => {
    const tabs = await openTabs();
    try {
      const hold = await startBothHoldingTheFirst(tabs, north, south);
      await tabs.second.bringToFront();
      await tabs.second.click('[data-testid="import-cancel"]');
      await tabs.second.waitForSelector('[data-testid="import-error"]');
      expect(await tabs.second.textContent('[data-testid="import-error"]')).toMatch(/south\.csv.*cancel/i);
      expect(await importTurns(tabs.store)).toMatchObject({ held: 1, waiting: 0 });
      await hold.release();

      await outcomes(tabs.first, 1);
      await expect.poll(() => storedText(tabs.second), { timeout: 60_000 }).toContain(`${ROWS.toLocaleString('en')} events stored`);
      // The cancelled import never began: the next one of that tab runs at once and lands.
      await tabs.second.setInputFiles('[data-testid="import-file-input"]', [south]);
      await outcomes(tabs.second, 2);
      expect(await latestCounts(tabs.second)).toContain(`${ROWS} new`);
      const both = `${(2 * ROWS).toLocaleString('en')} events stored`;
      await expect.poll(() => storedText(tabs.second), { timeout: 60_000 }).toContain(both);
      await expect.poll(() => storedText(tabs.first), { timeout: 60_000 }).toContain(both);
      expect((await storedRecords(tabs.store)).imports).toEqual({ published: 2 });
    } finally {
      await tabs.context.close();
    }
  }, TEST_TIMEOUT_MS);

  it('a tab closed in the middle of its import hands the turn on, and the next import deletes what it staged', async () => {
    // The first tab's import is a feed whose download stalls after 55,000 rows: it keeps the turn,
    // with one 50,000-row chunk staged, until its tab goes away.
    const feed = await serveStalledFeed(east, lineStartOffset(east, 55_001));
    const tabs = await openTabs();
    try {
      await tabs.first.click('text=Feed URLs (0)');
      await tabs.first.fill('input[type="url"]', feed.url);
      await tabs.first.fill('.feed-form input[type="number"]', '1440');
      await tabs.first.click('text=Add and fetch');
      await expect.poll(() => countStored(tabs.store, 'chunks'), { timeout: 60_000 }).toBe(1);
      expect(await phaseOf(tabs.first)).toBe('reading');
      await tabs.second.setInputFiles('[data-testid="import-file-input"]', [south]);
      await tabs.second.waitForSelector('[data-import-phase="waiting"]');

      await tabs.first.close();
      await outcomes(tabs.second, 1);
      expect(await latestCounts(tabs.second)).toContain(`${ROWS} new`);
      await expect.poll(() => storedText(tabs.second), { timeout: 60_000 }).toContain(`${ROWS.toLocaleString('en')} events stored`);
      // The second tab cleaned up after the closed one before importing: its staged chunk is gone.
      expect(await storedRecords(tabs.store)).toEqual({ chunks: 1, masks: 1, imports: { published: 1, abandoned: 1 } });
    } finally {
      await tabs.context.close();
      await feed.close();
    }
  }, TEST_TIMEOUT_MS);
});
