import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, SCREENSHOT_DIR } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { fixtureDir } from './support/writeFeedFixtures.ts';
import { wallPlaylistLink, wallTestViews, writeWallFeed } from './support/wallFeed.ts';

/**
 * Wall mode (issue 14), at a test time scale of 12 (`wallTest=12`): a 60 s view lasts 5 s, a 45 s
 * alert hold 3.75 s, a one-minute feed poll 5 s, and a feed unchanged for one minute is stale
 * after 5 s. Every wait is on the wall's data-* attributes.
 */
const SCALE = 12;
let browser: Browser;
let site: StaticSite;
let feedPath: string;
let playlistValue: string;
/** The same views with a 50 s dwell and hold here: a 4K frame on a loaded software GPU can take longer than a 5 s view lasts, and 100 context losses are timed on a still wall. */
let slowPlaylistValue: string;

beforeAll(async () => {
  feedPath = join(fixtureDir(), 'wall-feed.csv');
  writeWallFeed(feedPath, Date.now(), 0);
  site = await serveStatic(appDist(), '/wall/', { '/feeds/wall.csv': feedPath });
  browser = await launchChromium();
  playlistValue = (await wallPlaylistLink(wallTestViews(), { cycleSeconds: 60, alertHoldSeconds: 45, staleAfterMinutes: 1 })).value;
  slowPlaylistValue = (await wallPlaylistLink(wallTestViews(), { cycleSeconds: 600, alertHoldSeconds: 600, staleAfterMinutes: 1 })).value;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const wallUrl = (playlist = playlistValue) => `${site.appUrl}?mode=wall&lang=en&wallTest=${SCALE}&playlist=${playlist}`;

async function attr(page: Page, name: string): Promise<string> {
  return (await page.getAttribute('[data-testid="wall"]', name)) ?? '';
}

/** Reads the first element matching `selector` once `pattern` matches its text (one look: the element may go away right after). */
async function textOnceMatching(page: Page, selector: string, pattern: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    ([wanted, source]) => {
      const text = document.querySelector(wanted)?.textContent ?? '';
      return new RegExp(source).test(text) ? text : false;
    },
    [selector, pattern.source] as const,
  );
  return (await handle.jsonValue()) as string;
}

/**
 * Nothing in the status strip is cut off or runs out of the screen: no element wider than its box,
 * no ellipsis, the strip inside the viewport and leaving most of the height to the map.
 */
async function stripProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const strip = document.querySelector('footer.strip')!;
    for (const element of [strip, ...strip.querySelectorAll('*')]) {
      const style = getComputedStyle(element);
      if (style.textOverflow === 'ellipsis') problems.push(`ellipsis: ${element.textContent}`);
      if (style.display !== 'inline' && element.scrollWidth > element.clientWidth + 1) problems.push(`wider than its box: ${element.textContent}`);
    }
    const box = strip.getBoundingClientRect();
    if (box.bottom > window.innerHeight + 1 || box.right > window.innerWidth + 1) problems.push('strip runs off the screen');
    if (box.height > window.innerHeight * 0.35) problems.push(`strip takes ${Math.round(box.height)} of ${window.innerHeight} px`);
    return problems;
  });
}

/** Registers the wall test feed through the test hook and waits until its data is on the wall. */
async function addWallFeed(page: Page): Promise<void> {
  await page.evaluate((url) => (window as unknown as { __tidegateWall: { addFeed(url: string, name: string, minutes: number): Promise<void> } }).__tidegateWall.addFeed(url, 'Wall test feed', 1), `${site.origin}/feeds/wall.csv`);
  await page.waitForSelector('[data-testid="wall"][data-demo="false"]', { timeout: 120_000 });
}

/** Waits until the wall's answer is drawn and the map is idle. */
async function waitForWallDrawn(page: Page, timeout = 240_000): Promise<void> {
  await page.waitForSelector('[data-testid="wall"][data-status="ready"]:not([data-answer="none"]) [data-map-state="ready"]', { timeout });
}

