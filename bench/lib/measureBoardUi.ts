/**
 * Stage D of `npm run bench`: the board's own numbers (issue 13), measured by driving the built
 * app (dist/) in headless Chromium with software WebGL at 1600×1000 and a million stored events.
 *
 * One browser context holds the events for every step: the feed is imported once through the
 * board's Data panel, and every later page load reads them from the context's IndexedDB. Times
 * come from the page's own clock: input events' timeStamps against the user-timing marks the map
 * sets when deck has drawn a new answer or new labels (src/app/perf/boardMarks.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { ANSWER_DRAWN_MARK, LABELS_DRAWN_MARK, LAYERS_UPDATED_MARK, type AnswerDrawnDetail } from '../../src/app/perf/boardMarks.ts';
import { median } from '../page/stats.ts';
import { cpuPerUpdate, ProcessCpuReader, type UpdateCost } from './processCpu.ts';

/** What stage D is asked to do. */
export interface BoardUiOptions {
  /** The built app's folder (its files are gzipped for the first download). */
  appDist: string;
  appUrl: string;
  feedPath: string;
  rows: number;
  /** Samples per median (filter clicks and language switches take twice as many). */
  runs: number;
  /** How long one drag or playback sample lasts. */
  sampleMs: number;
  timeoutMs: number;
}

/** The targets of issue 13. */
export const BOARD_UI_TARGETS = {
  filterToLayersMs: 150,
  brushUpdatesPerSecond: 20,
  playbackStepsPerSecond: 30,
  firstHotspotsMs: 3000,
  languageSwitchMs: 500,
  firstDownloadKB: 700,
  panFps: 5,
} as const;

/** One file of the first download. */
export interface DownloadedFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** When the page asked for it, ms after navigation start. */
  startMs: number;
}

/** Everything stage D measured; the medians are what the bench JSON's board fields take. */
export interface BoardUiResult {
  events: number;
  importMs: number;
  /**
   * Page load → the first hotspots on screen: the start of the first frame after the one whose
   * draw put them in the overlay (that frame's commit waits until the GPU process has drawn it, and
   * the next cannot begin before). `drawnRunsMs`: when the overlay issued the draw (the mark).
   */
  firstHotspots: { runsMs: number[]; medianMs: number; drawnRunsMs: number[] };
  firstDownload: {
    kb: number;
    note: string;
    files: DownloadedFile[];
    /** Worker scripts (their own threads, not counted): file and gzip bytes. */
    workers: { file: string; gzipBytes: number }[];
    /** JS and CSS the page fetched after the first hotspots, gzip KB. */
    laterKb: number;
  };
  filterToLayers: {
    /** Click → deck updated its layers to the answer (engine + layer update, before drawing). */
    runsMs: number[];
    medianMs: number;
    /** Click → deck drew that answer (software WebGL's frame included). */
    drawnRunsMs: number[];
    medianDrawnMs: number;
    /** Click → the answer reached the page (the board's data-answer), per run. */
    answerRunsMs: number[];
    medianAnswerMs: number;
  };
  brush: { runsPerSecond: number[]; medianPerSecond: number; answersPerDrag: number[] } & CpuPerUpdate;
  playback: { runsPerSecond: number[]; medianPerSecond: number; drawnPerSecond: number[] } & CpuPerUpdate;
  languageSwitch: { runsMs: number[]; medianMs: number; fontsPreloaded: boolean };
  pan: { runsFps: number[]; medianFps: number };
}

/**
 * CPU time per update while a drag or playback runs (medians over the samples): the page's own
 * (renderer processes), split into its main thread and data worker, and the GPU process's, which
 * on software WebGL draws every frame on the CPU.
 */
export interface CpuPerUpdate {
  pageCpuMsPerUpdate: number;
  mainThreadCpuMsPerUpdate: number;
  workerCpuMsPerUpdate: number;
  gpuCpuMsPerUpdate: number;
  /**
   * Updates per second the page's own work allows: its main thread and the data worker run side
   * by side, so the busier of the two bounds the rate (1000 / its ms per update).
   */
  cpuBoundUpdatesPerSecond: number;
}

