import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatUtc8 } from '../../src/domain/formatUtc8.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard as openGuardedPage, SCREENSHOT_DIR, waitForBoardAnswered, waitForBoardSettled, type BoardPage } from './support/openBoard.ts';
import { SCREEN_LOOKS, switchLook } from './support/screenLooks.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { visitBoard } from './support/visitBoard.ts';
import { FIXTURE_NOW, fixtureDir } from './support/writeFeedFixtures.ts';

let browser: Browser;
let site: StaticSite;
/** The board page the tests that need no store or device settings of their own take turns in (support/visitBoard). */
let shared: BoardPage;

const ANSWER_TIMEOUT = 120_000;
/** openBoard's default viewport. */
const DESKTOP = { width: 1600, height: 1000 };
const LAPTOP = { width: 1366, height: 768 };

beforeAll(async () => {
  site = await serveStatic(appDist(), '/filters/');
  browser = await launchChromium();
  shared = await openBoard(browser, 'about:blank');
});

afterAll(async () => {
  await shared?.context.close();
  await browser?.close();
  await site?.close();
});

/**
 * The board in a fresh offline-guarded context (support/openBoard), with room for a loaded
 * machine: software WebGL shares two cores with other test runs, and a first load can take
 * longer than Playwright's 30 s default.
 */
async function openBoard(browser: Browser, url: string, viewport?: { width: number; height: number }): Promise<BoardPage> {
  const board = await openGuardedPage(browser, 'about:blank', viewport);
  board.context.setDefaultTimeout(ANSWER_TIMEOUT);
  await board.page.goto(url);
  return board;
}

/** Waits for a settled answer of the data worker, newer than `previous` when given. */
async function waitForAnswer(page: Page, previous: string | null = null): Promise<string> {
  await page.waitForFunction(
    (before) => {
      const board = document.querySelector('.board');
      const answer = board?.getAttribute('data-answer');
      return board?.getAttribute('data-status') === 'ready' && answer !== 'none' && answer !== before && board?.getAttribute('data-busy') === 'false';
    },
    previous,
    { timeout: ANSWER_TIMEOUT },
  );
  return (await page.getAttribute('.board', 'data-answer')) ?? 'none';
}

/** The ranked hotspots: cell and score, in order. */
async function ranked(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="hotspot-item"]', (items) => items.map((item) => `${item.getAttribute('data-cell')}:${item.getAttribute('data-score')}`));
}

/** The counts the panel shows for one filter group, by option value. */
async function groupCounts(page: Page, dimension: string): Promise<Map<string, number>> {
  const pairs = await page.$$eval(`[data-testid="filter-group-${dimension}"] li`, (items) =>
    items.map((item) => {
      const value = item.querySelector('input')?.getAttribute('value') ?? item.getAttribute('data-severity') ?? '';
      return [value, item.querySelector('[data-count]')?.getAttribute('data-count') ?? ''] as const;
    }),
  );
  return new Map(pairs.map(([value, count]) => [value, count === '' ? Number.NaN : Number(count)]));
}

/** Saves a screenshot for people to look at (a 4K frame in software WebGL on a busy machine may take a while). */
async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), timeout: ANSWER_TIMEOUT });
}

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/** Events in the window, as the key figures say. */
async function eventsInWindow(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid="key-figures"]', 'data-events'));
}

const query = (page: Page) => new URL(page.url()).searchParams;

/**
 * A fixed T (this hour, inside the demo data, which ends now): the demo board otherwise evaluates
 * at "now", and scores taken a few seconds apart differ in their last digits.
 */
function fixedAt(): string {
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  return `at=${encodeURIComponent(formatUtc8(hour).replace(' ', 'T') + '+08:00')}`;
}

/** Opens a tool panel from the rail and waits for it. */
async function openTool(page: Page, tool: 'filters' | 'model'): Promise<void> {
  await page.click(`[data-testid="tool-${tool}"]`);
  await page.waitForSelector(`[data-testid="${tool === 'filters' ? 'filter' : 'model'}-panel"]`);
}

/** Waits until every count of the filter panel is in (no "–"). */
async function waitForCounts(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const counts = [...document.querySelectorAll('[data-testid="filter-panel"] [data-count]')];
    return counts.length > 0 && counts.every((count) => count.getAttribute('data-count') !== '');
  });
}

