/**
 * `npm run bench`: performance numbers of Tidegate in headless Chromium.
 *
 * Generates the seeded demo feed as CSV, serves the bench page (bench/vite.config.ts) and the app
 * (dist/) on 127.0.0.1, drives Chromium with playwright-core and measures, each stage in a fresh
 * browser context (so a fresh IndexedDB):
 *   A. import of the CSV feed — ceilings, parse+validate, conversion, storage, end to end, the main
 *      thread's longest task, memory;
 *   B. the risk engine at several sizes — cold start, re-aggregation, bytes per event, and
 *      DuckDB-WASM on the same events in the same run;
 *   C. the board worker's answers (with B's largest size);
 *   D. the board itself, through the built app with the feed imported: filter click → layers,
 *      brush and playback rates, page load → first hotspots, language switch, first download,
 *      panning (bench/lib/measureBoardUi.ts). `--only board-ui` runs D alone;
 *   E. briefing bundles in Node: export and import (verify + restore) of --rows demo events,
 *      compressed and compressed + encrypted (bench/lib/measureBundles.ts). `--only bundle` runs E alone.
 * Writes bench/results/bench-<ISO date>.json and bench/results/latest.json and prints one table.
 * A stage that throws is recorded (JSON and table) and the run goes on.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/launchChromium.ts';
import { serveStatic, type StaticSite } from '../tests/e2e/support/serveStatic.ts';
import { BENCH_USAGE, parseBenchOptions, type BenchOptions } from './lib/benchOptions.ts';
import { formatNumber, formatRatio, formatTable, type TableRow } from './lib/formatTable.ts';
import { generateFeedCsv, type GeneratedFeed } from './lib/generateFeed.ts';
import { BOARD_UI_TARGETS, measureBoardUi, type BoardUiResult, type CpuPerUpdate } from './lib/measureBoardUi.ts';
import { bundleRows } from './lib/bundleRows.ts';
import { measureBundles, type BundleBenchResult } from './lib/measureBundles.ts';
import { sampleWorkerHeaps, type WorkerHeapPeaks } from './lib/sampleWorkerHeaps.ts';
import type {
  CeilingResult,
  BoardWorkerResult,
  DuckDbResult,
  EndToEndPageResult,
  EngineSeedResult,
  EngineSizeResult,
  ParseResult,
  StorePassResult,
} from './page/benchTypes.ts';
import type { EngineMeasureOptions } from './page/engineBench.worker.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PAGE_DIST = join(ROOT, 'bench/results/page-dist');
/** The app build the A6 check drives: `$TIDEGATE_DIST` when set (builds side by side), else dist/. */
const APP_DIST = process.env.TIDEGATE_DIST ?? join(ROOT, 'dist');
const RESULTS = join(ROOT, 'bench/results');
const MB = 1024 * 1024;

/** A stage that threw: its message instead of its result. */
interface StageError {
  error: string;
}

type Outcome<T> = T | StageError;

interface AppLongTasks {
  status: 'measured' | 'skipped' | 'incomplete';
  note: string;
  longestTaskMs?: number;
  longTasks?: number;
  /** The five longest, with their start after the file was set. */
  worstTasks?: { atMs: number; durationMs: number }[];
  importMs?: number;
}

interface BenchReport {
  date: string;
  options: BenchOptions;
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemoryGiB: number;
    platform: string;
    osRelease: string;
    node: string;
    chromium: string;
    hardwareConcurrency: number | null;
    crossOriginIsolated: boolean | null;
    /** 1-minute load average at the start and the end: other work on the machine skews wall times. */
    loadAverage: { start: number; end: number | null };
  };
  /** Wall seconds per stage, as the runner saw them (incl. page start). */
  stageSeconds: Record<string, number>;
  feed: Outcome<GeneratedFeed & { seed: number; now: string }> | null;
  import: {
    targets: { endToEndSeconds: number; storageSeconds: number; longestTaskMs: number; scaledToRows: number };
    ceiling?: Outcome<CeilingResult>;
    ceilingUdsv?: Outcome<CeilingResult>;
    parse?: Outcome<ParseResult>;
    storePass?: Outcome<StorePassResult>;
    endToEnd?: Outcome<EndToEndPageResult>;
    /** Further timed end-to-end imports (wall ms each), for the median of --e2e-runs. */
    endToEndRepeats?: Outcome<{ ms: number; storageAfterParseMs: number }>[];
    appLongTasks?: Outcome<AppLongTasks>;
    memory?: { workerHeap: unknown; userAgentSpecific: unknown; workerHeaps?: Outcome<WorkerHeapPeaks> };
  };
  engine: {
    targets: { coldStartMs: number; medianMs: number; p95Ms: number; bytesPerEvent: number; duckdbSpeedup: number };
    sizes: Record<string, Outcome<{ seed: EngineSeedResult; result: Omit<EngineSizeResult, 'duckdb' | 'board'> }>>;
  };
  duckdb: { package: string; note: string; sizes: Record<string, Outcome<DuckDbResult>> };
  /**
   * Board numbers (issue 13). The worker-side fields are measured in stage C, at the largest
   * engine size; the end-to-end ones (`filterToLayersMs`, `brushUpdatesPerSecond`,
   * `playbackStepsPerSecond`, `firstHotspotsMs`, `languageSwitchMs`, `firstDownloadKB`, `panFps`:
   * medians) through the built app in stage D, with `ui` holding every sample.
   */
  board: {
    events: number | null;
    targets: { workerAnswerMs: number; brushAnswersPerSecond: number; playbackStepsPerSecond: number };
    workerAnswerMs: number | null;
    workerBrushAnswersPerSecond: number | null;
    workerPlaybackStepsPerSecond: number | null;
    workerLoadToFirstAnswerMs: number | null;
    worker: Outcome<BoardWorkerResult> | null;
    filterToLayersMs: number | null;
    /**
     * Brush answers and playback steps per second the board's own CPU work allows (its main thread
     * and data worker side by side): the guide's measure on software WebGL, "CPU work, not GPU fps".
     */
    brushUpdatesPerSecond: number | null;
    playbackStepsPerSecond: number | null;
    /** The same drags and playback as drawn here, where every frame is drawn on the CPU by SwiftShader. */
    brushDrawnPerSecond: number | null;
    playbackDrawnStepsPerSecond: number | null;
    firstHotspotsMs: number | null;
    languageSwitchMs: number | null;
    firstDownloadKB: number | null;
    panFps: number | null;
    uiTargets: typeof BOARD_UI_TARGETS;
    ui: Outcome<BoardUiResult> | null;
  };
  /** Stage E: bundle export and import times and bytes per event (bench/lib/measureBundles.ts). */
  bundle: Outcome<BundleBenchResult> | null;
  errors: { stage: string; error: string }[];
  table: TableRow[];
  totalSeconds: number;
}

