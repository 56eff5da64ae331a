/**
 * Risk-engine measurements (bench part B), in a dedicated worker like the board worker. `seed`
 * fills a database through the store; `measure` runs in a fresh worker (cold JIT, nothing cached)
 * and times opening IndexedDB → first hotspots, then re-aggregation, then DuckDB-WASM on the same
 * events.
 */
import { measureCellLevelCost } from './cellLevelCost.ts';
import * as Comlink from 'comlink';
import { demoEventBatches } from '../../src/demo/generateDemoEvents.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../../src/geo/referenceGeography.ts';
import { buildEventTable } from '../../src/risk/buildEventTable.ts';
import { computeHotspots, type HotspotResult } from '../../src/risk/computeHotspots.ts';
import { queryBytesPerEvent, queryColumns, type EventTable } from '../../src/risk/EventTable.ts';
import { resolveRiskParams, type RiskParams } from '../../src/risk/RiskParams.ts';
import { DexieEventStore, importRecords, type ParsedBatch } from '../../src/store/index.ts';
import { BoardDataService } from '../../src/board/BoardDataService.ts';
import type { BoardQuery, Viewport } from '../../src/board/BoardQuery.ts';
import { benchQueries, riskFilters } from './benchQueries.ts';
import type { BenchQuery, BoardWorkerResult, DuckDbResult, EngineSeedResult, EngineSizeResult } from './benchTypes.ts';
import { closeDuckDb, duckHotspots, hotspotSql, loadDuckDb, type DecayModel, type RankedCell } from './duckdbHotspots.ts';
import { median, quantile } from './stats.ts';

/** Options of one measured size. */
export interface EngineMeasureOptions {
  /** End of the generated data; T of the first query. */
  now: number;
  reaggregationRuns: number;
  warmups: number;
  /** DuckDB timed runs (0 skips DuckDB). */
  duckdbRuns: number;
  /** Top cells compared between DuckDB and the engine. */
  checkTop: number;
}

async function seed(events: number, dbName: string, now: number, seedValue: number): Promise<EngineSeedResult> {
  const store = await DexieEventStore.open({ name: dbName });
  try {
    const startedAt = performance.now();
    function* batches(): Generator<ParsedBatch> {
      const options = { seed: seedValue, count: events, now, sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS };
      for (const records of demoEventBatches(options, 10_000)) yield { records, rejections: [], warnings: [], rowsIn: records.length };
    }
    const report = await importRecords(store, { feedName: `bench-demo-${events}.csv`, source: null, format: 'csv' }, batches());
    const summary = await store.storageSummary();
    return { events: report.counts.accepted + report.counts.updated, generateAndImportMs: performance.now() - startedAt, chunks: summary.chunks };
  } finally {
    store.close();
  }
}

/** Breakdowns the board asks for (BoardDataService's default detail count). */
const BOARD_DETAIL_COUNT = 25;

/** The board's query: hotspots with their trend and the breakdowns of the described top ones. */
function paramsFor(query: BenchQuery): RiskParams {
  return { time: query.time, resolution: 7, topN: BOARD_DETAIL_COUNT };
}

/** The result the DuckDB SQL computes, no more: ranked scores and counts (no trend, no breakdowns). */
function sameResultParams(query: BenchQuery): RiskParams {
  return { time: query.time, resolution: 7, topN: 0, trend: false };
}

function topCells(result: HotspotResult, limit: number): RankedCell[] {
  const ranked: RankedCell[] = [];
  for (let k = 0; k < Math.min(limit, result.scores.length); k++) {
    ranked.push({ cell: (BigInt(result.cellHigh[k]) << 32n) | BigInt(result.cellLow[k]), score: result.scores[k], count: result.counts[k] });
  }
  return ranked;
}

function tableBytes(table: EventTable): number {
  const arrays: ArrayBufferView[] = [...queryColumns(table), table.chunkRow, table.chunkStart];
  for (const level of table.levels) arrays.push(level.high, level.low);
  return arrays.reduce((sum, array) => sum + array.byteLength, 0);
}