const DIMENSIONS = ['categories', 'kinds', 'modes', 'sources', 'severity', 'reliability', 'credibility'];

describe('the filter panel', { timeout: 360_000 }, () => {
  it('counts every option under the other filters, filters the hotspots, clears, and Back undoes', async () => {
    const { page, pageErrors, blockedRequests } = await visitBoard(shared, `${site.appUrl}?v=1&lang=en&theme=dark&${fixedAt()}`, DESKTOP);
    await waitForAnswer(page);
    await openTool(page, 'filters');
    await waitForCounts(page);
    expect(await page.textContent('[data-testid="filter-summary"]')).toContain('All events (no filters)');

    // Without filters every dimension splits the window's events: each group's counts add up to them.
    const total = await eventsInWindow(page);
    expect(total).toBeGreaterThan(0);
    const before = new Map<string, Map<string, number>>();
    for (const dimension of DIMENSIONS) {
      const counts = await groupCounts(page, dimension);
      before.set(dimension, counts);
      expect(sum(counts), dimension).toBe(total);
    }
    const start = await ranked(page);
    expect(start.length).toBeGreaterThan(0);

    // Untick the busiest category.
    const categories = before.get('categories')!;
    const [busiest, busiestCount] = [...categories].sort((a, b) => b[1] - a[1])[0];
    let answer = await waitForBoardSettled(page, ANSWER_TIMEOUT);
    const builds = Number(await page.getAttribute('[data-testid="map"]', 'data-layer-builds'));
    await page.click(`[data-testid="filter-group-categories"] input[value="${busiest}"]`);
    answer = await waitForAnswer(page, answer);
    // The map builds its layers once, for the answer: the click alone (a new view) does not rebuild them.
    expect(await waitForBoardSettled(page, ANSWER_TIMEOUT)).toBe(answer);
    expect(Number(await page.getAttribute('[data-testid="map"]', 'data-layer-builds'))).toBe(builds + 1);
    await waitForCounts(page);
    expect(query(page).get('cat')?.split(',')).toHaveLength(10);
    expect(query(page).get('cat')?.split(',')).not.toContain(busiest);
    expect(await ranked(page)).not.toEqual(start);
    expect(await page.textContent('[data-testid="filter-summary"]')).toContain('10 of 11 categories');
    expect(await page.isChecked(`[data-testid="filter-group-categories"] input[value="${busiest}"]`)).toBe(false);
    // The categories are counted under the other filters (unchanged), every other dimension under the new one.
    expect(await groupCounts(page, 'categories')).toEqual(categories);
    expect(await eventsInWindow(page)).toBe(total - busiestCount);
    for (const dimension of DIMENSIONS.filter((d) => d !== 'categories')) expect(sum(await groupCounts(page, dimension)), dimension).toBe(total - busiestCount);

    // A second filter, then Back undoes it alone.
    await page.selectOption('[data-testid="severity-min"]', '3');
    answer = await waitForAnswer(page, answer);
    expect(query(page).get('sev')).toBe('3-5');
    expect(await page.textContent('[data-testid="filter-summary"]')).toContain('10 of 11 categories · severity ≥ 3');
    const twoFilters = await ranked(page);
    await page.goBack();
    answer = await waitForAnswer(page, answer);
    expect(query(page).get('sev')).toBeNull();
    expect(query(page).get('cat')).not.toBeNull();
    expect(await page.inputValue('[data-testid="severity-min"]')).toBe('1');

    // Clear all: the view of the start again; Back returns to the filters before it.
    await page.click('[data-testid="filters-clear"]');
    answer = await waitForAnswer(page, answer);
    expect(query(page).get('cat')).toBeNull();
    expect(await ranked(page)).toEqual(start);
    expect(await page.isChecked(`[data-testid="filter-group-categories"] input[value="${busiest}"]`)).toBe(true);
    expect(await page.isDisabled('[data-testid="filters-clear"]')).toBe(true);
    await page.goBack();
    answer = await waitForAnswer(page, answer);
    expect(query(page).get('cat')?.split(',')).not.toContain(busiest);
    // Forward again: the cleared view (Clear replaced the later history, as any new step does).
    await page.goForward();
    await waitForAnswer(page, answer);
    expect(query(page).get('cat')).toBeNull();
    expect(await ranked(page)).toEqual(start);
    expect(twoFilters).not.toEqual(start);

    // "only" keeps one option; "All" opens the group again.
    await page.click('[data-testid="filter-group-kinds"] li:has(input[value="clue"]) button');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('kind') === 'clue');
    await page.click('[data-testid="filter-all-kinds"]');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('kind'));

    // The area control: drawing shows the corner count and how to cancel.
    await page.click('[data-testid="area-draw"]');
    await page.waitForSelector('[data-testid="filter-group-area"][data-drawing="true"]');
    expect(await page.textContent('[data-testid="area-status"]')).toContain('Escape cancels');
    expect(await page.getAttribute('[data-testid="filter-group-area"]', 'data-corners')).toBe('0');
    await page.click('[data-testid="area-finish"]');
    await page.waitForSelector('[data-testid="filter-group-area"][data-drawing="false"]');
    expect(pageErrors).toEqual([]);
    expect(blockedRequests).toEqual([]);
  });

  it('is operable by keyboard alone, with visible focus on every control', async () => {
    const { page, pageErrors } = await visitBoard(shared, `${site.appUrl}?v=1&lang=en&theme=light`, LAPTOP);
    await waitForAnswer(page);
    await page.focus('[data-testid="tool-filters"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="filter-panel"]');
    await waitForCounts(page);
    // The controls Tab should reach: every enabled one, and one radio per group.
    const expected = await page.$$eval(
      '#tool-panel button:not([disabled]), #tool-panel input:not([type="radio"]), #tool-panel input[type="radio"]:checked, #tool-panel select',
      (elements) => elements.length,
    );
    await page.focus('[data-testid="tool-filters"]');
    const visited: string[] = [];
    for (let i = 0; i < expected + 10; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || !element.closest('#tool-panel')) return null;
        const style = getComputedStyle(element);
        const label = element.getAttribute('aria-label') ?? element.getAttribute('value') ?? element.textContent ?? '';
        return { id: `${element.tagName}:${element.getAttribute('data-testid') ?? ''}:${label}`, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      if (focus === null) {
        if (visited.length > 0) break;
        continue;
      }
      expect(focus.outline, focus.id).not.toBe('none');
      expect(focus.width, focus.id).toBeGreaterThanOrEqual(2);
      visited.push(focus.id);
    }
    expect(new Set(visited).size).toBe(visited.length);
    expect(visited).toHaveLength(expected);

    // Keyboard only: Space on the first category unticks it.
    await page.focus('[data-testid="filter-group-categories"] input[value="narcotics"]');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cat')?.includes('tobacco') === true);
    expect(query(page).get('cat')).not.toContain('narcotics');
    // Arrow keys move the credibility choice.
    await page.focus('[data-testid="credibility-option"]:checked');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cred') === '5');
    expect(await page.textContent('[data-testid="filter-summary"]')).toContain('credibility ≤ 5');
    // Escape closes the panel.
    await page.keyboard.press('Escape');
    await page.waitForSelector('.board[data-drawer="none"]');
    expect(pageErrors).toEqual([]);
  });
});