function isError<T>(outcome: Outcome<T> | undefined | null): outcome is StageError {
  return typeof outcome === 'object' && outcome !== null && 'error' in outcome && typeof (outcome as StageError).error === 'string';
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.split('\n')[0] : String(error);
}

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Serves the bench page cross-origin isolated, so measureUserAgentSpecificMemory() is allowed. */
async function serveBenchPage(): Promise<StaticSite> {
  const site = await serveStatic(PAGE_DIST, '/bench/');
  site.server.prependListener('request', (_request, response) => {
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    response.setHeader('Cache-Control', 'no-store');
  });
  return site;
}

class BenchRun {
  readonly errors: { stage: string; error: string }[] = [];
  readonly seconds: Record<string, number> = {};

  constructor(
    private readonly browser: Browser,
    private readonly site: StaticSite,
    private readonly options: BenchOptions,
  ) {}

  /** Runs one stage, logging its duration; a throw becomes { error } and the run goes on. */
  async stage<T>(name: string, work: () => Promise<T>): Promise<Outcome<T>> {
    const startedAt = performance.now();
    log(`  … ${name}`);
    const elapsed = () => {
      const seconds = Math.round((performance.now() - startedAt) / 100) / 10;
      this.seconds[name] = seconds;
      return seconds.toFixed(1);
    };
    try {
      const value = await work();
      log(`    done in ${elapsed()} s`);
      return value;
    } catch (error) {
      const text = message(error);
      log(`    FAILED after ${elapsed()} s: ${text}`);
      this.errors.push({ stage: name, error: text });
      return { error: text };
    }
  }