async function duckdbSide(
  table: EventTable,
  queries: readonly BenchQuery[],
  engineTimings: readonly number[],
  coldMs: number,
  options: EngineMeasureOptions,
): Promise<DuckDbResult> {
  const resolved = resolveRiskParams({ time: options.now });
  const model: DecayModel = { baseTime: table.baseTime, windowMs: resolved.windowMs, halfLifeMs: resolved.halfLifeMs };
  const loaded = await loadDuckDb(table);
  try {
    const series = queries.slice(0, options.duckdbRuns);
    let at = performance.now();
    await duckHotspots(loaded, hotspotSql(series[0], model, options.checkTop));
    const firstQueryMs = performance.now() - at;
    const queryMs: number[] = [];
    const answers: RankedCell[][] = [];
    for (const query of series) {
      const sql = hotspotSql(query, model, options.checkTop);
      at = performance.now();
      answers.push(await duckHotspots(loaded, sql));
      queryMs.push(performance.now() - at);
    }

    let cellsMatch = 0;
    let scoresMatch = 0;
    let maxRelativeScoreDiff = 0;
    let firstMismatch: string | null = null;
    series.forEach((query, q) => {
      const ours = topCells(computeHotspots(table, paramsFor(query), riskFilters(query)), options.checkTop);
      const theirs = answers[q];
      let sameCells = ours.length === theirs.length;
      let sameScores = ours.length === theirs.length;
      for (let k = 0; k < Math.min(ours.length, theirs.length); k++) {
        const relative = Math.abs(ours[k].score - theirs[k].score) / Math.max(Math.abs(ours[k].score), Number.MIN_VALUE);
        maxRelativeScoreDiff = Math.max(maxRelativeScoreDiff, relative);
        if (ours[k].cell !== theirs[k].cell || ours[k].count !== theirs[k].count) sameCells = false;
        if (!(relative <= 1e-6)) sameScores = false;
      }
      if (sameCells) cellsMatch++;
      if (sameScores) scoresMatch++;
      if ((!sameCells || !sameScores) && firstMismatch === null) {
        const show = (cells: RankedCell[]) => cells.slice(0, 3).map((c) => `${c.cell.toString(16)}:${c.score.toPrecision(9)}/${c.count}`).join(' ');
        firstMismatch = `query ${q}: engine ${show(ours)} | duckdb ${show(theirs)}`;
      }
    });

    for (const query of series.slice(0, 3)) computeHotspots(table, sameResultParams(query), riskFilters(query));
    const sameResultMs = series.map((query) => {
      const started = performance.now();
      computeHotspots(table, sameResultParams(query), riskFilters(query));
      return performance.now() - started;
    });

    const startMs = loaded.instantiateMs + loaded.prepareMs + loaded.ingestMs + firstQueryMs;
    const medianMs = median(queryMs);
    const engineMedianSameQueriesMs = median(engineTimings.slice(0, series.length));
    const engineSameResultMedianMs = median(sameResultMs);
    return {
      bundle: loaded.bundle,
      version: loaded.version,
      instantiateMs: loaded.instantiateMs,
      prepareMs: loaded.prepareMs,
      ingestMs: loaded.ingestMs,
      firstQueryMs,
      startMs,
      runs: queryMs.length,
      queryMs,
      medianMs,
      p95Ms: quantile(queryMs, 0.95),
      engineMedianSameQueriesMs,
      speedup: medianMs / engineMedianSameQueriesMs,
      engineSameResultMedianMs,
      sameResultSpeedup: medianMs / engineSameResultMedianMs,
      startRatio: startMs / coldMs,
      check: { queries: series.length, cellsMatch, scoresMatch, maxRelativeScoreDiff, firstMismatch },
      sql: hotspotSql(series[0], model, options.checkTop),
    };
  } finally {
    await closeDuckDb(loaded);
  }
}

/** The whole Bay Area at zoom 9, as a 1600×1000 board shows it. */
const BAY_VIEWPORT: Viewport = { west: 112.9, south: 21.9, east: 114.6, north: 23.0, zoom: 9 };

/**
 * The board worker's answers over the store `dbName` (bench rows C): load → first answer, whole
 * answers to filter changes, brush (interactive) answers, playback steps and details. Exposed as a
 * hook so that the app-side measurement can time the same queries end to end.
 */
