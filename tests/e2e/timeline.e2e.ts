import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, SCREENSHOT_DIR, waitForBoardAnswered, type BoardPage } from './support/openBoard.ts';
import { LAPTOP_SCREEN, SCREEN_LOOKS, switchLook } from './support/screenLooks.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { visitBoard } from './support/visitBoard.ts';

const DAY_MS = 86_400_000;
const LAPTOP = { width: 1366, height: 768 };
/**
 * The interaction tests show only the hotspot layer: they drive the timeline, and a busy machine
 * rendering every layer in software WebGL delays each pointer event by a frame of it.
 */
const BOARD = 'v=1&lang=en&theme=dark&layers=hotspots';
/** How long a poll waits for the page on a loaded machine. */
const PATIENT = { timeout: 60_000, interval: 100 };

let browser: Browser;
let site: StaticSite;
/** The one board page every test loads its own URL in (none needs a store of its own; support/visitBoard). */
let shared: BoardPage;

/** Loads `url` in the shared page. */
function open(url: string, viewport = LAPTOP): Promise<BoardPage> {
  return visitBoard(shared, url, viewport);
}

beforeAll(async () => {
  site = await serveStatic(appDist(), '/ops/tidegate/');
  browser = await launchChromium();
  // Software WebGL on two busy cores can need more than 30 s to load or screenshot.
  shared = await openBoard(browser, 'about:blank', LAPTOP, 150_000);
});

afterAll(async () => {
  await shared?.context.close();
  await browser?.close();
  await site?.close();
});

/** Waits for the board's first answer and a timeline with bins. */
async function waitForBoard(page: Page): Promise<void> {
  await page.waitForSelector('.board[data-status="ready"]:not([data-answer="none"])', { timeout: 120_000 });
  await page.waitForSelector('[data-testid="timeline"]:not([data-bins="0"])', { timeout: 60_000 });
}

/** Waits until no query is on its way (the shown answer is the latest). */
async function waitIdle(page: Page): Promise<void> {
  await page.waitForSelector('.board[data-busy="false"]', { timeout: 60_000 });
}

interface TimelineState {
  at: number;
  windowMs: number;
  following: boolean;
  playing: boolean;
  steps: number;
  spanStart: number;
  binMs: number;
  bins: number;
}

async function timelineState(page: Page): Promise<TimelineState> {
  return page.$eval('[data-testid="timeline"]', (el) => {
    const data = (el as HTMLElement).dataset;
    return {
      at: Number(data.at),
      windowMs: Number(data.windowMs),
      following: data.following === 'true',
      playing: data.playing === 'true',
      steps: Number(data.steps),
      spanStart: Number(data.spanStart),
      binMs: Number(data.binMs),
      bins: Number(data.bins),
    };
  });
}

/** T and the window as the address bar has them (null: not written, i.e. the defaults). */
function urlModel(page: Page): { at: number | null; win: string | null } {
  const params = new URL(page.url()).searchParams;
  const at = params.get('at');
  return { at: at === null ? null : Date.parse(at), win: params.get('win') };
}

async function rankedCells(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="hotspot-item"]', (items) => items.map((item) => item.getAttribute('data-cell') ?? ''));
}

async function box(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await page.locator(selector).boundingBox();
  if (found === null) throw new Error(`${selector} is not on screen`);
  return found;
}

/** Counts the answers the board shows from now on (each changes `.board[data-answer]`). */
async function countAnswers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const board = document.querySelector('.board')!;
    const counter = window as unknown as { __answers: number };
    counter.__answers = 0;
    new MutationObserver(() => counter.__answers++).observe(board, { attributes: true, attributeFilter: ['data-answer'] });
  });
}

const answersCounted = (page: Page) => page.evaluate(() => (window as unknown as { __answers: number }).__answers);

/** Drags with the mouse from (x, y) by dx in `steps` moves. */
async function drag(page: Page, x: number, y: number, dx: number, steps = 12): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= steps; k++) await page.mouse.move(x + (dx * k) / steps, y);
  await page.mouse.up();
}

