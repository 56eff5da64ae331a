import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestBytes } from '../../src/bundle/BundleManifest.ts';
import { bundleParts, makeTestSigner, signedBundle } from '../../src/bundle/bundleTestSupport.ts';
import { fingerprint } from '../../src/bundle/signingKeys.ts';
import { launchChromium } from './support/launchChromium.ts';
import { openBoard, saveScreenshot, type BoardPage } from './support/openBoard.ts';
import { appDist, serveStatic, type StaticSite } from './support/serveStatic.ts';
import { countStored } from './support/storeProbes.ts';
import { FIXTURE_NOW, fixtureDir } from './support/writeFeedFixtures.ts';

/**
 * Briefing bundles end to end: saved views, export from the board (a download), opening in a fresh
 * browser (the signer shown, trusted by its imported public key), a briefing that steps through the
 * views, merging into the store; an encrypted bundle with a wrong then the right passphrase; a
 * tampered and a truncated file refused with nothing written; with "require a trusted signer"
 * on, a stranger's bundle refused; keyboard, axe and screenshots.
 */

let browser: Browser;
let site: StaticSite;
let dir: string;
/** The maker's browser (feeds imported) and the recipient's (fresh, empty store). */
let maker: BoardPage;
let recipient: BoardPage;
let plainBundle: string;
let encryptedBundle: string;
let makerKey: string;
let makerFingerprint: string;

const PASSPHRASE = 'Tide gate 2026: harbour lights!';
const SITES: [number, number][] = [
  [114.1137, 22.5292],
  [113.5489, 22.2186],
  [113.9305, 22.5203],
  [113.591, 22.2011],
];

/**
 * 60 events over 7.5 days around four crossings, with handling codes: 6 H1, 6 H2, 6 H4, 1 H5 and
 * 41 without a code (counted as H1). At level H1, 13 are withheld; at H3, 7.
 */
function writeHandlingCsv(): string {
  const lines = ['id,source,time,lon,lat,category,severity,grading,handling,description'];
  const categories = ['tobacco', 'narcotics', 'currency', 'counterfeit'];
  for (let i = 0; i < 60; i++) {
    const [lon, lat] = SITES[i % SITES.length];
    const time = new Date(FIXTURE_NOW - i * 3 * 3_600_000).toISOString();
    const handling = i === 7 ? 'H5' : i % 10 === 0 ? 'H4' : i % 10 === 5 ? 'H2' : i % 10 === 3 ? 'H1' : '';
    lines.push(`B-${i},${i % 2 ? 'HKCED' : 'GACC-GD'},${time},${lon + (i % 5) * 0.002},${lat + (i % 3) * 0.002},${categories[i % 4]},${(i % 5) + 1},B2,${handling},"Event ${i}, 港"`);
  }
  const path = join(dir, 'handling-feed.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function waitForAnswer(page: Page): Promise<void> {
  await page.waitForSelector('.board[data-status="ready"]:not([data-answer="none"])', { timeout: 400_000 });
}

/** Serious and critical axe violations inside `selector`. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

/** Opens the Data panel and chooses `path` in its file picker. */
async function chooseInDataPanel(page: Page, path: string): Promise<void> {
  if ((await page.getAttribute('.board', 'data-drawer')) !== 'data') await page.click('[data-testid="tool-data"]');
  await page.setInputFiles('[data-testid="import-file-input"]', path);
}

/** Drops a file on the board as a user dragging it from the desktop would. */
async function dropOnBoard(page: Page, path: string, name: string): Promise<void> {
  const bytes = [...readFileSync(path)];
  await page.evaluate(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name));
      document.querySelector('.map-area')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { bytes, name },
  );
}

/** Opens the export dialog from the Export menu. */
async function openExportDialog(page: Page): Promise<void> {
  await page.click('[data-testid="export-menu-button"]');
  await page.click('[data-testid="export-bundle"]');
  await page.waitForSelector('[data-testid="bundle-export-dialog"][open]');
}