describe('the model panel', { timeout: 360_000 }, () => {
  it('changes window and half-life, refuses bad input, keeps them over a reload and resets', async () => {
    const { page, pageErrors } = await visitBoard(shared, `${site.appUrl}?v=1&lang=en&theme=dark&${fixedAt()}`, DESKTOP);
    let answer = await waitForAnswer(page);
    await openTool(page, 'model');
    const start = await ranked(page);
    expect(await page.getAttribute('[data-testid="window-preset-30"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('[data-testid="model-formula"]')).toContain('2^(−age / 7 d)');

    await page.click('[data-testid="window-preset-7"]');
    answer = await waitForAnswer(page, answer);
    expect(query(page).get('win')).toBe('7');
    expect(await page.inputValue('[data-testid="model-window"]')).toBe('7');
    const weekWindow = await ranked(page);
    expect(weekWindow).not.toEqual(start);

    await page.fill('[data-testid="model-half-life"]', '2');
    await page.press('[data-testid="model-half-life"]', 'Enter');
    await waitForAnswer(page, answer);
    expect(query(page).get('hl')).toBe('2');
    const changed = await ranked(page);
    expect(changed).not.toEqual(weekWindow);
    expect(await page.textContent('[data-testid="model-formula"]')).toContain('2^(−age / 2 d)');

    // Refused: not a number (stays in the field, marked, nothing applied); held: out of bounds.
    const url = page.url();
    await page.fill('[data-testid="model-half-life"]', 'abc');
    await page.press('[data-testid="model-half-life"]', 'Enter');
    await page.waitForSelector('[data-testid="model-half-life-feedback"]');
    expect(await page.textContent('[data-testid="model-half-life-feedback"]')).toContain('Not a number');
    expect(await page.getAttribute('[data-testid="model-half-life"]', 'aria-invalid')).toBe('true');
    expect(page.url()).toBe(url);
    await page.click('[data-testid="model-weights-categories"] summary');
    await page.fill('[data-testid="weight-category-narcotics"]', '5000');
    await page.press('[data-testid="weight-category-narcotics"]', 'Enter');
    await page.waitForSelector('[data-testid="weight-category-narcotics-feedback"]');
    expect(await page.textContent('[data-testid="weight-category-narcotics-feedback"]')).toContain('0 to 1,000');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cw') === 'narcotics:1000');
    expect(await page.inputValue('[data-testid="weight-category-narcotics"]')).toBe('1000');
    // A stepper puts it back on the grid below.
    await page.click('[data-testid="weight-category-narcotics-down"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cw') === 'narcotics:999.9');
    await page.click('[data-testid="model-reset"]');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('cw'));
    await expect.poll(() => ranked(page), { timeout: ANSWER_TIMEOUT }).toEqual(start);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('hl') === '2');
    await page.fill('[data-testid="weight-category-narcotics"]', '1');
    await page.press('[data-testid="weight-category-narcotics"]', 'Enter');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('cw'));
    await expect.poll(() => ranked(page), { timeout: ANSWER_TIMEOUT }).toEqual(changed);

    // A reload keeps the settings (the URL), and so does a fresh visit of the bare address (this device's storage).
    await page.waitForFunction(() => (localStorage.getItem('tidegate.view') ?? '').includes('"halfLifeDays":2'));
    await page.reload();
    await waitForAnswer(page);
    await page.waitForSelector('[data-testid="model-panel"]');
    expect(await page.inputValue('[data-testid="model-half-life"]')).toBe('2');
    expect(await page.getAttribute('[data-testid="window-preset-7"]', 'aria-pressed')).toBe('true');
    expect(await ranked(page)).toEqual(changed);
    await page.goto(site.appUrl);
    answer = await waitForAnswer(page);
    expect(query(page).get('hl')).toBe('2');
    expect(query(page).get('win')).toBe('7');

    // Reset to defaults.
    await page.click('[data-testid="model-reset"]');
    await waitForAnswer(page, answer);
    expect(query(page).get('hl')).toBeNull();
    expect(query(page).get('win')).toBeNull();
    expect(await page.getAttribute('[data-testid="window-preset-30"]', 'aria-pressed')).toBe('true');
    expect(await ranked(page)).toEqual(start);
    expect(pageErrors).toEqual([]);
  });

  it('sets T in UTC+8 and follows now again', async () => {
    const { page, pageErrors } = await visitBoard(shared, `${site.appUrl}?v=1&lang=zh-Hant&theme=light`, DESKTOP);
    let answer = await waitForAnswer(page);
    await openTool(page, 'model');
    expect(await page.getAttribute('[data-testid="model-at"]', 'data-following')).toBe('true');
    const following = await page.inputValue('[data-testid="model-at"]');
    expect(following).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const at = Date.parse('2026-01-15T09:30:00+08:00');
    await page.fill('[data-testid="model-at"]', '２０２６-０１-１５ ９:３０');
    await page.press('[data-testid="model-at"]', 'Enter');
    answer = await waitForAnswer(page, answer);
    expect(query(page).get('at')).toBe('2026-01-15T09:30:00+08:00');
    expect(await page.inputValue('[data-testid="model-at"]')).toBe(formatUtc8(at, false));
    expect(await page.getAttribute('[data-testid="model-now"]', 'aria-pressed')).toBe('false');
    await page.fill('[data-testid="model-at"]', '2026-02-30 10:00');
    await page.press('[data-testid="model-at"]', 'Enter');
    await page.waitForSelector('#model-at-feedback');
    expect(await page.textContent('#model-at-feedback')).toContain('不是日期時間');
    await page.click('[data-testid="model-now"]');
    await waitForAnswer(page, answer);
    expect(query(page).get('at')).toBeNull();
    expect(await page.getAttribute('[data-testid="model-at"]', 'data-following')).toBe('true');
    expect(pageErrors).toEqual([]);
  });

  it('converts imports with the rates set in the panel, and keeps the rates on the device', async () => {
    const dir = fixtureDir();
    const day = formatUtc8(FIXTURE_NOW - 86_400_000, false);
    const feed = join(dir, 'hkd.csv');
    writeFileSync(
      feed,
      ['id,source,time,lon,lat,category,severity,value,currency', `R-1,HKCED,${day},114.113,22.529,tobacco,4,1000,HKD`, `R-2,HKCED,${day},114.113,22.529,tobacco,4,1000,HKD`].join('\n') + '\n',
    );
    const { context, page, pageErrors } = await openBoard(browser, `${site.appUrl}?v=1&lang=en&theme=dark&at=${encodeURIComponent(formatUtc8(FIXTURE_NOW, false).replace(' ', 'T') + ':00+08:00')}`);
    try {
      await waitForAnswer(page);
      await openTool(page, 'model');
      expect(await page.inputValue('[data-testid="rate-HKD"]')).toBe('0.92');
      await page.fill('[data-testid="rate-HKD"]', '0.5');
      await page.press('[data-testid="rate-HKD"]', 'Enter');
      await page.waitForFunction(() => localStorage.getItem('tidegate.cnyRates') === '{"version":1,"HKD":0.5,"MOP":0.89}');
      await page.fill('[data-testid="rate-MOP"]', '-3');
      await page.press('[data-testid="rate-MOP"]', 'Enter');
      await page.waitForSelector('[data-testid="rate-MOP-feedback"]');
      expect(await page.inputValue('[data-testid="rate-MOP"]')).toBe('0.0001');
      await page.click('[data-testid="rate-MOP-up"]');
      await page.waitForFunction(() => localStorage.getItem('tidegate.cnyRates') === '{"version":1,"HKD":0.5,"MOP":0.01}');

      await page.click('[data-testid="tool-data"]');
      await page.setInputFiles('[data-testid="import-file-input"]', [feed]);
      await page.waitForSelector('[data-testid="import-counts"]', { timeout: ANSWER_TIMEOUT });
      await page.waitForFunction(() => document.querySelector('.board')?.getAttribute('data-demo') === 'false', null, { timeout: ANSWER_TIMEOUT });
      await page.waitForFunction(() => document.querySelector('[data-testid="key-figures"]')?.getAttribute('data-events') === '2', null, { timeout: ANSWER_TIMEOUT });
      expect(await page.textContent('[data-testid="figure-value"]')).toBe('¥1,000');

      await page.reload();
      await waitForAnswer(page);
      await openTool(page, 'model');
      expect(await page.inputValue('[data-testid="rate-HKD"]')).toBe('0.5');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('falls back to the default rates, and says so, when the stored ones cannot be read', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(ANSWER_TIMEOUT);
    await context.addInitScript(() => window.localStorage.setItem('tidegate.cnyRates', '{"version":1,"HKD":"lots"}'));
    const page = await context.newPage();
    try {
      await page.goto(`${site.appUrl}?v=1&lang=en&panel=model`);
      await waitForAnswer(page);
      await page.waitForSelector('[data-testid="rates-notice"]');
      expect(await page.inputValue('[data-testid="rate-HKD"]')).toBe('0.92');
    } finally {
      await context.close();
    }
  });
});