/** Presses Tab until the element with `testId` has the focus (at most `limit` times). */
async function tabTo(page: Page, testId: string, limit = 150): Promise<void> {
  for (let k = 0; k < limit; k++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

describe('the timeline', () => {
  it('moves the window by dragging the brush (URL, T and hotspots follow); resizes it by its left edge; Back undoes each drag', async () => {
    const { page, pageErrors } = await open(`${site.appUrl}?${BOARD}`);
    await waitForBoard(page);
    await waitIdle(page);
    const firstUrl = page.url();
    const first = await timelineState(page);
    const cellsBefore = await rankedCells(page);
    expect(first.following).toBe(true);
    expect(urlModel(page).at).toBeNull();

    const chart = await box(page, '[data-testid="timeline-chart"]');
    const brush = await box(page, '[data-testid="timeline-brush"]');
    await drag(page, brush.x + brush.width / 2, brush.y + brush.height * 0.7, -chart.width * 0.25);
    await expect.poll(() => urlModel(page).at, PATIENT).not.toBeNull();
    const moved = await timelineState(page);
    expect(moved.following).toBe(false);
    expect(moved.windowMs).toBe(first.windowMs);
    expect(first.at - moved.at).toBeGreaterThan(10 * DAY_MS);
    expect((moved.at - moved.spanStart) % moved.binMs).toBe(0);
    expect(urlModel(page).at).toBe(moved.at);
    await waitIdle(page);
    await expect.poll(() => rankedCells(page), PATIENT).not.toEqual(cellsBefore);
    const movedUrl = page.url();

    // The left edge: a shorter window, T where it was.
    const start = await box(page, '[data-testid="timeline-brush-start"]');
    await drag(page, start.x + start.width / 2, start.y + start.height * 0.6, chart.width * 0.1);
    await expect.poll(() => urlModel(page).win, PATIENT).not.toBeNull();
    const resized = await timelineState(page);
    expect(resized.at).toBe(moved.at);
    expect(resized.windowMs).toBeLessThan(moved.windowMs);
    expect(resized.windowMs % resized.binMs).toBe(0);
    expect(Number(urlModel(page).win) * DAY_MS).toBe(resized.windowMs);

    // Each drag was one history entry.
    await page.goBack();
    await expect.poll(() => page.url(), PATIENT).toBe(movedUrl);
    await expect.poll(async () => (await timelineState(page)).windowMs, PATIENT).toBe(first.windowMs);
    await page.goBack();
    await expect.poll(() => page.url(), PATIENT).toBe(firstUrl);
    await expect.poll(async () => (await timelineState(page)).following, PATIENT).toBe(true);
    await waitIdle(page);
    await expect.poll(() => rankedCells(page), PATIENT).toEqual(cellsBefore);
    expect(pageErrors).toEqual([]);
  });

  it('moves T by dragging its handle, and a click on a bin sets T to the end of that bin', async () => {
    const { page, pageErrors } = await open(`${site.appUrl}?${BOARD}`);
    await waitForBoard(page);
    const first = await timelineState(page);
    const chart = await box(page, '[data-testid="timeline-chart"]');
    const grip = await box(page, '[data-testid="timeline-handle"] .grip');
    await drag(page, grip.x + grip.width / 2, grip.y + grip.height / 2, -chart.width * 0.15);
    await expect.poll(() => urlModel(page).at, PATIENT).not.toBeNull();
    const dragged = await timelineState(page);
    expect(dragged.windowMs).toBe(first.windowMs);
    expect(first.at - dragged.at).toBeGreaterThan(5 * DAY_MS);
    expect(urlModel(page).at).toBe(dragged.at);

    // Bin 3 lies left of the window: clicking it moves T to its end.
    const bin = 3;
    await page.mouse.click(chart.x + ((bin + 0.5) * chart.width) / first.bins, chart.y + chart.height * 0.8);
    const expected = first.spanStart + (bin + 1) * first.binMs;
    await expect.poll(async () => (await timelineState(page)).at, PATIENT).toBe(expected);
    expect(urlModel(page).at).toBe(expected);
    expect(await page.getAttribute('[data-testid="timeline-readout"]', 'data-bin')).toBe(String(bin));
    // Now: follow the present again.
    await page.click('[data-testid="timeline-now"]');
    await expect.poll(() => urlModel(page).at, PATIENT).toBeNull();
    expect((await timelineState(page)).following).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('works by keyboard alone: Tab to the sliders, arrows move T by a bin, Shift by a week, Page Up lengthens the window, Space plays', async () => {
    const { page, pageErrors } = await open(`${site.appUrl}?${BOARD}`);
    await waitForBoard(page);
    await tabTo(page, 'timeline-brush');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('timeline-handle');
    expect(await page.getAttribute('[data-testid="timeline-handle"]', 'aria-valuetext')).toContain('UTC+8');

    const first = await timelineState(page);
    const boundaryBefore = first.spanStart + Math.ceil((first.at - first.spanStart) / first.binMs - 1) * first.binMs;
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => urlModel(page).at, PATIENT).toBe(boundaryBefore);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => urlModel(page).at, PATIENT).toBe(boundaryBefore - 2 * first.binMs);
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => urlModel(page).at, PATIENT).toBe(boundaryBefore - 2 * first.binMs - 7 * DAY_MS);
    expect((await timelineState(page)).at).toBe(urlModel(page).at);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => urlModel(page).at, PATIENT).toBe(boundaryBefore - first.binMs - 7 * DAY_MS);

    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('timeline-brush');
    await page.keyboard.press('PageUp');
    await expect.poll(() => urlModel(page).win, PATIENT).toBe(String(first.windowMs / DAY_MS + 1));
    expect(await page.getAttribute('[data-testid="timeline-brush"]', 'aria-valuetext')).toContain(`${first.windowMs / DAY_MS + 1} days`);

    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="timeline"][data-playing="true"]');
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="timeline"][data-playing="false"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('timeline-brush');
    expect(pageErrors).toEqual([]);
  });

  it('plays: step answers arrive and the hotspots follow; pause asks one full answer; a model change stops playback', async () => {
    const { page, pageErrors } = await open(`${site.appUrl}?${BOARD}&win=14`);
    await waitForBoard(page);
    await waitIdle(page);
    // Start a week into the data so that the window holds events from the first step on.
    const { spanStart, binMs } = await timelineState(page);
    const chart = await box(page, '[data-testid="timeline-chart"]');
    const bins = (await timelineState(page)).bins;
    await page.mouse.click(chart.x + ((21 + 0.5) * chart.width) / bins, chart.y + chart.height * 0.8);
    await expect.poll(async () => (await timelineState(page)).at, PATIENT).toBe(spanStart + 22 * binMs);
    await waitIdle(page);
    const cellsBefore = await rankedCells(page);

    await page.selectOption('[data-testid="timeline-speed"]', String(7 * DAY_MS));
    await page.click('[data-testid="timeline-play"]');
    await page.waitForSelector('[data-testid="timeline"][data-playing="true"]');
    const startedAt = Date.now();
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="timeline"]')?.dataset.steps) >= 20, null, { timeout: 90_000 });
    const elapsedS = (Date.now() - startedAt) / 1000;
    const { steps } = await timelineState(page);
    console.log(`[timeline] playback, demo data (${bins} day bins, 1366×768): ${steps} steps in ${elapsedS.toFixed(2)} s = ${(steps / elapsedS).toFixed(1)} steps/s`);
    await expect.poll(() => rankedCells(page), PATIENT).not.toEqual(cellsBefore);
    await page.click('[data-testid="timeline-play"]');
    await page.waitForSelector('[data-testid="timeline"][data-playing="false"]');
    const stoppedAt = (await timelineState(page)).at;
    // Playback loops at the end of the data: on a slow runner T may have gone round already.
    expect(stoppedAt).not.toBe(spanStart + 22 * binMs);
    await expect.poll(() => urlModel(page).at, PATIENT).toBe(stoppedAt);
    await waitIdle(page);

    // Playing again, then a model change (reset to the defaults: a 30-day window) stops it.
    await page.click('[data-testid="timeline-play"]');
    await page.waitForSelector('[data-testid="timeline"][data-playing="true"]');
    await page.click('[data-testid="tool-model"]');
    await page.click('[data-testid="model-reset"]');
    await page.waitForSelector('[data-testid="timeline"][data-playing="false"]');
    await expect.poll(() => urlModel(page).win, PATIENT).toBeNull();
    expect(pageErrors).toEqual([]);
  });

  it('answers a brush dragged back and forth for two seconds (measured), keeping the alerts on screen while it moves', async () => {
    const { page, pageErrors } = await open(`${site.appUrl}?${BOARD}`);
    await waitForBoard(page);
    await waitIdle(page);
    // The answers asked while dragging leave out alerts and places; the board keeps the last ones.
    const alertsBefore = Number(await page.getAttribute('[data-testid="alert-list"]', 'data-count'));
    expect(alertsBefore).toBeGreaterThan(0);
    const answerBefore = await page.getAttribute('.board', 'data-answer');
    const chart = await box(page, '[data-testid="timeline-chart"]');
    const brush = await box(page, '[data-testid="timeline-brush"]');
    await countAnswers(page);
    const x = brush.x + brush.width / 2;
    const y = brush.y + brush.height * 0.7;
    await page.mouse.move(x, y);
    await page.mouse.down();
    const startedAt = Date.now();
    let k = 0;
    while (Date.now() - startedAt < 2000 || k < 30) {
      k++;
      // A triangle wave over a quarter of the chart: about one bin every few moves.
      const phase = (k % 80) / 40;
      await page.mouse.move(x - chart.width * 0.25 * (phase <= 1 ? phase : 2 - phase), y);
    }
    const elapsedS = (Date.now() - startedAt) / 1000;
    const answers = await answersCounted(page);
    expect(await page.getAttribute('.board', 'data-answer')).not.toBe(answerBefore);
    expect(Number(await page.getAttribute('[data-testid="alert-list"]', 'data-count'))).toBe(alertsBefore);
    await page.mouse.up();
    console.log(`[timeline] brush, demo data (1366×768): ${answers} answers in ${elapsedS.toFixed(2)} s = ${(answers / elapsedS).toFixed(1)} updates/s over ${k} pointer moves`);
    expect(answers).toBeGreaterThan(0);
    await waitIdle(page);
    expect(pageErrors).toEqual([]);
  });

  // Each size in both themes and both languages (support/screenLooks), the second look switched with
  // the header's controls (no second page load); axe once per theme, on the laptop.
  for (const { size, looks } of SCREEN_LOOKS) {
    const axe = size === LAPTOP_SCREEN;
    it(`fits ${size.width}×${size.height} in ${looks.map((look) => `${look.theme} ${look.locale}`).join(' and ')} (screenshots)${axe ? ', with no serious or critical accessibility problems' : ''}`, async () => {
      const { page, pageErrors } = await open(`${site.appUrl}?v=1&lang=${looks[0].locale}&theme=${looks[0].theme}&win=14`, size);
      await waitForBoard(page);
      for (const look of looks) {
        const { theme, locale } = look;
        if (look !== looks[0]) await switchLook(page, look);
        // The map drawn in this theme and language, so that the screenshot shows one look.
        await waitForBoardAnswered(page);
        await waitIdle(page);
        const timeline = await box(page, '[data-testid="timeline"]');
        expect(timeline.height).toBeLessThanOrEqual(size.height * 0.15);
        const chart = await box(page, '[data-testid="timeline-chart"]');
        await page.mouse.move(chart.x + chart.width * 0.3, chart.y + chart.height * 0.8);
        await page.waitForSelector('[data-testid="timeline-readout"]');
        const name = `timeline-${size.width}-${theme}-${locale}`;
        await saveScreenshot(page, name);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-strip.png`, clip: timeline });
        if (axe) {
          // With the pointer on the chart, so that its readout is checked too.
          const results = await new AxeBuilder({ page: page as never }).include('[data-testid="timeline"]').analyze();
          const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
          expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), theme).toEqual([]);
        }
      }
      expect(pageErrors).toEqual([]);
    }, 420_000);
  }
});