async function closeDialog(page: Page, testid: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForSelector(`[data-testid="${testid}"]`, { state: 'detached' });
}

/** Exports a bundle with the dialog's current choices and saves the download under `name`. */
async function exportBundle(page: Page, name: string, passphrase?: string): Promise<string> {
  await openExportDialog(page);
  await page.waitForSelector('[data-testid="bundle-export-selected"]');
  if (passphrase !== undefined) {
    await page.fill('[data-testid="bundle-export-passphrase"]', passphrase);
    await page.fill('[data-testid="bundle-export-confirm"]', passphrase);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="bundle-export-start"]')]);
  const path = join(dir, name);
  await download.saveAs(path);
  await page.waitForSelector('[data-testid="bundle-export-outcome"][data-status="saved"]');
  await closeDialog(page, 'bundle-export-dialog');
  return path;
}

/** Store counts of the recipient's database: chunks and import entries. */
async function storeCounts(page: Page): Promise<{ chunks: number; imports: number }> {
  return { chunks: await countStored(page, 'chunks'), imports: await countStored(page, 'imports') };
}

/** The bundle re-made as a (validly signed) bundle of format version 9, which this build does not read. */
async function newerVersion(bytes: Uint8Array): Promise<Uint8Array> {
  const parts = bundleParts(new Uint8Array(bytes));
  const manifestText = new TextDecoder().decode(manifestBytes(parts.manifest)).replace('"version": 1,', '"version": 9,');
  expect(manifestText).toContain('"version": 9,');
  return signedBundle(parts, await makeTestSigner(), { manifestText });
}

/** The bundle's content re-signed, validly, by a key nobody trusts ("Unknown desk"). */
async function signedByStranger(bytes: Uint8Array): Promise<Uint8Array> {
  const parts = bundleParts(new Uint8Array(bytes));
  const stranger = await makeTestSigner();
  const creator = { name: 'Unknown desk', fingerprint: await fingerprint(stranger.publicKey), publicKey: stranger.publicKey };
  return signedBundle({ ...parts, manifest: { ...parts.manifest, creator } }, stranger);
}

/** The board's stored trust setting record, read from IndexedDB as the page keeps it. */
async function storedTrustSetting(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tidegate');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('settings').objectStore('settings').get('bundle.trustSetting');
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { value?: unknown } | undefined)?.value ?? null);
          };
          get.onerror = () => reject(new Error(String(get.error)));
        };
      }),
  );
}

/** The query part of the page's address (the view). */
const query = (page: Page): URLSearchParams => new URL(page.url()).searchParams;

beforeAll(async () => {
  site = await serveStatic(appDist(), '/ops/tidegate/');
  browser = await launchChromium();
  dir = fixtureDir();
  maker = await openBoard(browser, `${site.appUrl}?v=1&lang=en&theme=dark`, { width: 1366, height: 768 }, 300_000);
  await waitForAnswer(maker.page);
  await chooseInDataPanel(maker.page, writeHandlingCsv());
  await maker.page.waitForSelector('.board[data-demo="false"]', { timeout: 300_000 });
  await maker.page.waitForSelector('[data-testid="key-figures"][data-events="60"]', { timeout: 300_000 });
  await maker.page.click('[data-testid="tool-data"]');
  recipient = await openBoard(browser, `${site.appUrl}?v=1&lang=en&theme=dark`, { width: 1366, height: 768 }, 300_000);
  await waitForAnswer(recipient.page);
}, 900_000);

afterAll(async () => {
  await maker?.context.close();
  await recipient?.context.close();
  await browser?.close();
  await site?.close();
});

