import { readFileSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStrictCsv } from '../../src/csv/csvTestSupport.ts';
import { launchChromium } from './support/launchChromium.ts';
import { deployHeaders, metaContentSecurityPolicy } from './support/deployHeaders.ts';
import { waitForBoardReady } from './support/openBoard.ts';
import { watchWorkerLogs, type WorkerLogs } from './support/watchWorkerLogs.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { fixtureDir, writeMixedCsv } from './support/writeFeedFixtures.ts';

/** The headers docs/deploy.md tells a host to send, read from its nginx snippet. */
const HEADERS = deployHeaders();
/** A file name and a category a spreadsheet would run as formulas. */
const HOSTILE_FILE_NAME = "=cmd|' calc'!A0.csv";
const HOSTILE_CATEGORY = '=1+2';

let browser: Browser;
let site: StaticSite;
let feedHost: StaticSite;
let hostileFeed: string;
/** Request headers of every feed request the feed host received. */
const feedRequests: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  const dir = fixtureDir();
  const remoteFeed = writeMixedCsv(dir, 'remote-feed.csv');
  hostileFeed = join(dir, HOSTILE_FILE_NAME);
  writeFileSync(
    hostileFeed,
    [
      'id,source,time,lon,lat,category,severity,grading,description',
      `H-1,HKCED,2026-11-19 10:00,114.113,22.529,${HOSTILE_CATEGORY},4,B2,"=HYPERLINK(""http://evil.example"",""x"")"`,
      'H-2,GACC-GD,2026-11-19 11:00,113.549,22.219,tobacco,5,,plain',
    ].join('\r\n') + '\r\n',
  );
  site = await serveStatic(appDist(), '/ops/tidegate/', {}, { headers: HEADERS });
  // Another origin (another port), as a publisher's feed server on the same machine would be.
  feedHost = await serveStatic(appDist(), '/not-the-app/', { '/feeds/hkced.csv': remoteFeed }, {
    extraFileHeaders: { 'access-control-allow-origin': '*' },
    onRequest: (request) => {
      if (request.url?.startsWith('/feeds/')) feedRequests.push(request.headers);
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await feedHost?.close();
});

/** A page on the board with everything the browser reports about the policy collected. */
interface WatchedBoard {
  context: BrowserContext;
  page: Page;
  /** `securitypolicyviolation` events of the document, and console messages about the policy. */
  violations: string[];
  /** Requests to anywhere but 127.0.0.1/localhost, refused by the offline guard. */
  blockedRequests: string[];
  /** Uncaught errors and console errors. */
  pageErrors: string[];
  /** Response headers by URL, for every response the page and its workers received. */
  responseHeaders: Map<string, Record<string, string>>;
}

/**
 * Opens the board like openBoard(), but with a violation listener installed before any of the
 * board's scripts run, so a violation during start-up is seen too.
 */
async function openWatched(url: string): Promise<WatchedBoard> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const requestUrl = new URL(route.request().url());
    const local = requestUrl.hostname === '127.0.0.1' || requestUrl.hostname === 'localhost';
    if (local || requestUrl.protocol === 'data:' || requestUrl.protocol === 'blob:') return route.continue();
    blockedRequests.push(requestUrl.href);
    return route.abort('internetdisconnected');
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  // Every action waits on page state; on a loaded machine a software-rendered frame can take seconds.
  page.setDefaultTimeout(120_000);
  const violations: string[] = [];
  const pageErrors: string[] = [];
  const responseHeaders = new Map<string, Record<string, string>>();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) violations.push(message.text());
    else if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('response', (response) => responseHeaders.set(response.url(), response.headers()));
  await page.goto(url);
  return { context, page, violations, blockedRequests, pageErrors, responseHeaders };
}

/** The workers' log entries about a security policy (CSP violations, refused connections). */
function policyEntries(logs: WorkerLogs): string[] {
  return logs.entries.filter((entry) => /Content Security Policy|Permissions-Policy/i.test(entry));
}

async function documentViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.slice());
}

async function addFeedUrl(page: Page, url: string): Promise<void> {
  const before = await page.locator('[data-testid="import-outcome"]').count();
  await page.click('summary:has-text("Feed URLs")');
  await page.fill('input[type="url"]', url);
  await page.fill('.feed-form input[type="text"]', 'feed under the policy');
  await page.click('text=Add and fetch');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-outcome"]').length > n, before);
}

