/**
 * Result shapes shared by the bench page, its workers and the Node runner (bench/runBench.ts).
 * Every number is measured inside headless Chromium; times are milliseconds unless named otherwise,
 * `mbPerSec` is MiB (2^20 bytes) per second.
 */
import type { CellLevelCost } from './cellLevelCost.ts';

/** Peak JS heap seen by sampling `performance.memory` in a worker, or why it could not be read. */
export interface HeapSamples {
  available: boolean;
  /** Highest usedJSHeapSize seen, bytes. */
  peakUsedBytes: number | null;
  /** usedJSHeapSize before the measured work started, bytes. */
  startUsedBytes: number | null;
  samples: number;
  note: string;
}

/** A. 1: the fastest plain pass over the file (decode + quote-aware row/field count). */
export interface CeilingResult {
  method: string;
  ms: number;
  bytes: number;
  /** Data rows (header excluded). */
  rows: number;
  fields: number;
  mbPerSec: number;
  rowsPerSec: number;
}

/** A. 2: createFeedParser push/end over the file's byte stream. */
export interface ParseResult {
  ms: number;
  bytes: number;
  rowsIn: number;
  records: number;
  rejections: number;
  warnings: number;
  rowsPerSec: number;
  mbPerSec: number;
}

/** A. 3 and 4: one pass that parses, classifies, converts and stores, each step on its own clock. */
export interface StorePassResult {
  rowsIn: number;
  /** Rows classified accepted/updated, i.e. appended to chunks. */
  placed: number;
  chunks: number;
  parseMs: number;
  classifyMs: number;
  /** EventChunkBuilder.append + build() on the import thread, plus the wait for the chunk's H3 cells. */
  convertMs: number;
  convertRowsPerSec: number;
  /** Part of convertMs spent waiting for the chunk worker (0 when cells were computed in append()). */
  cellsMs: number;
  /** Whether the cells came from the chunk worker. */
  cellsOnWorker: boolean;
  /** Time inside ImportSession.stage() calls. */
  stageMs: number;
  /** Time inside ImportSession.publish(). */
  publishMs: number;
  /** stageMs + publishMs. */
  storageMs: number;
  /** Ceiling: one Dexie bulkAdd of the same StoredChunk objects in one transaction, fresh database. */
  rawDexieMs: number;
  /** storageMs / rawDexieMs. */
  storageOverRaw: number;
  /** Bytes of typed-array columns + hashes written (strings not counted). */
  columnBytes: number;
  /** Bytes of the chunk records as stored (typed arrays, strings), as IndexedDB clones them. */
  storedBytes: number;
  /** The same raw bulkAdd with the records in chunk format 3 (the previous layout). */
  rawFormat3Ms: number;
  /** Bytes of those format-3 records. */
  format3Bytes: number;
}

/** A. 5: importFeedStream exactly as ImportService.importBlob calls it, on a fresh database. */
export interface EndToEndResult {
  ms: number;
  /**
   * From the moment every row was parsed, classified and placed until the import was published:
   * the staged writes still pending plus the publish commit, i.e. the part of storage that parsing
   * did not hide.
   */
  storageAfterParseMs: number;
  rowsIn: number;
  accepted: number;
  rejected: number;
  rowsPerSec: number;
  mbPerSec: number;
  /** Progress callbacks received (the app shows them). */
  progressEvents: number;
  heap: HeapSamples;
}

/** One 'longtask' entry: start relative to the observation start. */
export interface LongTaskEntry {
  atMs: number;
  durationMs: number;
  name: string;
  container: string;
}

/** Long tasks and frames observed on the bench page's main thread. */
export interface MainThreadObservation {
  longTaskSupported: boolean;
  longTasks: number;
  longestTaskMs: number;
  totalLongTaskMs: number;
  /** The five longest, longest first. */
  worstTasks: LongTaskEntry[];
  /** requestAnimationFrame callbacks seen and the largest gap between two, ms. */
  frames: number;
  longestFrameGapMs: number;
  observedMs: number;
}

/** performance.measureUserAgentSpecificMemory() samples taken on the page while work ran. */
export interface UaMemorySamples {
  available: boolean;
  note: string;
  /** Samples that landed while the work ran. */
  samples: number;
  /** Samples that landed only after it (used when none landed during). */
  samplesAfterWork: number;
  /** Largest total over all samples, bytes. */
  peakTotalBytes: number | null;
  /** Largest share attributed to dedicated workers in one sample, bytes. */
  peakWorkerBytes: number | null;
}