/** The medians of per-sample CPU costs. */
function cpuSummary(samples: UpdateCost[]): CpuPerUpdate {
  const of = (key: keyof UpdateCost) => median(samples.map((sample) => sample[key]));
  const mainThreadCpuMsPerUpdate = of('mainMs');
  const workerCpuMsPerUpdate = of('workersMs');
  return {
    pageCpuMsPerUpdate: of('pageMs'),
    mainThreadCpuMsPerUpdate,
    workerCpuMsPerUpdate,
    gpuCpuMsPerUpdate: of('gpuMs'),
    cpuBoundUpdatesPerSecond: 1000 / Math.max(mainThreadCpuMsPerUpdate, workerCpuMsPerUpdate),
  };
}

interface Recorded {
  answers: ({ at: number } & AnswerDrawnDetail)[];
  layersUpdated: ({ at: number } & AnswerDrawnDetail)[];
  labels: { at: number; locale: string }[];
  inputs: { type: string; at: number }[];
  received: { at: number; requestId: string }[];
  frames: number[];
}

declare global {
  interface Window {
    __boardBench?: Recorded;
  }
}

/** Installed before the app's scripts: records marks, input events, answers and frames. */
function recorder(names: { answer: string; layers: string; labels: string }): void {
  const recorded: Recorded = { answers: [], layersUpdated: [], labels: [], inputs: [], received: [], frames: [] };
  window.__boardBench = recorded;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as PerformanceMark).detail as unknown;
      if (entry.name === names.answer) recorded.answers.push({ at: entry.startTime, ...(detail as AnswerDrawnDetail) });
      else if (entry.name === names.layers) recorded.layersUpdated.push({ at: entry.startTime, ...(detail as AnswerDrawnDetail) });
      else if (entry.name === names.labels) recorded.labels.push({ at: entry.startTime, locale: String(detail) });
    }
  }).observe({ type: 'mark' });
  for (const type of ['click', 'change', 'pointerdown', 'pointerup']) {
    window.addEventListener(type, (event) => recorded.inputs.push({ type, at: event.timeStamp }), true);
  }
  const watch = () => {
    const board = document.querySelector('.board');
    if (board === null) return false;
    new MutationObserver(() => {
      const requestId = board.getAttribute('data-answer') ?? 'none';
      if (recorded.received.at(-1)?.requestId !== requestId) recorded.received.push({ at: performance.now(), requestId });
    }).observe(board, { attributes: true, attributeFilter: ['data-answer'] });
    return true;
  };
  const untilBoard = new MutationObserver(() => {
    if (watch()) untilBoard.disconnect();
  });
  document.addEventListener('DOMContentLoaded', () => {
    if (!watch()) untilBoard.observe(document.body, { childList: true, subtree: true });
  });
  const frame = (time: number) => {
    recorded.frames.push(time);
    if (recorded.frames.length > 20_000) recorded.frames.splice(0, 10_000);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => window.__boardBench!);
}

/** The board settled: ready, no question in flight, the map idle with the current answer drawn. */
async function settled(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const board = document.querySelector('.board');
      const map = document.querySelector('[data-testid="map"]');
      return (
        board?.getAttribute('data-status') === 'ready' &&
        board.getAttribute('data-busy') === 'false' &&
        map?.getAttribute('data-map-state') === 'ready' &&
        map.getAttribute('data-answer-drawn') === board.getAttribute('data-answer')
      );
    },
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
}

/** Waits in the page (the samples below are sustained rates over a fixed time). */
async function pause(page: Page, ms: number): Promise<void> {
  await page.evaluate((wait) => new Promise((resolve) => setTimeout(resolve, wait)), ms);
}

/** Closes the tool panel if one is open. */
async function closeDrawer(page: Page): Promise<void> {
  const open = page.locator('.rail button[aria-pressed="true"]');
  if ((await open.count()) > 0) await open.first().click();
  await page.waitForSelector('.board[data-drawer="none"]', { state: 'attached' });
}