async function measureBoard(dbName: string, options: EngineMeasureOptions): Promise<BoardWorkerResult> {
  const queries = benchQueries(options.now, options.reaggregationRuns);
  let requestId = 0;
  const service = new BoardDataService({
    loadStoredChunks: async () => {
      const store = await DexieEventStore.open({ name: dbName });
      try {
        const published = await store.loadPublishedChunks();
        return published.map(({ chunk, mask, maskedRows }) => ({ chunk, mask: maskedRows > 0 ? mask : undefined }));
      } finally {
        store.close();
      }
    },
    buildDemoChunks: () => [],
    now: () => options.now,
  });
  const boardQuery = (query: BenchQuery, extra: Partial<BoardQuery> = {}): BoardQuery => ({
    requestId: ++requestId,
    params: { time: query.time, resolution: 7 },
    filters: riskFilters(query),
    viewport: BAY_VIEWPORT,
    detailCount: 25,
    ...extra,
  });
  const startedAt = performance.now();
  await service.load();
  const loadedAt = performance.now();
  const first = await service.boardQuery(boardQuery(queries[0]));
  const firstAt = performance.now();
  // The links are indexed right after the first answer; the next answers carry them.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const linksMs = performance.now() - firstAt;

  for (let w = 0; w < options.warmups; w++) await service.boardQuery(boardQuery(queries[(w + 1) % queries.length]));
  const answerMs: number[] = [];
  for (const query of queries) {
    if (query.change !== 'filter') continue;
    answerMs.push((await service.boardQuery(boardQuery(query))).timing.totalMs);
  }
  const DAY = 86_400_000;
  const brushMs: number[] = [];
  for (let k = 0; k < 30; k++) {
    const brush = { time: options.now - k * 2 * 3_600_000, windowMs: (20 + k / 3) * DAY, resolution: 7 };
    brushMs.push((await service.boardQuery(boardQuery(queries[0], { interactive: true, params: brush }))).timing.totalMs);
  }
  const stepMs: number[] = [];
  for (let k = 0; k < 61; k++) {
    const at = options.now - 20 * DAY + k * 3_600_000;
    stepMs.push((await service.step(boardQuery(queries[0], { params: { time: at, resolution: 7 } }))).timing.totalMs);
  }
  const detailsMs: number[] = [];
  const cell = first.hotspots[0]?.cell;
  for (let k = 0; cell !== undefined && k < 5; k++) {
    const at = performance.now();
    await service.details({ requestId: ++requestId, selection: { kind: 'hotspot', cell }, params: { time: queries[0].time, resolution: 7 }, filters: {}, sort: { key: 'weight', descending: true }, page: 0, pageSize: 50 });
    detailsMs.push(performance.now() - at);
  }
  const brushMedianMs = median(brushMs);
  const playbackMedianMs = median(stepMs.slice(1));
  return {
    loadToFirstAnswerMs: firstAt - startedAt,
    loadMs: loadedAt - startedAt,
    firstAnswerMs: firstAt - loadedAt,
    linksMs,
    workerAnswerMs: median(answerMs),
    workerAnswerRunsMs: answerMs,
    brushAnswersPerSecond: 1000 / brushMedianMs,
    brushMedianMs,
    playbackStepsPerSecond: 1000 / playbackMedianMs,
    playbackMedianMs,
    detailsMs: detailsMs.length > 0 ? median(detailsMs) : Number.NaN,
  };
}

async function measure(events: number, dbName: string, options: EngineMeasureOptions): Promise<EngineSizeResult> {
  const queries = benchQueries(options.now, options.reaggregationRuns);

  // 1. Cold start: open IndexedDB → published chunks → query table → first hotspots.
  const startedAt = performance.now();
  const store = await DexieEventStore.open({ name: dbName });
  const opened = performance.now();
  const published = await store.loadPublishedChunks();
  const loaded = performance.now();
  const table = buildEventTable(
    published.map(({ chunk, mask, maskedRows }) => ({ chunk, mask: maskedRows > 0 ? mask : undefined })),
    { sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS },
  );
  const built = performance.now();
  const first = computeHotspots(table, paramsFor(queries[0]), riskFilters(queries[0]));
  const done = performance.now();
  store.close();
  const cold = {
    openMs: opened - startedAt,
    loadChunksMs: loaded - opened,
    buildTableMs: built - loaded,
    firstHotspotsMs: done - built,
    totalMs: done - startedAt,
    chunks: published.length,
  };

  // The cost of exact coarse cells against the parent derivation they replaced (issue 11).
  const cellLevels = measureCellLevelCost(table);

  // 2. Re-aggregation: warm-ups, then the series (each query changes the filters or T).
  for (let w = 0; w < options.warmups; w++) {
    const query = queries[(w + 1) % queries.length];
    computeHotspots(table, paramsFor(query), riskFilters(query));
  }
  const timingsMs: number[] = [];
  for (const query of queries) {
    const at = performance.now();
    computeHotspots(table, paramsFor(query), riskFilters(query));
    timingsMs.push(performance.now() - at);
  }

  // 3. The board worker's whole answers over the same store.
  let board: BoardWorkerResult | { error: string };
  try {
    board = await measureBoard(dbName, options);
  } catch (error) {
    board = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }

  // 4. DuckDB-WASM on the same events, same browser, same run.
  let duckdb: DuckDbResult | { error: string };
  if (options.duckdbRuns > 0) {
    try {
      duckdb = await duckdbSide(table, queries, timingsMs, cold.totalMs, options);
    } catch (error) {
      duckdb = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  } else {
    duckdb = { error: 'skipped (--no-duckdb)' };
  }

  return {
    events,
    tableCount: table.count,
    cold,
    cellLevels,
    reaggregation: {
      runs: timingsMs.length,
      warmups: options.warmups,
      medianMs: median(timingsMs),
      p95Ms: quantile(timingsMs, 0.95),
      minMs: Math.min(...timingsMs),
      maxMs: Math.max(...timingsMs),
      timingsMs,
    },
    queryBytesPerEvent: queryBytesPerEvent(table),
    tableBytesPerEvent: table.count > 0 ? tableBytes(table) / table.count : Number.NaN,
    hotspotsAtT: first.cells.length,
    board,
    duckdb,
  };
}

const api = { seed, measure, measureBoard };

/** What the page calls through Comlink. */
export type EngineBenchApi = typeof api;

Comlink.expose(api);