/** What the page returns for the end-to-end import run. */
export interface EndToEndPageResult {
  result: EndToEndResult;
  /** Wall time seen by the page: post the File → report back. */
  pageMs: number;
  mainThread: MainThreadObservation;
  uaMemory: UaMemorySamples;
}

/** B: seeding the store of one size through the store (not a measured stage). */
export interface EngineSeedResult {
  events: number;
  generateAndImportMs: number;
  chunks: number;
}

/** One query of the re-aggregation series. */
export interface BenchQuery {
  /** Evaluation instant T, epoch ms. */
  time: number;
  categories: number[] | null;
  severityMin: number | null;
  /** What changed from the previous query. */
  change: 'filter' | 'time';
}

/** DuckDB-WASM side of one size. */
export interface DuckDbResult {
  bundle: string;
  version: string;
  /** Worker creation + instantiate (fetch + compile of the wasm) + connect. */
  instantiateMs: number;
  /** Building the CSV of the precomputed columns in JS. */
  prepareMs: number;
  /** registerFileBuffer + CREATE TABLE … AS SELECT FROM read_csv. */
  ingestMs: number;
  firstQueryMs: number;
  /** instantiate + prepare + ingest + first query: DuckDB's time to a first answer. */
  startMs: number;
  runs: number;
  queryMs: number[];
  medianMs: number;
  p95Ms: number;
  /** Our board query (trend + top-25 breakdowns, far more than the SQL returns) median over the same queries. */
  engineMedianSameQueriesMs: number;
  /** duckdb median / our board query (> 1: we are faster). */
  speedup: number;
  /** Our computeHotspots computing what the SQL computes (ranked scores and counts; no trend, no breakdowns), median. */
  engineSameResultMedianMs: number;
  /** duckdb median / ours for the same result: the like-for-like ratio the target applies to. */
  sameResultSpeedup: number;
  /** duckdb start / our cold start. */
  startRatio: number;
  check: {
    queries: number;
    cellsMatch: number;
    scoresMatch: number;
    maxRelativeScoreDiff: number;
    firstMismatch: string | null;
  };
  sql: string;
}

/** B: one size of the engine bench. */
export interface EngineSizeResult {
  events: number;
  tableCount: number;
  cold: { openMs: number; loadChunksMs: number; buildTableMs: number; firstHotspotsMs: number; totalMs: number; chunks: number };
  /** Per coarse resolution: ms to give every row its exact cell, and by the former parent derivation. */
  cellLevels: CellLevelCost[];
  reaggregation: { runs: number; warmups: number; medianMs: number; p95Ms: number; minMs: number; maxMs: number; timingsMs: number[] };
  queryBytesPerEvent: number;
  /** All typed arrays of the table (incl. chunkRow and cell dictionaries) / events. */
  tableBytesPerEvent: number;
  hotspotsAtT: number;
  /** The board worker's whole answer (BoardDataService over the same store), or why it failed. */
  board: BoardWorkerResult | { error: string };
  duckdb: DuckDbResult | { error: string };
}

/**
 * The board worker's side of the board numbers (issue 13): BoardDataService in a fresh worker over
 * the same store, every answer timed inside the worker (no transfer, no main thread). The app-side
 * end-to-end numbers (filter click → layers updated, …) are measured through the real app.
 */
export interface BoardWorkerResult {
  /** load({ snapshot: false }) → the first boardQuery's answer (links still pending), ms. */
  loadToFirstAnswerMs: number;
  loadMs: number;
  firstAnswerMs: number;
  /** Indexing the cross-border links once, right after the first answer, ms. */
  linksMs: number;
  /** Whole answers to filter changes (every field, links included): median and every run, ms. */
  workerAnswerMs: number;
  workerAnswerRunsMs: number[];
  /** Interactive answers while the window is dragged: answers per second (1000 / median). */
  brushAnswersPerSecond: number;
  brushMedianMs: number;
  /** Playback steps of T (one hour each): steps per second (1000 / median). */
  playbackStepsPerSecond: number;
  playbackMedianMs: number;
  /** Details of the top hotspot (first page of 50 by weight), median ms. */
  detailsMs: number;
}