describe('wall mode', () => {
  it('opens straight into the cycle; new feed data raises an alert that interrupts, then the cycle resumes; a stale feed and a killed worker are handled', async () => {
    const { context, page, blockedRequests, pageErrors } = await openBoard(browser, wallUrl(), { width: 1600, height: 1000 }, 240_000);
    try {
      await waitForWallDrawn(page);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'wall-1600x1000.png') });
      expect(await attr(page, 'data-items')).toBe('2');
      expect(await attr(page, 'data-time-scale')).toBe(String(SCALE));
      // Straight into the cycle: the second view comes on by itself, then the first again (state and
      // name read together: the cycle moves on every 5 s).
      await page.waitForSelector('[data-testid="wall"][data-shown="item:1"]');
      await page.waitForFunction(() => {
        const wall = document.querySelector('[data-testid="wall"]')!;
        return wall.getAttribute('data-shown') === 'item:0' && /View 1 of 2/.test(wall.querySelector('[data-testid="wall-view-name"]')?.textContent ?? '');
      });
      // No pointer, no controls on a wall.
      expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(0);
      expect(await page.$eval('[data-testid="wall"]', (element) => getComputedStyle(element).cursor)).toBe('none');

      // A feed (registered through the test hook; on a real wall, on the board) is polled on the wall's clock.
      await addWallFeed(page);
      // Fresh, or already stale when the machine is slow: its unchanged minute is only 5 s here.
      await page.waitForSelector('[data-testid="wall-feed"]:is([data-health="ok"], [data-health="stale"])');
      expect(await page.textContent('[data-testid="wall-feed"]')).toMatch(/last import: 113 new/);
      // Both views answered on the feed's data (their alert baseline) before the burst arrives.
      const answeredBefore = Number(await attr(page, 'data-answer'));
      await page.waitForFunction((before) => Number(document.querySelector('[data-testid="wall"]')!.getAttribute('data-answer')) > before + 2, answeredBefore, { timeout: 120_000 });
      expect(await attr(page, 'data-interruptions')).toBe('0');

      // New data: a burst at Hengqin Port. The next poll imports it in place; its alert takes the wall.
      writeWallFeed(feedPath, Date.now(), 1, 1);
      await page.waitForSelector('[data-testid="wall"][data-shown^="alert:"]', { timeout: 120_000 });
      // The banner holds 3.75 s here: its text is read the moment it says so.
      expect(await textOnceMatching(page, '[data-testid="wall-alert"]', /NEW ALERT.*30 events in 24 h/)).toMatch(/Hengqin/);
      expect(Number(await attr(page, 'data-interruptions'))).toBeGreaterThanOrEqual(1);
      // ...and gives it back to the cycle.
      await page.waitForSelector('[data-testid="wall"][data-shown^="item:"]', { timeout: 120_000 });
      await page.waitForSelector('[data-testid="wall-alert"]', { state: 'detached' });

      // The feed stops changing: flagged stale on the strip once its minute (5 s here) has passed.
      await page.waitForSelector('[data-testid="wall-feed"][data-health="stale"]', { timeout: 120_000 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'wall-stale-1600x1000.png') });
      expect(await page.textContent('[data-testid="wall-feed"]')).toMatch(/STALE.*no change for/);
      expect(await page.getAttribute('[data-testid="wall-feeds"]', 'data-stale')).toBe('1');

      // A crashed board worker: found by the watchdog, restarted, the data loaded again, questions answered.
      const answerBefore = Number(await attr(page, 'data-answer'));
      await page.evaluate(() => (window as unknown as { __tidegateWall: { crashWorker(): void } }).__tidegateWall.crashWorker());
      await page.waitForSelector('[data-testid="wall"][data-worker="ok"][data-worker-restarts="1"]', { timeout: 120_000 });
      // A recovered fault stays on the strip for 75 s here: looked for at once, before the answers.
      await page.waitForSelector('[data-testid="wall-fault"][data-kind="worker"][data-state="recovered"]');
      await page.waitForFunction((before) => Number(document.querySelector('[data-testid="wall"]')!.getAttribute('data-answer')) > before + 1, answerBefore, { timeout: 120_000 });
      await page.waitForSelector('[data-testid="wall"][data-demo="false"]');

      // The wall kept its views under its own key: the board's saved view (none in this fresh browser) is untouched.
      const stored = await page.evaluate(() => ({ board: localStorage.getItem('tidegate.view'), wall: localStorage.getItem('tidegate.wall.view') }));
      expect(stored.board).toBeNull();
      expect(JSON.parse(stored.wall ?? 'null')).toMatchObject({ mode: 'wall' });

      expect(blockedRequests).toEqual([]);
      expect(pageErrors.filter((text) => !/status of 404/.test(text))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 900_000);

  it('survives 100 forced WebGL context losses (basemap back within 5 s each time, then the overlay)', async () => {
    // Views held for 50 s here: a glide every 5 s would keep two software-rendered canvases busy
    // between the losses and time the runner's load more than the recovery (the losses still
    // meet a glide now and then).
    const { context, page } = await openBoard(browser, wallUrl(slowPlaylistValue), { width: 1600, height: 1000 }, 240_000);
    try {
      await waitForWallDrawn(page);
      const basemapMs: number[] = [];
      const recoveryMs: number[] = [];
      // The page's JS heap after a forced collection: every rebuilt overlay must let its dropped
      // deck (shaders, buffers, icon atlases) go, or the heap grows by the deck's size per loss.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const heapAfterGc = async (): Promise<number> => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
      };
      let heapAtRound10 = Number.NaN;
      for (let round = 1; round <= 100; round++) {
        await page.evaluate(() => {
          const hooks = (window as unknown as { __tidegateWall: { canvases(): HTMLCanvasElement[] } }).__tidegateWall;
          for (const canvas of hooks.canvases()) {
            const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
            const lose = gl?.getExtension('WEBGL_lose_context');
            if (!lose) continue;
            // Given back as a driver would, once the loss has been reported.
            canvas.addEventListener('webglcontextlost', () => setTimeout(() => lose.restoreContext(), 0), { once: true });
            lose.loseContext();
          }
        });
        // One loss per round (an extra one, e.g. the browser dropping the oldest of too many
        // contexts, would show as a count that never matches), recovered; times on the page's clock.
        await page.waitForSelector(`[data-testid="wall"][data-context-losses="${round}"][data-context-recoveries="${round}"][data-graphics="ok"]`, { timeout: 60_000 });
        basemapMs.push(Number(await attr(page, 'data-last-basemap-recovery-ms')));
        recoveryMs.push(Number(await attr(page, 'data-last-recovery-ms')));
        if (round === 10) heapAtRound10 = await heapAfterGc();
        if (round % 10 === 0) console.log(`context losses: ${round} recovered; basemap back in ${basemapMs.slice(-10).join(', ')} ms; basemap and overlay in ${recoveryMs.slice(-10).join(', ')} ms`);
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      console.log(`context losses: 100 recovered; basemap back: median ${median(basemapMs)} ms, slowest ${Math.max(...basemapMs)} ms; basemap and overlay: median ${median(recoveryMs)} ms, slowest ${Math.max(...recoveryMs)} ms`);
      expect(basemapMs.every((ms) => ms > 0 && ms <= 5000)).toBe(true);
      expect(Number(await attr(page, 'data-slowest-basemap-recovery-ms'))).toBe(Math.max(...basemapMs));
      await page.waitForSelector('[data-testid="wall-fault"][data-kind="graphics"][data-state="recovered"]');
      await waitForWallDrawn(page);
      // Still one map canvas and one overlay canvas, one overlay element, and no heap grown by the
      // 90 losses since round 10 beyond half again (measured: 15.0 → 17.3 MB; a dropped deck kept
      // per loss, ~0.5 MB of JS heap each, would add ~45 MB).
      expect(await page.locator('[data-testid="map"] canvas').count()).toBe(2);
      expect(await page.locator('[data-testid="map"] .deck-widget-container').count()).toBe(1);
      const heapEnd = await heapAfterGc();
      console.log(`page heap after GC: ${(heapAtRound10 / 1_048_576).toFixed(1)} MB after 10 losses, ${(heapEnd / 1_048_576).toFixed(1)} MB after 100`);
      expect(heapEnd).toBeLessThan(heapAtRound10 * 1.5);
    } finally {
      await context.close();
    }
  }, 1_800_000);

  it('reads from across a room at 3840×2160, with no serious accessibility violation', async () => {
    const { context, page } = await openBoard(browser, wallUrl(slowPlaylistValue), { width: 3840, height: 2160 }, 300_000);
    try {
      await waitForWallDrawn(page, 300_000);
      const rootPx = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
      expect(rootPx).toBeGreaterThanOrEqual(36);
      // A feed and its alerts on the strip, as a wall shows them.
      await addWallFeed(page);
      await page.waitForSelector('[data-testid="wall-feed"]');
      await waitForWallDrawn(page, 300_000);
      expect(await stripProblems(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'wall-3840x2160.png') });
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
      // The same wall on a 1920×1080 screen: the root font follows (19.2 px), nothing cut.
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.waitForFunction(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize) < 20);
      await waitForWallDrawn(page, 300_000);
      expect(await stripProblems(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'wall-1920x1080.png') });
    } finally {
      await context.close();
    }
  }, 900_000);
});