/** Runs one step; a failure names it. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
  }
}

/** Imports the feed through the Data panel and waits until the board shows it. */
async function importFeed(page: Page, options: BoardUiOptions): Promise<number> {
  await page.waitForSelector('.board[data-status="ready"]', { timeout: options.timeoutMs });
  await page.click('[data-testid="tool-data"]');
  const startedAt = performance.now();
  await page.setInputFiles('[data-testid="import-file-input"]', options.feedPath);
  await page.waitForSelector('[data-testid="import-outcome"]', { timeout: options.timeoutMs, state: 'attached' });
  await page.waitForSelector('.board[data-demo="false"]', { timeout: options.timeoutMs, state: 'attached' });
  const importMs = performance.now() - startedAt;
  const error = await page.$('[data-testid="import-error"]');
  if (error !== null) throw new Error(`the import failed: ${await error.textContent()}`);
  await closeDrawer(page);
  await settled(page, options.timeoutMs);
  return importMs;
}

/**
 * Page load → the first answer with hotspots on screen (BoardUiResult.firstHotspots) and when it
 * was drawn; the first run also lists the files it fetched.
 */
async function firstHotspots(page: Page, options: BoardUiOptions): Promise<{ ms: number; drawnMs: number; resources: { name: string; startTime: number }[] }> {
  await page.goto(options.appUrl);
  const drawn = await page.waitForFunction(() => window.__boardBench?.answers.find((answer) => answer.hotspots > 0)?.at ?? false, undefined, {
    timeout: options.timeoutMs,
    polling: 50,
  });
  const drawnMs = (await drawn.jsonValue()) as number;
  const shown = await page.waitForFunction((at) => window.__boardBench?.frames.find((frame) => frame > at) ?? false, drawnMs, { timeout: options.timeoutMs, polling: 50 });
  const ms = (await shown.jsonValue()) as number;
  await settled(page, options.timeoutMs);
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, startTime: entry.startTime })));
  return { ms, drawnMs, resources };
}

/** Gzip size of the built files the page fetched, split at the first hotspots. */
function firstDownload(resources: { name: string; startTime: number }[], firstMs: number, appDist: string): BoardUiResult['firstDownload'] {
  const files: DownloadedFile[] = [];
  const workers: { file: string; gzipBytes: number }[] = [];
  let laterBytes = 0;
  const seen = new Set<string>();
  for (const resource of resources) {
    const path = new URL(resource.name).pathname;
    const file = path.slice(path.indexOf('/assets/') + 1);
    if (!/\.(m?js|css)$/.test(file) || !file.startsWith('assets/') || seen.has(file)) continue;
    seen.add(file);
    const body = readFileSync(join(appDist, file));
    const gzipBytes = gzipSync(body, { level: 9 }).byteLength;
    if (/worker/i.test(file)) workers.push({ file, gzipBytes });
    else if (resource.startTime <= firstMs) files.push({ file, bytes: body.byteLength, gzipBytes, startMs: Math.round(resource.startTime) });
    else laterBytes += gzipBytes;
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    kb: files.reduce((sum, file) => sum + file.gzipBytes, 0) / 1024,
    note: 'JS and CSS the page asked for before the first hotspots were drawn (resource timing of the page), each built file gzipped at level 9; worker scripts listed apart',
    files,
    workers,
    laterKb: laterBytes / 1024,
  };
}

/** Click on a category filter → deck drew the answer to it. */
async function filterClicks(page: Page, options: BoardUiOptions): Promise<BoardUiResult['filterToLayers']> {
  await page.click('[data-testid="tool-filters"]');
  await page.waitForSelector('[data-testid="filter-option"][data-dimension="categories"]', { timeout: options.timeoutMs });
  await settled(page, options.timeoutMs);
  const option = page.locator('[data-testid="filter-option"][data-dimension="categories"]').nth(1);
  const runsMs: number[] = [];
  const drawnRunsMs: number[] = [];
  const answerRunsMs: number[] = [];
  for (let run = 0; run < options.runs * 2; run++) {
    const before = await recorded(page);
    const lastRequest = Math.max(0, ...before.answers.map((answer) => answer.requestId));
    await option.click();
    const handle = await page.waitForFunction(
      ({ inputs, last }) => {
        const bench = window.__boardBench!;
        const drawn = bench.answers.find((answer) => answer.requestId > last && !answer.interactive);
        const updated = drawn && bench.layersUpdated.find((answer) => answer.requestId === drawn.requestId);
        const click = bench.inputs.slice(inputs).find((input) => input.type === 'click');
        return drawn && updated && click ? { click: click.at, updated: updated.at, drawn: drawn.at, requestId: drawn.requestId } : false;
      },
      { inputs: before.inputs.length, last: lastRequest },
      { timeout: options.timeoutMs, polling: 20 },
    );
    const { click, updated, drawn, requestId } = (await handle.jsonValue()) as { click: number; updated: number; drawn: number; requestId: number };
    runsMs.push(updated - click);
    drawnRunsMs.push(drawn - click);
    const after = await recorded(page);
    const received = after.received.find((entry) => entry.requestId === String(requestId));
    if (received) answerRunsMs.push(received.at - click);
    await settled(page, options.timeoutMs);
  }
  await closeDrawer(page);
  await settled(page, options.timeoutMs);
  return { runsMs, medianMs: median(runsMs), drawnRunsMs, medianDrawnMs: median(drawnRunsMs), answerRunsMs, medianAnswerMs: median(answerRunsMs) };
}