/**
 * Expects no serious or critical axe violation in the open tool panel. The whole page is analysed
 * (contrast depends on what lies around) and the panel's own nodes must pass, in that run and in a
 * run scoped to the panel; violations elsewhere on the page (other areas' components) are listed for
 * their owners, not failed here.
 */
async function expectToolPanelPassesAxe(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const describe = (violation: (typeof serious)[number], nodes: typeof violation.nodes) => `${violation.id}: ${nodes.map((node) => node.target.join(' ')).join(' | ')}`;
  const inPanel = serious
    .map((violation) => ({ violation, nodes: violation.nodes.filter((node) => node.target.some((target) => String(target).includes('tool-panel')) || node.html.includes('tool-panel')) }))
    .filter(({ nodes }) => nodes.length > 0);
  const panelNodes = await page.$$eval('#tool-panel *', (elements) => elements.length);
  expect(panelNodes).toBeGreaterThan(50);
  const scoped = await new AxeBuilder({ page }).include('#tool-panel').analyze();
  const scopedSerious = scoped.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(scopedSerious.map((violation) => describe(violation, violation.nodes)), label).toEqual([]);
  expect(inPanel.map(({ violation, nodes }) => describe(violation, nodes)), label).toEqual([]);
  for (const violation of serious) console.warn(`axe outside the tool panel (${label}): ${describe(violation, violation.nodes)}`);
}