// Two boards at once on a shared machine: every step gets room.
describe('briefing bundles', { timeout: 900_000 }, () => {
  it('saves two views with notes, by keyboard, and lists, reorders and opens them', async () => {
    const page = maker.page;
    await page.focus('[data-testid="saved-views-button"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="saved-views-dialog"][open]');
    // Focus starts inside the modal dialog; Tab reaches the name, the note and the save button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('saved-view-name');
    await page.keyboard.type('Overview');
    await page.keyboard.press('Tab');
    await page.keyboard.type('All crossings, last 30 days.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="saved-views"][data-count="1"]');
    expect(await seriousViolations(page, '[data-testid="saved-views-dialog"]')).toEqual([]);
    await closeDialog(page, 'saved-views-dialog');

    await page.click('[data-testid="hotspot-item"] >> nth=0');
    await page.waitForSelector('.board[data-selection="hotspot"]');
    const selected = query(page).get('sel');
    expect(selected).toMatch(/^hotspot:/);
    await page.click('[data-testid="saved-views-button"]');
    await page.fill('[data-testid="saved-view-name"]', 'Top hotspot');
    await page.fill('[data-testid="saved-view-note"]', 'The busiest cell: say why.');
    await page.click('[data-testid="saved-view-save"]');
    await page.waitForSelector('[data-testid="saved-views"][data-count="2"]');
    // Reorder: the second moves up and back down.
    await page.click('[data-testid="saved-view"] >> nth=1 >> [data-testid="saved-view-up"]');
    await expect.poll(() => page.getAttribute('[data-testid="saved-view"] >> nth=0', 'data-name')).toBe('Top hotspot');
    await page.click('[data-testid="saved-view"] >> nth=0 >> [data-testid="saved-view-down"]');
    await expect.poll(() => page.getAttribute('[data-testid="saved-view"] >> nth=0', 'data-name')).toBe('Overview');
    // Opening the first view restores it (no selection) through the view store.
    await page.click('[data-testid="saved-view"] >> nth=0 >> [data-testid="saved-view-open"]');
    await page.waitForSelector('.board[data-selection="none"]');
    expect(query(page).get('sel')).toBeNull();
    expect(maker.pageErrors).toEqual([]);
  });

  it('exports the shown events with the views, counting what the level withholds, and saves the public key', async () => {
    const page = maker.page;
    await openExportDialog(page);
    await page.waitForSelector('[data-testid="bundle-export-selected"]');
    expect(await page.getAttribute('[data-testid="bundle-export-selected"]', 'data-count')).toBe(await page.getAttribute('[data-testid="key-figures"]', 'data-events'));
    expect(await page.getAttribute('[data-testid="bundle-export-withheld"]', 'data-withheld')).toBe('13');
    await page.selectOption('[data-testid="bundle-export-level"]', 'H3');
    await expect.poll(() => page.getAttribute('[data-testid="bundle-export-withheld"]', 'data-withheld')).toBe('7');
    await page.selectOption('[data-testid="bundle-export-level"]', 'H1');
    await expect.poll(() => page.getAttribute('[data-testid="bundle-export-withheld"]', 'data-withheld')).toBe('13');
    expect(await page.locator('[data-testid="bundle-export-view"]').count()).toBe(2);
    await page.fill('[data-testid="bundle-export-signer-name"]', 'Desk A, 港口');
    await page.press('[data-testid="bundle-export-signer-name"]', 'Tab');
    // A mismatched confirmation blocks the export.
    await page.fill('[data-testid="bundle-export-passphrase"]', 'abc');
    await page.waitForSelector('[data-testid="bundle-export-strength"][data-strength="weak"]');
    await page.fill('[data-testid="bundle-export-confirm"]', 'abd');
    await page.waitForSelector('[data-testid="bundle-export-mismatch"]');
    expect(await page.isDisabled('[data-testid="bundle-export-start"]')).toBe(true);
    await page.fill('[data-testid="bundle-export-passphrase"]', '');
    await page.fill('[data-testid="bundle-export-name"]', 'crossings-briefing');
    expect(await seriousViolations(page, '[data-testid="bundle-export-dialog"]')).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="bundle-export-start"]')]);
    expect(download.suggestedFilename()).toBe('crossings-briefing.tidegate');
    plainBundle = join(dir, 'plain.tidegate');
    await download.saveAs(plainBundle);
    await page.waitForSelector('[data-testid="bundle-export-outcome"][data-status="saved"]');
    expect(await page.textContent('[data-testid="bundle-export-outcome"]')).toContain('47 events, 13 withheld');
    makerFingerprint = (await page.getAttribute('[data-testid="bundle-export-key"]', 'data-fingerprint'))!;
    expect(makerFingerprint).toMatch(/^[0-9a-f]{64}$/);

    // The keys dialog, from the export dialog: the public key as a .jwk file.
    await page.click('[data-testid="bundle-export-keys"]');
    await page.waitForSelector('[data-testid="bundle-keys-dialog"][open]');
    expect(await page.getAttribute('[data-testid="own-key"]', 'data-fingerprint')).toBe(makerFingerprint);
    expect(await seriousViolations(page, '[data-testid="bundle-keys-dialog"]')).toEqual([]);
    const [keyDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="own-key-export"]')]);
    makerKey = join(dir, 'maker.jwk');
    await keyDownload.saveAs(makerKey);
    const jwk = JSON.parse(readFileSync(makerKey, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    await closeDialog(page, 'bundle-keys-dialog');

    encryptedBundle = await exportBundle(page, 'encrypted.tidegate', PASSPHRASE);
    expect(readFileSync(encryptedBundle).subarray(0, 2).toString('latin1')).not.toBe('PK');
    expect(maker.pageErrors).toEqual([]);
  });

  it('opens the bundle in a fresh browser: trusted signer shown, a briefing that steps through the views, then a merge', async () => {
    const page = recipient.page;
    const before = await storeCounts(page);
    expect(before.chunks).toBe(0);
    expect(await page.getAttribute('.board', 'data-demo')).toBe('true');

    // Trust the maker's public key under a name.
    await openExportDialog(page);
    expect(await page.getAttribute('[data-testid="bundle-export-block"]', 'data-block')).toBe('demo');
    await page.click('[data-testid="bundle-export-keys"]');
    await page.setInputFiles('[data-testid="trust-file"]', makerKey);
    await page.fill('[data-testid="trust-name"]', 'Desk A (Lo Wu)');
    await page.click('[data-testid="trust-add"]');
    await page.waitForSelector(`[data-testid="trusted-key"][data-fingerprint="${makerFingerprint}"]`);
    await closeDialog(page, 'bundle-keys-dialog');

    await chooseInDataPanel(page, plainBundle);
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="verified"]', { timeout: 300_000 });
    const summary = page.locator('[data-testid="bundle-open-summary"]');
    expect(await summary.getAttribute('data-signer-fingerprint')).toBe(makerFingerprint);
    expect(await summary.getAttribute('data-trusted')).toBe('true');
    expect(await summary.getAttribute('data-events')).toBe('47');
    expect(await summary.getAttribute('data-withheld')).toBe('13');
    expect(await summary.getAttribute('data-views')).toBe('2');
    expect(await page.textContent('[data-testid="bundle-open-signer-name"]')).toBe('Desk A, 港口');
    expect(await page.textContent('[data-testid="bundle-open-trust"]')).toContain('Desk A (Lo Wu)');
    expect(await seriousViolations(page, '[data-testid="bundle-open-dialog"]')).toEqual([]);
    expect(await storeCounts(page)).toEqual(before);

    // Open as briefing: the bundle's events, the first view, then the second by keyboard.
    await page.click('[data-testid="bundle-open-brief"]');
    await page.waitForSelector('.board[data-briefing="true"][data-mode="briefing"][data-demo="false"]');
    await page.waitForSelector('[data-testid="key-figures"][data-events="47"]', { timeout: 300_000 });
    await page.waitForSelector('[data-testid="briefing-bar"][data-step="0"][data-steps="2"]');
    expect(query(page).get('mode')).toBe('briefing');
    expect(query(page).get('sel')).toBeNull();
    expect(await page.textContent('[data-testid="briefing-note"]')).toBe('All crossings, last 30 days.');
    await page.focus('[data-testid="briefing-next"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="briefing-bar"][data-step="1"]');
    await page.waitForSelector('.board[data-selection="hotspot"]');
    expect(query(page).get('sel')).toMatch(/^hotspot:/);
    expect(await page.textContent('[data-testid="briefing-note"]')).toBe('The busiest cell: say why.');
    // PageUp steps back from wherever focus went (opening the hotspot's details may take it).
    await page.keyboard.press('PageUp');
    await page.waitForSelector('[data-testid="briefing-bar"][data-step="0"]');
    await page.waitForSelector('.board[data-selection="none"]');
    await saveScreenshot(page, 'bundle-briefing-1366-dark-en');
    expect(await seriousViolations(page, '[data-testid="briefing-bar"]')).toEqual([]);
    expect(await storeCounts(page)).toEqual(before);

    // Leaving returns to the store's data (still empty: the demo set).
    await page.click('[data-testid="briefing-leave"]');
    await page.waitForSelector('.board[data-briefing="false"][data-mode="board"][data-demo="true"]');
    expect(await storeCounts(page)).toEqual(before);

    // Dropped on the board this time; merged into the store by the feed rules.
    await dropOnBoard(page, plainBundle, 'dropped.tidegate');
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="verified"]', { timeout: 300_000 });
    await page.click('[data-testid="bundle-open-merge"]');
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="merged"]', { timeout: 300_000 });
    expect(await page.getAttribute('[data-testid="bundle-open-merge-status"]', 'data-accepted')).toBe('47');
    await closeDialog(page, 'bundle-open-dialog');
    await page.waitForSelector('.board[data-demo="false"]');
    await page.waitForSelector('[data-testid="key-figures"][data-events="47"]', { timeout: 300_000 });
    const after = await storeCounts(page);
    expect(after.chunks).toBeGreaterThan(0);
    expect(after.imports).toBe(before.imports + 1);

    // The same bundle again changes nothing (unchanged by the upsert rules).
    await chooseInDataPanel(page, plainBundle);
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="verified"]', { timeout: 300_000 });
    await page.click('[data-testid="bundle-open-merge"]');
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="merged"]', { timeout: 300_000 });
    expect(await page.getAttribute('[data-testid="bundle-open-merge-status"]', 'data-accepted')).toBe('0');
    await closeDialog(page, 'bundle-open-dialog');
    expect(recipient.pageErrors).toEqual([]);
    expect(recipient.blockedRequests).toEqual([]);
  });

  it('asks an encrypted bundle\'s passphrase: a wrong one says so, the right one opens it', async () => {
    const page = recipient.page;
    const before = await storeCounts(page);
    await chooseInDataPanel(page, encryptedBundle);
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="passphrase"]', { timeout: 300_000 });
    await page.fill('[data-testid="bundle-open-passphrase"]', 'not the passphrase');
    await page.press('[data-testid="bundle-open-passphrase"]', 'Enter');
    await page.waitForSelector('[data-testid="bundle-open-wrong"]', { timeout: 300_000 });
    expect(await page.getAttribute('[data-testid="bundle-open-dialog"]', 'data-status')).toBe('passphrase');
    expect(await seriousViolations(page, '[data-testid="bundle-open-dialog"]')).toEqual([]);
    await page.fill('[data-testid="bundle-open-passphrase"]', PASSPHRASE);
    await page.press('[data-testid="bundle-open-passphrase"]', 'Enter');
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="verified"]', { timeout: 300_000 });
    expect(await page.getAttribute('[data-testid="bundle-open-summary"]', 'data-encrypted')).toBe('true');
    expect(await page.getAttribute('[data-testid="bundle-open-summary"]', 'data-events')).toBe('47');
    await closeDialog(page, 'bundle-open-dialog');
    expect(await storeCounts(page)).toEqual(before);
  });

  it('refuses a tampered, a truncated and a newer-version file with its reason, writing nothing', async () => {
    const page = recipient.page;
    const bytes = readFileSync(plainBundle);
    const tampered = Buffer.from(bytes);
    // A byte inside the first event chunk (after the manifest and signature entries).
    tampered[Math.floor(bytes.length * 0.6)] ^= 0x01;
    const cases: [string, Buffer, string[]][] = [
      ['tampered.tidegate', tampered, ['hash-mismatch', 'damaged', 'zip-bomb', 'invalid-content']],
      ['truncated.tidegate', bytes.subarray(0, Math.floor(bytes.length / 2)), ['damaged']],
      ['newer.tidegate', Buffer.from(await newerVersion(bytes)), ['unsupported-version']],
    ];
    for (const [name, content, reasons] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const before = await storeCounts(page);
      await chooseInDataPanel(page, path);
      await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="refused"]', { timeout: 300_000 });
      const reason = await page.getAttribute('[data-testid="bundle-open-refused"]', 'data-refusal');
      expect(reasons, name).toContain(reason);
      expect(await page.textContent('[data-testid="bundle-open-refused"]')).toContain('Refused:');
      expect(await page.locator('[data-testid="bundle-open-merge"]').count()).toBe(0);
      await closeDialog(page, 'bundle-open-dialog');
      expect(await storeCounts(page), name).toEqual(before);
    }
    expect(recipient.pageErrors).toEqual([]);
  });

  it('with "open only bundles signed by a trusted key" on, refuses a stranger\'s bundle with the reason, writing nothing', async () => {
    const page = recipient.page;
    const stranger = join(dir, 'stranger.tidegate');
    writeFileSync(stranger, await signedByStranger(readFileSync(plainBundle)));

    // Off (the default): a stranger's bundle opens, marked untrusted.
    await chooseInDataPanel(page, stranger);
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="verified"]', { timeout: 300_000 });
    expect(await page.getAttribute('[data-testid="bundle-open-summary"]', 'data-trusted')).toBe('false');
    await closeDialog(page, 'bundle-open-dialog');

    // Turned on by keyboard in the keys dialog, and stored as a versioned record.
    await openExportDialog(page);
    await page.click('[data-testid="bundle-export-keys"]');
    await page.waitForSelector('[data-testid="bundle-keys-dialog"][open]');
    expect(await page.isChecked('[data-testid="require-trusted"]')).toBe(false);
    await page.focus('[data-testid="require-trusted"]');
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="bundle-keys-dialog"][data-status="idle"] [data-testid="require-trusted"]:checked');
    expect(await storedTrustSetting(page)).toEqual({ version: 1, requireTrusted: true });
    expect(await seriousViolations(page, '[data-testid="bundle-keys-dialog"]')).toEqual([]);
    await closeDialog(page, 'bundle-keys-dialog');

    const before = await storeCounts(page);
    await chooseInDataPanel(page, stranger);
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="refused"]', { timeout: 300_000 });
    expect(await page.getAttribute('[data-testid="bundle-open-refused"]', 'data-refusal')).toBe('untrusted-signer');
    expect(await page.textContent('[data-testid="bundle-open-refused"]')).toContain('Refused: it is not signed by a trusted key.');
    expect(await page.textContent('[data-testid="bundle-open-untrusted-required"]')).toContain('opens only bundles signed by a trusted key');
    expect(await page.locator('[data-testid="bundle-open-merge"]').count()).toBe(0);
    expect(await page.locator('[data-testid="bundle-open-brief"]').count()).toBe(0);
    expect(await seriousViolations(page, '[data-testid="bundle-open-dialog"]')).toEqual([]);
    // Its Keys button leads to the setting.
    await page.click('[data-testid="bundle-open-keys"]');
    await page.waitForSelector('[data-testid="bundle-keys-dialog"][open] [data-testid="require-trusted"]:checked');
    await closeDialog(page, 'bundle-keys-dialog');
    expect(await storeCounts(page)).toEqual(before);

    // The trusted maker's bundle still opens.
    await chooseInDataPanel(page, plainBundle);
    await page.waitForSelector('[data-testid="bundle-open-dialog"][data-status="verified"]', { timeout: 300_000 });
    expect(await page.getAttribute('[data-testid="bundle-open-summary"]', 'data-trusted')).toBe('true');
    await closeDialog(page, 'bundle-open-dialog');
    expect(await storeCounts(page)).toEqual(before);
    expect(recipient.pageErrors).toEqual([]);
  });

  it('looks right in both themes, English and Traditional Chinese, at 1366×768 and 3840×2160', async () => {
    const page = maker.page;
    const shots: [number, number, 'dark' | 'light', 'en' | 'zh-Hant'][] = [
      [1366, 768, 'light', 'zh-Hant'],
      [1366, 768, 'dark', 'en'],
      [3840, 2160, 'dark', 'zh-Hant'],
      [3840, 2160, 'light', 'en'],
    ];
    for (const [width, height, theme, lang] of shots) {
      await page.setViewportSize({ width, height });
      await page.selectOption('[data-testid="language-select"]', lang);
      await page.click(`[data-testid="theme-${theme}"]`);
      await page.waitForSelector(`html[lang="${lang}"][data-theme="${theme}"]`);
      await openExportDialog(page);
      await page.waitForSelector('[data-testid="bundle-export-selected"]');
      await saveScreenshot(page, `bundle-export-${width}-${theme}-${lang}`);
      expect(await seriousViolations(page, '[data-testid="bundle-export-dialog"]'), `${width} ${theme} ${lang}`).toEqual([]);
      await closeDialog(page, 'bundle-export-dialog');
    }
    // The recipient briefs once per size: the size's first look opens the bundle and steps to its
    // second view; the second look is switched during that briefing, which then ends, and the
    // bundle's dialog is opened again in that look for its screenshot.
    const other = recipient.page;
    for (const [k, [width, height, theme, lang]] of shots.entries()) {
      const firstOfSize = k === 0 || shots[k - 1][0] !== width;
      if (firstOfSize) await other.setViewportSize({ width, height });
      await other.selectOption('[data-testid="language-select"]', lang);
      await other.click(`[data-testid="theme-${theme}"]`);
      await other.waitForSelector(`html[lang="${lang}"][data-theme="${theme}"]`);
      if (firstOfSize) {
        await chooseInDataPanel(other, plainBundle);
        await other.waitForSelector('[data-testid="bundle-open-dialog"][data-status="verified"]', { timeout: 300_000 });
        await saveScreenshot(other, `bundle-open-${width}-${theme}-${lang}`);
        await other.click('[data-testid="bundle-open-brief"]');
        await other.waitForSelector('[data-testid="briefing-bar"][data-step="0"]');
        await other.click('[data-testid="briefing-next"]');
      }
      await other.waitForSelector('[data-testid="briefing-bar"][data-step="1"]');
      await saveScreenshot(other, `bundle-briefing-${width}-${theme}-${lang}`);
      expect(await seriousViolations(other, '[data-testid="briefing-bar"]'), `${width} ${theme} ${lang}`).toEqual([]);
      if (!firstOfSize) {
        await other.click('[data-testid="briefing-leave"]');
        await other.waitForSelector('.board[data-briefing="false"]');
        await chooseInDataPanel(other, plainBundle);
        await other.waitForSelector('[data-testid="bundle-open-dialog"][data-status="verified"]', { timeout: 300_000 });
        await saveScreenshot(other, `bundle-open-${width}-${theme}-${lang}`);
        await closeDialog(other, 'bundle-open-dialog');
      }
    }
    expect(maker.pageErrors).toEqual([]);
    expect(recipient.pageErrors).toEqual([]);
  }, 1_200_000);
});