/** Where the mouse is on the `step`-th move of a drag, relative to where it went down (px). */
type DragPath = (step: number) => { dx: number; dy: number };

/** Presses the mouse at the centre of `box`, moves it along `path` for `ms`, and lets go. */
async function dragFor(page: Page, box: { x: number; y: number; width: number; height: number }, path: DragPath, ms: number): Promise<void> {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const startedAt = performance.now();
  for (let step = 1; performance.now() - startedAt < ms; step++) {
    const { dx, dy } = path(step);
    await page.mouse.move(cx + dx, cy + dy);
  }
  await page.mouse.up();
}

/**
 * Back and forth along x by up to `reach` px, one bin (`binPx`) per move: the brush snaps to whole
 * bins, so every move asks for a new window and the count measures the board, not how far the
 * mouse happened to move.
 */
function binSweep(binPx: number, reach: number): DragPath {
  const steps = Math.max(2, Math.floor(reach / binPx));
  return (step) => {
    // A triangle wave over -steps..steps bins.
    const phase = (step + steps) % (4 * steps);
    const bins = phase <= 2 * steps ? phase - steps : 3 * steps - phase;
    return { dx: bins * binPx, dy: 0 };
  };
}

/** An ellipse `reach` px wide and half as tall (a pan). */
function ellipse(reach: number): DragPath {
  return (step) => ({ dx: reach * Math.sin(step / 12), dy: reach * 0.5 * Math.cos(step / 12) });
}

/** Answers drawn per second while the timeline's brush is dragged (each one a cross-filtered answer). */
async function brushDrags(page: Page, cpu: ProcessCpuReader, options: BoardUiOptions): Promise<BoardUiResult['brush']> {
  const runsPerSecond: number[] = [];
  const answersPerDrag: number[] = [];
  const costs: UpdateCost[] = [];
  for (let run = 0; run < options.runs; run++) {
    const box = await page.locator('[data-testid="timeline-brush"]').boundingBox();
    const chart = await page.locator('[data-testid="timeline-chart"]').boundingBox();
    if (box === null || chart === null) throw new Error('the timeline brush is not on screen');
    const bins = Number(await page.getAttribute('[data-testid="timeline"]', 'data-bins'));
    if (!(bins > 0)) throw new Error('the timeline has no bins');
    const before = (await recorded(page)).inputs.length;
    const cpuBefore = await cpu.read();
    await dragFor(page, box, binSweep(chart.width / bins, Math.min(chart.width / 6, 120)), options.sampleMs);
    const cpuAfter = await cpu.read();
    const after = await recorded(page);
    const inputs = after.inputs.slice(before);
    const down = inputs.find((input) => input.type === 'pointerdown')?.at ?? Number.NaN;
    const up = [...inputs].reverse().find((input) => input.type === 'pointerup')?.at ?? Number.NaN;
    const drawn = after.answers.filter((answer) => answer.at > down && answer.at <= up).length;
    answersPerDrag.push(drawn);
    runsPerSecond.push(drawn / ((up - down) / 1000));
    costs.push(cpuPerUpdate(cpuBefore, cpuAfter, drawn));
    await settled(page, options.timeoutMs);
  }
  return { runsPerSecond, medianPerSecond: median(runsPerSecond), answersPerDrag, ...cpuSummary(costs) };
}