  /** Opens the bench page in a fresh context (fresh IndexedDB), optionally with the feed file set. */
  async onBenchPage<T>(feedPath: string | null, what: string, work: (page: Page) => Promise<T>): Promise<T> {
    const context = await this.browser.newContext();
    const pageErrors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      page.on('console', (entry) => {
        if (entry.type() === 'error') pageErrors.push(entry.text());
      });
      await page.goto(this.site.appUrl);
      await page.waitForFunction(() => window.tidegateBench?.ready === true, undefined, { timeout: 30_000 });
      if (feedPath) await page.setInputFiles('#feed', feedPath);
      return await withTimeout(work(page), this.options.stageTimeoutMs, what);
    } catch (error) {
      if (pageErrors.length > 0) throw new Error(`${message(error)} (page errors: ${pageErrors.slice(0, 3).join(' | ')})`, { cause: error });
      throw error;
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async pageInfo(): Promise<{ hardwareConcurrency: number; crossOriginIsolated: boolean }> {
    return this.onBenchPage(null, 'page info', (page) =>
      page.evaluate(() => ({ hardwareConcurrency: window.tidegateBench!.hardwareConcurrency, crossOriginIsolated: window.tidegateBench!.crossOriginIsolated })),
    );
  }
}

/**
 * A.6 through the real app: if the app has a file input for imports, set the feed on it and watch
 * long tasks on the app's main thread until the event count shows the rows.
 */
async function appLongTasks(browser: Browser, appSite: StaticSite, feedPath: string, rows: number, timeoutMs: number): Promise<AppLongTasks> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    await context.addInitScript(() => {
      const tasks: { at: number; duration: number }[] = [];
      (window as unknown as { __benchLongTasks: typeof tasks }).__benchLongTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ at: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    // Imports live in the Data panel, opened by the link.
    await page.goto(`${appSite.appUrl}?panel=data`);
    const selector = '[data-testid="import-file-input"]';
    await page
      .waitForFunction((s) => document.querySelector(s) !== null, selector, { timeout: 60_000 })
      .catch(() => undefined);
    if ((await page.$(selector)) === null) {
      return { status: 'skipped', note: `the app (dist/) has no ${selector} element yet, so an import cannot be started through its UI` };
    }
    // Let the board settle after its first load, then watch only the import.
    await page.waitForSelector('[data-map-state="ready"]', { timeout: 60_000 }).catch(() => undefined);
    const origin = await page.evaluate(() => {
      (window as unknown as { __benchLongTasks: unknown[] }).__benchLongTasks.length = 0;
      return performance.now();
    });
    const startedAt = performance.now();
    await page.setInputFiles(selector, feedPath);
    const finished = await page
      .waitForFunction(
        (expected) => {
          // The first number in "1,000,000 events stored (…)", whatever the grouping separator.
          const text = document.querySelector('[data-testid="storage-info"]')?.textContent ?? '';
          const first = /\d[\d,.\u00a0\u202f ]*/.exec(text)?.[0] ?? '';
          return Number(first.replace(/\D/g, '')) >= expected && document.querySelector('[data-testid="import-progress"]') === null;
        },
        rows,
        { timeout: timeoutMs, polling: 250 },
      )
      .then(() => true)
      .catch(() => false);
    const importMs = performance.now() - startedAt;
    const tasks = await page.evaluate(() => (window as unknown as { __benchLongTasks: { at: number; duration: number }[] }).__benchLongTasks.slice());
    const worst = [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 5);
    return {
      status: finished ? 'measured' : 'incomplete',
      note: finished
        ? 'long tasks on the app page from setting the file until [data-testid="storage-info"] showed the rows stored'
        : `the stored count did not reach ${rows} within ${Math.round(timeoutMs / 1000)} s; long tasks up to then`,
      longestTaskMs: tasks.reduce((a, b) => Math.max(a, b.duration), 0),
      longTasks: tasks.length,
      worstTasks: worst.map((task) => ({ atMs: Math.round(task.at - origin), durationMs: task.duration })),
      importMs,
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}

function pass(ok: boolean): string {
  return ok ? 'PASS' : 'FAIL';
}

function errorRow(stage: string, outcome: StageError): TableRow {
  return { stage, value: 'ERROR', unit: '', target: '', verdict: outcome.error.slice(0, 120) };
}

function importRows(report: BenchReport): TableRow[] {
  const rows: TableRow[] = [];
  const { targets } = report.import;
  const scale = targets.scaledToRows / 1_000_000;
  const scaledNote = scale === 1 ? '' : ` (${formatNumber(targets.scaledToRows)} rows)`;
  const ceiling = report.import.ceiling;
  const ceilingRows = ceiling && !isError(ceiling) ? ceiling.rowsPerSec : Number.NaN;
  const ofCeiling = (rowsPerSec: number) => `${formatRatio(rowsPerSec / ceilingRows)} of ceiling rows/s`;

  if (ceiling) {
    if (isError(ceiling)) rows.push(errorRow('A1 ceiling: decode + char scan', ceiling));
    else {
      rows.push({ stage: 'A1 ceiling: decode + char scan', value: formatNumber(ceiling.mbPerSec, 1), unit: 'MiB/s', target: '—', verdict: 'reference' });
      rows.push({ stage: 'A1 ceiling: decode + char scan', value: formatNumber(ceiling.rowsPerSec), unit: 'rows/s', target: '—', verdict: 'reference' });
    }
  }
  const udsv = report.import.ceilingUdsv;
  if (udsv) {
    if (isError(udsv)) rows.push(errorRow('A1 ceiling: uDSV stringArrs', udsv));
    else rows.push({ stage: 'A1 ceiling: uDSV stringArrs', value: formatNumber(udsv.rowsPerSec), unit: 'rows/s', target: '—', verdict: ofCeiling(udsv.rowsPerSec) });
  }
  const parse = report.import.parse;
  if (parse) {
    if (isError(parse)) rows.push(errorRow('A2 parse + validate', parse));
    else {
      const note = parse.rejections > 0 ? `, ${formatNumber(parse.rejections)} rejected` : '';
      rows.push({ stage: 'A2 parse + validate (createFeedParser)', value: formatNumber(parse.rowsPerSec), unit: 'rows/s', target: '—', verdict: `${ofCeiling(parse.rowsPerSec)}${note}` });
      rows.push({ stage: 'A2 parse + validate (createFeedParser)', value: formatNumber(parse.mbPerSec, 1), unit: 'MiB/s', target: '—', verdict: `${formatRatio(parse.mbPerSec / (ceiling && !isError(ceiling) ? ceiling.mbPerSec : Number.NaN))} of ceiling MiB/s` });
    }
  }
  const store = report.import.storePass;
  if (store) {
    if (isError(store)) rows.push(errorRow('A3/A4 convert + store', store));
    else {
      rows.push({ stage: 'A3 conversion (EventChunkBuilder + H3)', value: formatNumber(store.convertRowsPerSec), unit: 'rows/s', target: '—', verdict: `${formatNumber(store.convertMs / 1000, 2)} s for ${formatNumber(store.placed)} rows${store.cellsOnWorker ? `, of which ${formatNumber(store.cellsMs / 1000, 2)} s waiting for H3 cells from the chunk worker` : ''}` });
      const storageTarget = targets.storageSeconds * scale;
      rows.push({
        stage: 'A4 storage: stage + publish',
        value: formatNumber(store.storageMs / 1000, 2),
        unit: 's',
        target: `< ${formatNumber(storageTarget, 2)} s${scaledNote}`,
        verdict: `${pass(store.storageMs / 1000 < storageTarget)}; ${formatRatio(store.storageOverRaw)} raw Dexie (stage ${formatNumber(store.stageMs / 1000, 2)} s + publish ${formatNumber(store.publishMs / 1000, 2)} s)`,
      });
      rows.push({ stage: 'A4 ceiling: raw Dexie bulkAdd, 1 tx', value: formatNumber(store.rawDexieMs / 1000, 2), unit: 's', target: '—', verdict: `${store.chunks} chunks: ${formatNumber(store.storedBytes / MB, 0)} MiB as stored (${formatNumber(store.storedBytes / store.placed)} B/row; in memory the typed columns and hashes alone take ${formatNumber(store.columnBytes / MB, 0)} MiB)` });
      rows.push({
        stage: 'A4 same rows as format 3, 1 tx',
        value: formatNumber(store.rawFormat3Ms / 1000, 2),
        unit: 's',
        target: '—',
        verdict: `format 4 writes in ${formatRatio(store.rawDexieMs / store.rawFormat3Ms)} the time, ${formatRatio(store.storedBytes / store.format3Bytes)} the bytes (${formatNumber(store.format3Bytes / MB, 0)} MiB as format 3)`,
      });
    }
  }
  const e2e = report.import.endToEnd;
  if (e2e) {
    if (isError(e2e)) rows.push(errorRow('A5 end to end (importFeedStream)', e2e));
    else {
      const target = targets.endToEndSeconds * scale;
      const timed = [{ ms: e2e.result.ms, storageAfterParseMs: e2e.result.storageAfterParseMs }];
      for (const again of report.import.endToEndRepeats ?? []) if (!isError(again)) timed.push(again);
      const middle = (values: number[]) => values.slice().sort((a, b) => a - b)[(values.length - 1) >> 1];
      const seconds = middle(timed.map((run) => run.ms)) / 1000;
      const rowsPerSec = e2e.result.rowsIn / seconds;
      const runsNote =
        timed.length > 1 ? `median of ${timed.length} runs: ${timed.map((run) => formatNumber(run.ms / 1000, 2)).join(', ')} s` : 'one run';
      rows.push({ stage: 'A5 end to end (importFeedStream)', value: formatNumber(seconds, 2), unit: 's', target: `< ${formatNumber(target, 2)} s${scaledNote}`, verdict: `${pass(seconds < target)}; ${runsNote}` });
      rows.push({
        stage: 'A5 end to end (importFeedStream)',
        value: formatNumber(rowsPerSec),
        unit: 'rows/s',
        target: '≥ 100,000 rows/s',
        verdict: `${pass(rowsPerSec >= 100_000)}; ${ofCeiling(rowsPerSec)}`,
      });
      const storageTarget = targets.storageSeconds * scale;
      const afterParse = middle(timed.map((run) => run.storageAfterParseMs)) / 1000;
      rows.push({
        stage: 'A5 storage left once parsing ends',
        value: formatNumber(afterParse, 2),
        unit: 's',
        target: `< ${formatNumber(storageTarget, 2)} s${scaledNote}`,
        verdict: `${pass(afterParse < storageTarget)}; pending staged writes + publish, ${formatNumber((100 * afterParse) / seconds, 1)} % of end to end (the rest of storage overlaps parsing)`,
      });
      const main = e2e.mainThread;
      rows.push({
        stage: 'A6 longest main-thread task (bench page)',
        value: main.longTaskSupported ? formatNumber(main.longestTaskMs) : 'n/a',
        unit: 'ms',
        target: `< ${targets.longestTaskMs} ms`,
        verdict: main.longTaskSupported
          ? `${pass(main.longestTaskMs < targets.longestTaskMs)}; ${main.longTasks} long tasks, ${main.frames} frames, longest frame gap ${formatNumber(main.longestFrameGapMs)} ms`
          : 'longtask entries not supported',
      });
    }
  }
  const app = report.import.appLongTasks;
  if (app) {
    if (isError(app)) rows.push(errorRow('A6 longest main-thread task (app)', app));
    else if (app.status === 'skipped') rows.push({ stage: 'A6 longest main-thread task (app)', value: 'skipped', unit: '', target: `< ${targets.longestTaskMs} ms`, verdict: app.note });
    else
      rows.push({
        stage: 'A6 longest main-thread task (app)',
        value: formatNumber(app.longestTaskMs),
        unit: 'ms',
        target: `< ${targets.longestTaskMs} ms`,
        verdict: `${app.status === 'measured' ? pass((app.longestTaskMs ?? Infinity) < targets.longestTaskMs) : 'INCOMPLETE'}; ${app.longTasks} long tasks in ${formatNumber((app.importMs ?? 0) / 1000, 1)} s (file set → count shown, incl. board reload)`,
      });
  }
  if (e2e && !isError(e2e)) {
    const recorded = report.import.memory?.workerHeaps;
    const heaps = recorded && !isError(recorded) ? recorded : undefined;
    const peakOf = (name: string) => heaps?.peaks.find((peak) => peak.worker === name) ?? null;
    const importPeak = peakOf('bench-import');
    const chunkPeak = peakOf('tidegate-chunks');
    const mib = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? 'n/a' : `${formatNumber(bytes / MB)} MiB`);
    const importTotal = importPeak?.peakWithBuffersBytes ?? importPeak?.peakUsedBytes ?? null;
    rows.push({
      stage: 'A7 import worker heap + buffers, peak',
      value: importTotal === null ? 'n/a' : formatNumber(importTotal / MB),
      unit: 'MiB',
      target: '—',
      verdict:
        heaps?.available && importPeak !== null && importTotal !== null
          ? `${formatNumber(importTotal / e2e.result.rowsIn)} B/row for a ${formatNumber(report.feed && !isError(report.feed) ? report.feed.bytes / MB : Number.NaN)} MiB file, the key index of every record included (it grows with records, not with the file); JS heap alone ${mib(importPeak.peakUsedBytes)}${importPeak.peakWithBuffersBytes === null ? ' (ArrayBuffers not reported)' : ''}; chunk worker ${mib(chunkPeak?.peakWithBuffersBytes ?? chunkPeak?.peakUsedBytes)}; ${heaps.rounds} rounds of CDP Runtime.getHeapUsage`
          : (heaps?.note ?? 'not sampled'),
    });
    const ua = e2e.uaMemory;
    rows.push({
      stage: 'A7 measureUserAgentSpecificMemory, peak',
      value: ua.peakTotalBytes === null ? 'n/a' : formatNumber(ua.peakTotalBytes / MB),
      unit: 'MiB',
      target: '—',
      verdict: ua.available
        ? `${ua.samples > 0 ? `${ua.samples} samples during the import` : 'only a sample right after the import (lower bound)'}; dedicated workers ${formatNumber((ua.peakWorkerBytes ?? 0) / MB)} MiB`
        : ua.note,
    });
  }
  return rows;
}

function boardRows(report: BenchReport): TableRow[] {
  const { board } = report;
  if (board.worker === null || board.events === null) return [];
  const label = (what: string) => `C ${formatNumber(board.events ?? 0)} ev: ${what}`;
  if (isError(board.worker)) return [errorRow(label('board worker'), board.worker)];
  const w = board.worker;
  const t = board.targets;
  return [
    {
      stage: label('worker answer, filter change'),
      value: formatNumber(w.workerAnswerMs, 1),
      unit: 'ms',
      target: `< ${t.workerAnswerMs} ms`,
      verdict: `${pass(w.workerAnswerMs < t.workerAnswerMs)}; every field of BoardAnswer, median of ${w.workerAnswerRunsMs.length}; board.workerAnswerMs`,
    },
    {
      stage: label('worker brush answers'),
      value: formatNumber(w.brushAnswersPerSecond, 1),
      unit: '/s',
      target: `≥ ${t.brushAnswersPerSecond} /s`,
      verdict: `${pass(w.brushAnswersPerSecond >= t.brushAnswersPerSecond)}; interactive answers, median ${formatNumber(w.brushMedianMs, 1)} ms`,
    },
    {
      stage: label('worker playback steps'),
      value: formatNumber(w.playbackStepsPerSecond, 1),
      unit: '/s',
      target: `≥ ${t.playbackStepsPerSecond} /s`,
      verdict: `${pass(w.playbackStepsPerSecond >= t.playbackStepsPerSecond)}; 1 h steps, median ${formatNumber(w.playbackMedianMs, 1)} ms`,
    },
    {
      stage: label('worker load → first answer'),
      value: formatNumber(w.loadToFirstAnswerMs),
      unit: 'ms',
      target: 'room in < 3 s page load → hotspots',
      verdict: `load ${formatNumber(w.loadMs)} + first answer ${formatNumber(w.firstAnswerMs)}; links indexed after it in ${formatNumber(w.linksMs)} ms; details ${formatNumber(w.detailsMs, 1)} ms`,
    },
  ];
}

/**
 * A brush or playback row: the rate the board's own CPU work allows (its main thread and data
 * worker side by side; the guide's measure on software WebGL, "CPU work, not GPU fps") against the
 * target, with the CPU ms per update behind it and the rate drawn here, where SwiftShader draws
 * every frame on the CPU — the GPU process's ms per update says what that frame costs.
 */
function cpuRow(stage: string, cost: CpuPerUpdate, targetPerSecond: number, drawn: string): TableRow {
  const ms = (value: number) => formatNumber(value, 1);
  return {
    stage,
    value: formatNumber(cost.cpuBoundUpdatesPerSecond, 1),
    unit: '/s',
    target: `≥ ${targetPerSecond} /s`,
    verdict: `${pass(cost.cpuBoundUpdatesPerSecond >= targetPerSecond)}; CPU ms per update: main thread ${ms(cost.mainThreadCpuMsPerUpdate)}, data worker ${ms(cost.workerCpuMsPerUpdate)}, whole page ${ms(cost.pageCpuMsPerUpdate)}; ${drawn}; GPU process (SwiftShader) ${ms(cost.gpuCpuMsPerUpdate)} ms per update`,
  };
}

function boardUiRows(report: BenchReport): TableRow[] {
  const ui = report.board.ui;
  if (ui === null) return [];
  const label = (what: string) => `D ${formatNumber(isError(ui) ? report.options.rows : ui.events)} ev: ${what}`;
  if (isError(ui)) return [errorRow(label('board UI'), ui)];
  const t = BOARD_UI_TARGETS;
  const list = (values: number[], digits = 0) => values.map((value) => formatNumber(value, digits)).join(', ');
  const topFiles = ui.firstDownload.files
    .slice(0, 3)
    .map((file) => `${file.file.replace(/^assets\//, '')} ${formatNumber(file.gzipBytes / 1024)}`)
    .join(', ');
  return [
    {
      stage: label('filter click → layers updated'),
      value: formatNumber(ui.filterToLayers.medianMs),
      unit: 'ms',
      target: `< ${t.filterToLayersMs} ms`,
      verdict: `${pass(ui.filterToLayers.medianMs < t.filterToLayersMs)}; answer on the page after ${formatNumber(ui.filterToLayers.medianAnswerMs)} ms, drawn after ${formatNumber(ui.filterToLayers.medianDrawnMs)} ms (software WebGL's frame); runs ${list(ui.filterToLayers.runsMs)}; board.filterToLayersMs`,
    },
    cpuRow(
      label('timeline brush drag (CPU work)'),
      ui.brush,
      t.brushUpdatesPerSecond,
      `drawn ${formatNumber(ui.brush.medianPerSecond, 1)} /s (runs ${list(ui.brush.runsPerSecond, 1)}); board.brushUpdatesPerSecond, drawn: board.brushDrawnPerSecond`,
    ),
    cpuRow(
      label('playback (CPU work)'),
      ui.playback,
      t.playbackStepsPerSecond,
      `drawn ${formatNumber(ui.playback.medianPerSecond, 1)} steps/s (runs ${list(ui.playback.runsPerSecond, 1)}); board.playbackStepsPerSecond, drawn: board.playbackDrawnStepsPerSecond`,
    ),
    {
      stage: label('page load → first hotspots'),
      value: formatNumber(ui.firstHotspots.medianMs),
      unit: 'ms',
      target: `< ${t.firstHotspotsMs} ms`,
      verdict: `${pass(ui.firstHotspots.medianMs < t.firstHotspotsMs)}; on screen (the frame after the draw) in runs ${list(ui.firstHotspots.runsMs)}, drawn ${list(ui.firstHotspots.drawnRunsMs)}; board.firstHotspotsMs`,
    },
    {
      stage: label('language switch → labels'),
      value: formatNumber(ui.languageSwitch.medianMs),
      unit: 'ms',
      target: `< ${t.languageSwitchMs} ms`,
      verdict: `${pass(ui.languageSwitch.medianMs < t.languageSwitchMs)}; runs ${list(ui.languageSwitch.runsMs)}${ui.languageSwitch.fontsPreloaded ? '' : ' (fonts not preloaded)'}; board.languageSwitchMs`,
    },
    {
      stage: label('first download (gzip)'),
      value: formatNumber(ui.firstDownload.kb),
      unit: 'KB',
      target: `≤ ${t.firstDownloadKB} KB`,
      verdict: `${pass(ui.firstDownload.kb <= t.firstDownloadKB)}; ${ui.firstDownload.files.length} files, largest ${topFiles}; ${formatNumber(ui.firstDownload.laterKb)} KB later; board.firstDownloadKB`,
    },
    {
      stage: label('panning'),
      value: formatNumber(ui.pan.medianFps, 1),
      unit: 'fps',
      target: `≥ ${t.panFps} fps`,
      verdict: `${pass(ui.pan.medianFps >= t.panFps)}; software WebGL, runs ${list(ui.pan.runsFps, 1)}; board.panFps`,
    },
  ];
}

function engineRows(report: BenchReport): TableRow[] {
  const rows: TableRow[] = [];
  const t = report.engine.targets;
  for (const [size, outcome] of Object.entries(report.engine.sizes)) {
    const label = (what: string) => `B ${formatNumber(Number(size))} ev: ${what}`;
    if (isError(outcome)) {
      rows.push(errorRow(label('engine'), outcome));
      continue;
    }
    const r = outcome.result;
    rows.push({
      stage: label('cold start → first hotspots'),
      value: formatNumber(r.cold.totalMs),
      unit: 'ms',
      target: `< ${t.coldStartMs} ms`,
      verdict: `${pass(r.cold.totalMs < t.coldStartMs)}; open ${formatNumber(r.cold.openMs)} + read ${formatNumber(r.cold.loadChunksMs)} + table ${formatNumber(r.cold.buildTableMs)} + hotspots ${formatNumber(r.cold.firstHotspotsMs)}`,
    });
    if (r.cellLevels !== undefined && r.cellLevels.length > 0) {
      const exact = r.cellLevels.reduce((sum, level) => sum + level.exactMs, 0);
      const parent = r.cellLevels.reduce((sum, level) => sum + level.parentMs, 0);
      const level7 = r.cellLevels.find((level) => level.resolution === 7);
      rows.push({
        stage: label('exact cells, res 5-8 (all four)'),
        value: formatNumber(exact),
        unit: 'ms',
        target: 'report',
        verdict: `parent derivation (before, wrong near edges) ${formatNumber(parent)} ms; res 7 (in the cold start): exact ${formatNumber(level7?.exactMs ?? Number.NaN)} vs parent ${formatNumber(level7?.parentMs ?? Number.NaN)} ms; cold start before ≈ ${formatNumber(r.cold.totalMs - (level7?.exactMs ?? 0) + (level7?.parentMs ?? 0))} ms`,
      });
    }
    rows.push({ stage: label('re-aggregation median'), value: formatNumber(r.reaggregation.medianMs, 2), unit: 'ms', target: `< ${t.medianMs} ms`, verdict: `${pass(r.reaggregation.medianMs < t.medianMs)}; ${r.reaggregation.runs} runs` });
    rows.push({ stage: label('re-aggregation p95'), value: formatNumber(r.reaggregation.p95Ms, 2), unit: 'ms', target: `< ${t.p95Ms} ms`, verdict: pass(r.reaggregation.p95Ms < t.p95Ms) });
    rows.push({
      stage: label('query columns'),
      value: formatNumber(r.queryBytesPerEvent),
      unit: 'B/event',
      target: `< ${t.bytesPerEvent} B`,
      verdict: `${pass(r.queryBytesPerEvent < t.bytesPerEvent)}; all table arrays ${formatNumber(r.tableBytesPerEvent, 1)} B/event`,
    });
    const duck = report.duckdb.sizes[size];
    if (!duck) {
      rows.push({ stage: label('DuckDB-WASM'), value: 'skipped', unit: '', target: '', verdict: '--duckdb-runs 0' });
      continue;
    }
    if (isError(duck)) {
      rows.push(errorRow(label('DuckDB-WASM'), duck));
      continue;
    }
    rows.push({
      stage: label('DuckDB start → first answer'),
      value: formatNumber(duck.startMs),
      unit: 'ms',
      target: 'for reference',
      verdict: `${formatRatio(duck.startRatio)} our cold start (instantiate ${formatNumber(duck.instantiateMs)} + CSV ${formatNumber(duck.prepareMs)} + ingest ${formatNumber(duck.ingestMs)} + query ${formatNumber(duck.firstQueryMs)})`,
    });
    rows.push({
      stage: label('DuckDB hotspot query median'),
      value: formatNumber(duck.medianMs, 2),
      unit: 'ms',
      target: `we ≥ ${t.duckdbSpeedup}× faster`,
      verdict: `${pass(duck.sameResultSpeedup >= t.duckdbSpeedup)}; ours for the same result ${formatNumber(duck.engineSameResultMedianMs, 2)} ms → ${formatRatio(duck.sameResultSpeedup)}; full board query (+ trend, top-25 breakdowns) ${formatNumber(duck.engineMedianSameQueriesMs, 2)} ms → ${formatRatio(duck.speedup)}`,
    });
    const c = duck.check;
    rows.push({
      stage: label('DuckDB vs engine top-10'),
      value: `${Math.min(c.cellsMatch, c.scoresMatch)}/${c.queries}`,
      unit: 'queries',
      target: 'same cells, rel ≤ 1e-6',
      verdict: `${pass(c.cellsMatch === c.queries && c.scoresMatch === c.queries)}; max rel diff ${c.maxRelativeScoreDiff.toExponential(1)}${c.firstMismatch ? `; ${c.firstMismatch}` : ''}`,
    });
  }
  return rows;
}

async function main(): Promise<void> {
  const parsed = parseBenchOptions(process.argv.slice(2), process.env);
  if (parsed === 'help') {
    log(BENCH_USAGE);
    return;
  }
  const options = parsed;
  const startedAt = performance.now();
  const date = new Date();
  for (const [dir, how] of [
    [PAGE_DIST, 'vite build --config bench/vite.config.ts'],
    [APP_DIST, 'vite build'],
  ] as const) {
    if (dir === APP_DIST && !(options.runApp && options.runImport) && !options.runBoardUi) continue;
    if (dir === PAGE_DIST && !options.runImport && !options.runEngine) continue;
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} is missing: run \`${how}\` (npm run bench does both)`);
  }
  mkdirSync(RESULTS, { recursive: true });
  log(`Tidegate bench ${options.quick ? '(quick) ' : ''}— feed ${formatNumber(options.rows)} rows, engine ${options.sizes.map((s) => formatNumber(s)).join(' / ')} events`);

