import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Folder for screenshots the e2e tests save for people to look at. */
export const SCREENSHOT_DIR = resolve('tests/e2e/screenshots');

/** A page on the board, with the list of requests the offline guard refused. */
export interface BoardPage {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but 127.0.0.1/localhost: should stay empty. */
  blockedRequests: string[];
  /** Uncaught page errors and console errors. */
  pageErrors: string[];
}

/**
 * Opens the board in a fresh context with every non-localhost request blocked, the way an
 * offline briefing laptop sees the world. `timeoutMs` sets the context's timeouts, the first load
 * included (software WebGL on a busy machine can need more than the 30 s default).
 */
export async function openBoard(browser: Browser, url: string, viewport = { width: 1600, height: 1000 }, timeoutMs?: number): Promise<BoardPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  if (timeoutMs !== undefined) context.setDefaultTimeout(timeoutMs);
  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const requestUrl = new URL(route.request().url());
    const local = requestUrl.hostname === '127.0.0.1' || requestUrl.hostname === 'localhost';
    if (local || requestUrl.protocol === 'data:' || requestUrl.protocol === 'blob:') return route.continue();
    blockedRequests.push(requestUrl.href);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(url);
  return { context, page, blockedRequests, pageErrors };
}

/** Waits until the map and its overlay report a rendered, idle state. */
export async function waitForBoardReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-map-state="ready"]', { timeout: 120_000 });
}

/**
 * Waits until the board has an answer of the data worker on the page and the map has drawn that
 * answer in the current theme and language, idle.
 */
export async function waitForBoardAnswered(page: Page, timeout = 180_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const board = document.querySelector('.board');
      const map = document.querySelector('[data-testid="map"]');
      if (board === null || map === null) return false;
      const answer = board.getAttribute('data-answer');
      return (
        board.getAttribute('data-status') === 'ready' &&
        answer !== 'none' &&
        map.getAttribute('data-map-state') === 'ready' &&
        map.getAttribute('data-answer-drawn') === answer &&
        map.getAttribute('data-theme-applied') === board.getAttribute('data-theme') &&
        map.getAttribute('data-labels-locale') === document.documentElement.lang
      );
    },
    undefined,
    { timeout, polling: 100 },
  );
}

/**
 * Waits until the board has nothing more to do — its last answer drawn, no question in flight, the
 * map idle — and returns that answer's id. A pointer put down before that can lose its tooltip to a
 * late layout change, and a count read then may still change.
 */
export async function waitForBoardSettled(page: Page, timeout = 300_000): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const board = document.querySelector('.board');
      const map = document.querySelector('[data-testid="map"]');
      const answer = board?.getAttribute('data-answer') ?? 'none';
      const settled =
        board?.getAttribute('data-status') === 'ready' &&
        board.getAttribute('data-busy') === 'false' &&
        answer !== 'none' &&
        map?.getAttribute('data-map-state') === 'ready' &&
        map.getAttribute('data-answer-drawn') === answer;
      return settled ? answer : false;
    },
    undefined,
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as string;
}

/** Saves a screenshot under SCREENSHOT_DIR and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