/** Playback steps per second (the timeline's count) and answers drawn per second meanwhile. */
async function playback(page: Page, cpu: ProcessCpuReader, options: BoardUiOptions): Promise<BoardUiResult['playback']> {
  const runsPerSecond: number[] = [];
  const drawnPerSecond: number[] = [];
  const costs: UpdateCost[] = [];
  for (let run = 0; run < options.runs; run++) {
    await page.click('[data-testid="timeline-play"]');
    await page.waitForSelector('[data-testid="timeline"][data-playing="true"]', { timeout: options.timeoutMs });
    // The first second includes the stepper's set-up: measure the sustained rate after it.
    await pause(page, 1000);
    const read = () =>
      page.evaluate(() => ({
        steps: Number(document.querySelector('[data-testid="timeline"]')?.getAttribute('data-steps') ?? Number.NaN),
        at: performance.now(),
        drawn: window.__boardBench!.answers.length,
        playing: document.querySelector('[data-testid="timeline"]')?.getAttribute('data-playing') === 'true',
      }));
    const start = await read();
    const cpuBefore = await cpu.read();
    await pause(page, options.sampleMs);
    const cpuAfter = await cpu.read();
    const end = await read();
    if (!end.playing) throw new Error('playback stopped while it was measured');
    const seconds = (end.at - start.at) / 1000;
    runsPerSecond.push((end.steps - start.steps) / seconds);
    drawnPerSecond.push((end.drawn - start.drawn) / seconds);
    costs.push(cpuPerUpdate(cpuBefore, cpuAfter, end.steps - start.steps));
    await page.click('[data-testid="timeline-play"]');
    await page.waitForSelector('[data-testid="timeline"][data-playing="false"]', { timeout: options.timeoutMs });
    await settled(page, options.timeoutMs);
  }
  return { runsPerSecond, medianPerSecond: median(runsPerSecond), drawnPerSecond, ...cpuSummary(costs) };
}

/** Language chosen → deck drew the labels in it. */
async function languageSwitches(page: Page, options: BoardUiOptions): Promise<BoardUiResult['languageSwitch']> {
  // A user who switches a while after the board loaded finds the other languages' label fonts
  // preloaded (MapView loads them while idle); wait for that, within reason.
  const fontsPreloaded = await page
    .waitForSelector('[data-testid="map"][data-fonts-preloaded="true"]', { timeout: 30_000, state: 'attached' })
    .then(() => true)
    .catch(() => false);
  const cycle = ['zh-Hant', 'zh-Hans', 'en'];
  const runsMs: number[] = [];
  for (let run = 0; run < options.runs * 2; run++) {
    const locale = cycle[run % cycle.length];
    const before = await recorded(page);
    await page.selectOption('[data-testid="language-select"]', locale);
    const handle = await page.waitForFunction(
      ({ inputs, labels, wanted }) => {
        const bench = window.__boardBench!;
        const drawn = bench.labels.slice(labels).find((entry) => entry.locale === wanted);
        const change = bench.inputs.slice(inputs).find((input) => input.type === 'change');
        return drawn && change ? drawn.at - change.at : false;
      },
      { inputs: before.inputs.length, labels: before.labels.length, wanted: locale },
      { timeout: options.timeoutMs, polling: 20 },
    );
    runsMs.push((await handle.jsonValue()) as number);
    await settled(page, options.timeoutMs);
  }
  return { runsMs, medianMs: median(runsMs), fontsPreloaded };
}

/** Animation frames per second while the map is dragged around. */
async function pans(page: Page, options: BoardUiOptions): Promise<BoardUiResult['pan']> {
  const runsFps: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const box = await page.locator('[data-testid="map"]').boundingBox();
    if (box === null) throw new Error('the map is not on screen');
    const before = (await recorded(page)).inputs.length;
    await dragFor(page, box, ellipse(Math.min(box.width, box.height) / 4), options.sampleMs);
    const after = await recorded(page);
    const inputs = after.inputs.slice(before);
    const down = inputs.find((input) => input.type === 'pointerdown')?.at ?? Number.NaN;
    const up = [...inputs].reverse().find((input) => input.type === 'pointerup')?.at ?? Number.NaN;
    const frames = after.frames.filter((time) => time > down && time <= up).length;
    runsFps.push(frames / ((up - down) / 1000));
    await settled(page, options.timeoutMs);
  }
  return { runsFps, medianFps: median(runsFps) };
}