/** Scrolls the tool panel back to its top, as it is when it opens. */
async function scrollToolPanelToTop(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('#tool-panel, #tool-panel *').forEach((element) => (element.scrollTop = 0)));
}

describe('the panels for everyone', { timeout: 900_000 }, () => {
  // Each size in both themes and both languages (support/screenLooks), in the shared page, the second
  // look switched with the header's controls (no second page load). Axe runs once per theme, at
  // 3840×2160: its root font scales the board to the same 62.5 rem tall as the 1600×1000 desktop, so
  // as much of each panel is on screen for the contrast checks.
  for (const { size, looks } of SCREEN_LOOKS) {
    const axe = size.width === 3840;
    it(`keep every control reachable${axe ? ', have no serious or critical axe violations,' : ''} and are saved as screenshots at ${size.name}`, async () => {
      const { page, pageErrors } = await visitBoard(shared, `${site.appUrl}?v=1&lang=${looks[0].locale}&theme=${looks[0].theme}&panel=filters&cat=narcotics,tobacco,currency&sev=3-5`, size);
      await waitForAnswer(page);
      for (const { theme, locale } of looks) {
        const look = `${size.name}-${theme}-${locale}`;
        if (theme !== looks[0].theme) {
          // The next look with the header's controls, back in the filter panel as it opens.
          await openTool(page, 'filters');
          await scrollToolPanelToTop(page);
          await switchLook(page, { theme, locale });
        }
        await waitForCounts(page);
        // The map drawn in this theme and language, so that the screenshot shows one look.
        await waitForBoardAnswered(page);
        await saveScreenshot(page, `filters-${look}`);
        if (axe) await expectToolPanelPassesAxe(page, `filters ${theme}`);
        // The panel scrolls inside itself: its last control can be brought into view and is not covered.
        await page.locator('[data-testid="area-draw"]').scrollIntoViewIfNeeded();
        expect(await page.locator('[data-testid="area-draw"]').isVisible()).toBe(true);
        const box = await page.locator('[data-testid="area-draw"]').boundingBox();
        expect(box && box.y + box.height <= size.height && box.x + box.width <= size.width).toBe(true);
        const mapWidth = await page.locator('.map-area').evaluate((element) => element.getBoundingClientRect().width);
        expect(mapWidth / size.width).toBeGreaterThan(0.5);
        await saveScreenshot(page, `filters-${look}-end`);

        await openTool(page, 'model');
        await saveScreenshot(page, `model-${look}`);
        await page.click('[data-testid="model-weights-categories"] summary');
        await page.waitForSelector('[data-testid="model-weights-categories"][open]');
        await saveScreenshot(page, `model-${look}-weights`);
        await page.locator('[data-testid="model-reset"]').scrollIntoViewIfNeeded();
        expect(await page.locator('[data-testid="model-reset"]').isVisible()).toBe(true);
        await saveScreenshot(page, `model-${look}-end`);
        if (axe) {
          // As the panel opens, every group unfolded.
          await scrollToolPanelToTop(page);
          for (const group of await page.$$('[data-testid="model-panel"] details')) await group.evaluate((details) => ((details as HTMLDetailsElement).open = true));
          await expectToolPanelPassesAxe(page, `model ${theme}`);
        }
      }
      expect(pageErrors).toEqual([]);
    });
  }
});