describe('the board served with the headers of docs/deploy.md', () => {
  it('loads, imports a file, fetches a feed URL and downloads a report with no policy violation', async () => {
    const workerLogs = await watchWorkerLogs(browser);
    const board = await openWatched(`${site.appUrl}?lang=en&panel=data`);
    const { page } = board;
    try {
      await waitForBoardReady(page);
      await page.waitForSelector('.board[data-status="ready"]');
      // The build under test carries the policy of the sources, and every response the headers.
      expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toBe(metaContentSecurityPolicy());
      const appResponses = [...board.responseHeaders].filter(([url]) => url.startsWith(site.appUrl));
      const worker = appResponses.find(([url]) => /maplibre-gl-worker-[\w-]+\.mjs$/.test(url));
      expect(worker?.[1]['content-type']).toMatch(/^text\/javascript/);
      expect(appResponses.map(([url]) => new URL(url).pathname.replace(/-[\w-]{8}\./, '-*.'))).toEqual(
        expect.arrayContaining(['/ops/tidegate/', expect.stringMatching(/\.js$/), expect.stringMatching(/\.css$/), expect.stringMatching(/\.json$/), expect.stringMatching(/\.woff2$/)]),
      );
      for (const [url, headers] of appResponses) {
        for (const [name, value] of Object.entries(HEADERS)) expect({ url, [name]: headers[name] }).toEqual({ url, [name]: value });
      }

      // A file import, then the downloaded report: a blob: download, neutralised cells.
      await page.setInputFiles('[data-testid="import-file-input"]', [hostileFeed]);
      await page.waitForSelector('[data-testid="import-counts"]');
      expect(await page.textContent('[data-testid="import-counts"]')).toContain('2 new');
      // Let the board reload after the import before clicking in the panel it re-renders.
      await expect.poll(() => page.textContent('[data-testid="storage-info"]'), { timeout: 120_000 }).toContain('2 events stored');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="import-outcome"]').first().getByRole('button', { name: 'Report (CSV)' }).click(),
      ]);
      const csv = readFileSync((await download.path()) as string, 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const records = readStrictCsv(csv.slice(1));
      expect(records.find((record) => record[2] === 'feedName')?.[3]).toBe(`'${HOSTILE_FILE_NAME}`);
      expect(records.find((record) => record[0] === 'warning')?.[4]).toBe(`'${HOSTILE_CATEGORY}`);

      // A feed URL on another loopback origin: allowed by connect-src, fetched without a Referer.
      await addFeedUrl(page, `${feedHost.origin}/feeds/hkced.csv`);
      expect(await page.locator('[data-testid="import-counts"]').first().textContent()).toContain('4 new');
      await expect.poll(() => page.textContent('[data-testid="storage-info"]'), { timeout: 120_000 }).toContain('6 events stored');
      expect(feedRequests).toHaveLength(1);
      expect(feedRequests[0].referer).toBeUndefined();

      expect(await documentViolations(page)).toEqual([]);
      expect(board.violations).toEqual([]);
      expect(board.blockedRequests).toEqual([]);
      expect(board.pageErrors).toEqual([]);
      expect(policyEntries(workerLogs)).toEqual([]);
    } finally {
      await board.context.close();
      await workerLogs.stop();
    }
  });

  it('holds feed URLs and the import worker to connect-src: a plain-http feed on another host is refused before any request', async () => {
    const workerLogs = await watchWorkerLogs(browser);
    const board = await openWatched(`${site.appUrl}?lang=en&panel=data`);
    const { page } = board;
    const requestsBefore = feedRequests.length;
    const refusedUrl = `http://127.0.0.2:${new URL(feedHost.origin).port}/feeds/hkced.csv`;
    try {
      await waitForBoardReady(page);
      await page.waitForSelector('.board[data-status="ready"]');
      // 127.0.0.2 is this machine too, but not a host the policy names: the board refuses it by the
      // same rule, with the reason, before anything is stored or fetched.
      await addFeedUrl(page, refusedUrl);
      const refusal = await page.locator('[data-testid="import-error"]').first().textContent();
      expect(refusal).toContain('not imported');
      expect(refusal).toContain('plain http:// is only accepted for this machine');
      expect(board.blockedRequests).toEqual([]);
      expect(feedRequests.length).toBe(requestsBefore);

      // The policy itself holds inside the import worker (should a URL ever get past the rule):
      // a file import starts the worker, then the worker is asked to fetch the refused URL.
      await page.setInputFiles('[data-testid="import-file-input"]', [hostileFeed]);
      await page.waitForSelector('[data-testid="import-counts"]');
      const importWorker = page.workers().find((worker) => /importWorker/.test(worker.url()));
      expect(importWorker, 'the import worker runs after an import').toBeDefined();
      const fetched = await importWorker!.evaluate(async (url) => {
        try {
          await fetch(url);
          return 'fetched';
        } catch (error) {
          return `refused: ${String(error)}`;
        }
      }, refusedUrl);
      expect(fetched).toMatch(/^refused: /);
      expect(board.blockedRequests).toEqual([]);
      expect(feedRequests.length).toBe(requestsBefore);
      // ...and the worker's log says why (the fetch ran in the import worker: evaluate() names no
      // script), which proves the worker log watch hears violations.
      await expect.poll(() => policyEntries(workerLogs), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/^error: Connecting to 'http:\/\/127\.0\.0\.2:\d+\/feeds\/hkced\.csv' violates .*connect-src/));
    } finally {
      await board.context.close();
      await workerLogs.stop();
    }
  });
});