  const browser = await launchChromium();
  const benchSite = await serveBenchPage();
  const appSite = await serveStatic(APP_DIST, '/app/');
  const cpuList = cpus();
  const report: BenchReport = {
    date: date.toISOString(),
    options,
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? 'unknown',
      totalMemoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      platform: platform(),
      osRelease: release(),
      node: process.version,
      chromium: browser.version(),
      hardwareConcurrency: null,
      crossOriginIsolated: null,
      loadAverage: { start: Math.round(loadavg()[0] * 100) / 100, end: null },
    },
    stageSeconds: {},
    feed: null,
    import: { targets: { endToEndSeconds: 10, storageSeconds: 1, longestTaskMs: 100, scaledToRows: options.rows } },
    engine: { targets: { coldStartMs: 1000, medianMs: 20, p95Ms: 50, bytesPerEvent: 40, duckdbSpeedup: 5 }, sizes: {} },
    duckdb: {
      package: '@duckdb/duckdb-wasm (bundle served from node_modules via the bench build)',
      note: 'Same events as the engine table; t = table seconds, cell = resolution-7 H3 index (UBIGINT), weight = category × grading weight of the default parameters. Timed: conn.query() round trip of one GROUP BY with ORDER BY score DESC, cell LIMIT 10.',
      sizes: {},
    },
    board: {
      events: null,
      targets: { workerAnswerMs: 100, brushAnswersPerSecond: 20, playbackStepsPerSecond: 30 },
      workerAnswerMs: null,
      workerBrushAnswersPerSecond: null,
      workerPlaybackStepsPerSecond: null,
      workerLoadToFirstAnswerMs: null,
      worker: null,
      filterToLayersMs: null,
      brushUpdatesPerSecond: null,
      playbackStepsPerSecond: null,
      brushDrawnPerSecond: null,
      playbackDrawnStepsPerSecond: null,
      firstHotspotsMs: null,
      languageSwitchMs: null,
      firstDownloadKB: null,
      panFps: null,
      uiTargets: BOARD_UI_TARGETS,
      ui: null,
    },
    bundle: null,
    errors: [],
    table: [],
    totalSeconds: 0,
  };
  const run = new BenchRun(browser, benchSite, options);
  const feedPath = join(tmpdir(), `tidegate-bench-${options.rows}-${options.seed}-${process.pid}.csv`);
  const boardFeedPath = join(tmpdir(), `tidegate-bench-board-${options.rows}-${options.seed}-${process.pid}.csv`);

  try {
    const info = options.runImport || options.runEngine ? await run.stage('page info', () => run.pageInfo()) : null;
    if (info !== null && !isError(info)) {
      report.machine.hardwareConcurrency = info.hardwareConcurrency;
      report.machine.crossOriginIsolated = info.crossOriginIsolated;
    }

    if (options.runImport) {
      log('A. Import');
      const feed = await run.stage(`generate ${formatNumber(options.rows)}-row CSV feed`, () => generateFeedCsv(feedPath, options.rows, options.seed, options.now));
      report.feed = isError(feed) ? feed : { ...feed, seed: options.seed, now: new Date(options.now).toISOString() };
      if (!isError(feed)) {
        log(`    ${formatNumber(feed.bytes / MB, 1)} MiB at ${feed.path}`);
        const page = <T>(what: string, work: (p: Page) => Promise<T>) => run.stage(what, () => run.onBenchPage(feedPath, what, work));
        report.import.ceiling = await page('A1 ceiling: decode + char scan', (p) => p.evaluate(() => window.tidegateBench!.ceiling('scan')));
        report.import.ceilingUdsv = await page('A1 ceiling: uDSV', (p) => p.evaluate(() => window.tidegateBench!.ceiling('udsv')));
        report.import.parse = await page('A2 parse + validate', (p) => p.evaluate(() => window.tidegateBench!.parse()));
        report.import.storePass = await page('A3/A4 convert + store (+ raw Dexie ceiling)', (p) => p.evaluate(() => window.tidegateBench!.storePass('bench-store-pass')));
        const memoryGraceMs = options.quick ? 3_000 : 25_000;
        report.import.endToEnd = await page('A5/A6/A7 end to end from a worker', (p) =>
          p.evaluate((grace) => window.tidegateBench!.endToEnd('bench-end-to-end', grace), memoryGraceMs),
        );
        report.import.endToEndRepeats = [];
        for (let repeat = 2; repeat <= options.endToEndRuns; repeat++) {
          const again = await page(`A5 end to end, timed run ${repeat} of ${options.endToEndRuns}`, (p) =>
            p.evaluate(async () => {
              const { result } = await window.tidegateBench!.endToEnd('bench-end-to-end', 0);
              return { ms: result.ms, storageAfterParseMs: result.storageAfterParseMs };
            }),
          );
          report.import.endToEndRepeats.push(again);
        }
        // A DevTools session on the workers slows them down: heaps are sampled in a pass of their own.
        const heapPass = await page('A7 worker heaps (an untimed end-to-end pass)', async (p) =>
          (await sampleWorkerHeaps(browser, 200, () => p.evaluate(() => window.tidegateBench!.endToEnd('bench-heap-pass', 0)))).heaps,
        );
        const workerHeaps = heapPass;
        if (options.runApp) {
          report.import.appLongTasks = await run.stage('A6 longest task through the real app', () =>
            appLongTasks(browser, appSite, feedPath, feed.rows, options.stageTimeoutMs),
          );
        } else {
          report.import.appLongTasks = { status: 'skipped', note: '--no-app' };
        }
        const e2e = report.import.endToEnd;
        report.import.memory = isError(e2e)
          ? { workerHeap: e2e, userAgentSpecific: e2e, workerHeaps: e2e }
          : { workerHeap: e2e.result.heap, userAgentSpecific: e2e.uaMemory, workerHeaps };
      }
    }

    if (options.runEngine) {
      log('B. Risk engine');
      for (const size of options.sizes) {
        const measureOptions: EngineMeasureOptions = {
          now: options.now,
          reaggregationRuns: options.reaggregationRuns,
          warmups: options.warmups,
          duckdbRuns: options.duckdbRuns,
          checkTop: 10,
        };
        const outcome = await run.stage(`engine at ${formatNumber(size)} events (seed store, cold start, re-aggregation, DuckDB)`, () =>
          run.onBenchPage(null, `engine ${size}`, async (page) => {
            const dbName = `bench-engine-${size}`;
            const seed = await page.evaluate((a) => window.tidegateBench!.engineSeed(a.size, a.dbName, a.now, a.seed), {
              size,
              dbName,
              now: options.now,
              seed: options.seed,
            });
            const measured = await page.evaluate((a) => window.tidegateBench!.engineMeasure(a.size, a.dbName, a.options), { size, dbName, options: measureOptions });
            return { seed, measured };
          }),
        );
        if (isError(outcome)) {
          report.engine.sizes[size] = outcome;
          continue;
        }
        const { duckdb, board, ...result } = outcome.measured;
        report.engine.sizes[size] = { seed: outcome.seed, result };
        if (report.board.events === null || size >= report.board.events) {
          report.board.events = size;
          report.board.worker = board;
          if (!isError(board)) {
            report.board.workerAnswerMs = board.workerAnswerMs;
            report.board.workerBrushAnswersPerSecond = board.brushAnswersPerSecond;
            report.board.workerPlaybackStepsPerSecond = board.playbackStepsPerSecond;
            report.board.workerLoadToFirstAnswerMs = board.loadToFirstAnswerMs;
          } else {
            run.errors.push({ stage: `board worker at ${size} events`, error: board.error });
          }
        }
        if (options.duckdbRuns > 0) report.duckdb.sizes[size] = duckdb;
        if (isError(duckdb) && options.duckdbRuns > 0) run.errors.push({ stage: `DuckDB at ${size} events`, error: duckdb.error });
      }
    }

    if (options.runBoardUi) {
      log('D. The board through the built app');
      // Events up to the current hour, so that the board's default T (now) has a full window.
      const hour = 3_600_000;
      const feedNow = Math.floor(Date.now() / hour) * hour;
      const outcome = await run.stage(`board UI at ${formatNumber(options.rows)} events (import, loads, filter, brush, playback, language, pan)`, async () => {
        await generateFeedCsv(boardFeedPath, options.rows, options.seed, feedNow);
        return measureBoardUi(
          browser,
          { appDist: APP_DIST, appUrl: appSite.appUrl, feedPath: boardFeedPath, rows: options.rows, runs: options.boardRuns, sampleMs: 3000, timeoutMs: options.stageTimeoutMs },
          log,
        );
      });
      report.board.ui = outcome;
      if (!isError(outcome)) {
        report.board.events ??= outcome.events;
        report.board.filterToLayersMs = outcome.filterToLayers.medianMs;
        report.board.brushUpdatesPerSecond = outcome.brush.cpuBoundUpdatesPerSecond;
        report.board.playbackStepsPerSecond = outcome.playback.cpuBoundUpdatesPerSecond;
        report.board.brushDrawnPerSecond = outcome.brush.medianPerSecond;
        report.board.playbackDrawnStepsPerSecond = outcome.playback.medianPerSecond;
        report.board.firstHotspotsMs = outcome.firstHotspots.medianMs;
        report.board.languageSwitchMs = outcome.languageSwitch.medianMs;
        report.board.firstDownloadKB = outcome.firstDownload.kb;
        report.board.panFps = outcome.pan.medianFps;
      }
    }
    if (options.runBundle) {
      log('E. Bundles');
      report.bundle = await run.stage(`E bundle export + import of ${formatNumber(options.rows)} events`, () => measureBundles({ events: options.rows, now: options.now }, log));
    }
  } finally {
    await browser.close().catch(() => undefined);
    await benchSite.close();
    await appSite.close();
    if (!options.keepFeed) {
      rmSync(feedPath, { force: true });
      rmSync(boardFeedPath, { force: true });
    }
  }

  report.errors = run.errors;
  report.stageSeconds = run.seconds;
  report.machine.loadAverage.end = Math.round(loadavg()[0] * 100) / 100;
  report.table = [...importRows(report), ...engineRows(report), ...boardRows(report), ...boardUiRows(report), ...bundleRows(report.bundle, options.rows)];
  report.totalSeconds = Math.round((performance.now() - startedAt) / 100) / 10;
  const stamp = report.date.replace(/:/g, '-');
  const file = join(RESULTS, `bench-${stamp}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(file, json);
  writeFileSync(join(RESULTS, 'latest.json'), json);

  log('');
  log(
    `Tidegate bench — ${report.date} — ${report.machine.cpus} × ${report.machine.cpuModel}, Chromium ${report.machine.chromium}` +
      `, load ${report.machine.loadAverage.start} → ${report.machine.loadAverage.end}${options.quick ? ' — QUICK' : ''} — ${report.totalSeconds} s`,
  );
  log(formatTable(report.table));
  log(
    'Import targets are for 1M rows and scale linearly with --rows; engine targets are for 1M events and are applied to every size. ' +
      'Ratios compare numbers measured in this run. Wall times: a high load average means other work shared the CPUs.',
  );
  if (report.errors.length > 0) log(`\n${report.errors.length} stage(s) failed; see "errors" in the JSON.`);
  log(`\nWrote ${file} and bench/results/latest.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