/** Runs stage D in a fresh context of `browser`; `log` reports each step. */
export async function measureBoardUi(browser: Browser, options: BoardUiOptions, log: (text: string) => void): Promise<BoardUiResult> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const pageErrors: string[] = [];
  const cpu = await ProcessCpuReader.open(browser);
  try {
    // tsx compiles with esbuild's keepNames, which wraps inner functions in a `__name` helper the
    // page does not have: the script brings a stand-in.
    const names = JSON.stringify({ answer: ANSWER_DRAWN_MARK, layers: LAYERS_UPDATED_MARK, labels: LABELS_DRAWN_MARK });
    await context.addInitScript({ content: `var __name = (target) => target;\n(${recorder.toString()})(${names});` });
    context.setDefaultTimeout(options.timeoutMs);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(options.appUrl);
    log(`    importing ${options.rows.toLocaleString('en')} rows through the Data panel…`);
    const importMs = await step('import', () => importFeed(page, options));
    log(`    imported in ${(importMs / 1000).toFixed(1)} s`);

    const loads: number[] = [];
    const drawnLoads: number[] = [];
    let download: BoardUiResult['firstDownload'] | null = null;
    for (let run = 0; run < options.runs; run++) {
      const load = await step('first hotspots', () => firstHotspots(page, options));
      loads.push(load.ms);
      drawnLoads.push(load.drawnMs);
      download ??= firstDownload(load.resources, load.drawnMs, options.appDist);
    }
    log(`    first hotspots on screen ${loads.map((ms) => Math.round(ms)).join(', ')} ms (drawn ${drawnLoads.map((ms) => Math.round(ms)).join(', ')} ms); first download ${download!.kb.toFixed(0)} KB`);
    const filterToLayers = await step('filter clicks', () => filterClicks(page, options));
    log(`    filter → layers updated ${filterToLayers.runsMs.map((ms) => Math.round(ms)).join(', ')} ms (answer on the page ${filterToLayers.answerRunsMs.map((ms) => Math.round(ms)).join(', ')} ms; drawn ${filterToLayers.drawnRunsMs.map((ms) => Math.round(ms)).join(', ')} ms)`);
    const brush = await step('brush drags', () => brushDrags(page, cpu, options));
    log(`    brush ${brush.runsPerSecond.map((rate) => rate.toFixed(1)).join(', ')} /s; CPU per update: page ${brush.pageCpuMsPerUpdate.toFixed(0)} ms (main thread ${brush.mainThreadCpuMsPerUpdate.toFixed(0)}, workers ${brush.workerCpuMsPerUpdate.toFixed(0)}), GPU process ${brush.gpuCpuMsPerUpdate.toFixed(0)} ms`);
    const played = await step('playback', () => playback(page, cpu, options));
    log(`    playback ${played.runsPerSecond.map((rate) => rate.toFixed(1)).join(', ')} steps/s; CPU per step: page ${played.pageCpuMsPerUpdate.toFixed(0)} ms (main thread ${played.mainThreadCpuMsPerUpdate.toFixed(0)}, workers ${played.workerCpuMsPerUpdate.toFixed(0)}), GPU process ${played.gpuCpuMsPerUpdate.toFixed(0)} ms`);
    const languageSwitch = await step('language switches', () => languageSwitches(page, options));
    log(`    language ${languageSwitch.runsMs.map((ms) => Math.round(ms)).join(', ')} ms`);
    const pan = await step('panning', () => pans(page, options));
    log(`    pan ${pan.runsFps.map((fps) => fps.toFixed(1)).join(', ')} fps`);
    if (pageErrors.length > 0) log(`    page errors: ${pageErrors.slice(0, 3).join(' | ')}`);
    return {
      events: options.rows,
      importMs,
      firstHotspots: { runsMs: loads, medianMs: median(loads), drawnRunsMs: drawnLoads },
      firstDownload: download!,
      filterToLayers,
      brush,
      playback: played,
      languageSwitch,
      pan,
    };
  } catch (error) {
    if (pageErrors.length > 0) throw new Error(`${error instanceof Error ? error.message : String(error)} (page errors: ${pageErrors.slice(0, 3).join(' | ')})`, { cause: error });
    throw error;
  } finally {
    await context.close().catch(() => undefined);
    await cpu.close();
  }
}
