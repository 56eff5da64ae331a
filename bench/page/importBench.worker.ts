/**
 * Import-side measurements (bench part A), run in a dedicated worker like the app's import worker.
 * Each function reads the File handed over by the page through its byte stream; everything past
 * the ceilings runs the app's own modules from ../../src.
 */
import * as Comlink from 'comlink';
import { Dexie } from 'dexie';
import { initParser, inferSchema, type Parser } from 'udsv';
import type { FeedRecord } from '../../src/domain/FeedRecord.ts';
import type { ImportReport, RowRejection, RowWarning } from '../../src/domain/ImportReport.ts';
import { DEFAULT_CHUNK_ROWS, EventChunkBuilder } from '../../src/events/EventChunkBuilder.ts';
import type { EventChunk } from '../../src/events/EventChunk.ts';
import { applyCells } from '../../src/events/CellResolver.ts';
import { createFeedParser, detectFeedFormat, type FeedBatch, type FeedFormat } from '../../src/feeds/index.ts';
import { locateReference } from '../../src/geo/locateReference.ts';
import type { FeedImportProgress } from '../../src/importing/FeedImportProgress.ts';
import { importFeedStream } from '../../src/importing/importFeedStream.ts';
import { restoreEventChunk, storeAsFormat3 } from '../../src/events/StoredEventChunk.ts';
import { ChunkStagingQueue } from '../../src/store/ChunkStagingQueue.ts';
import { DexieEventStore } from '../../src/store/index.ts';
import { connectChunkWorker } from '../../workers/connectChunkWorker.ts';
import type { CeilingResult, EndToEndResult, ParseResult, StorePassResult } from './benchTypes.ts';
import { HeapSampler } from './heapSampler.ts';
import { perSecond } from './stats.ts';

const MB = 1024 * 1024;

/** The first non-empty chunk of a stream (as importFeedStream reads it), or null. */
async function firstChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array | null> {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return null;
    if (value.byteLength > 0) return value;
  }
}

/**
 * Ceiling 1: decode the bytes (non-fatal TextDecoder) and count rows and fields with one tight,
 * quote-aware loop over the characters. No strings are cut, nothing is validated.
 */
async function scanCeiling(file: File): Promise<CeilingResult> {
  const startedAt = performance.now();
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let lines = 0;
  let separators = 0;
  let quoted = false;
  for (;;) {
    const { done, value } = await reader.read();
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (!quoted) {
        if (c === 44) separators++;
        else if (c === 10) lines++;
      }
    }
    if (done) break;
  }
  const ms = performance.now() - startedAt;
  const rows = Math.max(0, lines - 1);
  return {
    method: 'TextDecoder + quote-aware charCodeAt loop',
    ms,
    bytes: file.size,
    rows,
    fields: separators + lines,
    mbPerSec: perSecond(file.size / MB, ms),
    rowsPerSec: perSecond(rows, ms),
  };
}

/** Ceiling 2: uDSV's incremental parser producing string tuples, one callback per row. */
async function udsvCeiling(file: File): Promise<CeilingResult> {
  const startedAt = performance.now();
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let parser: Parser | null = null;
  let rows = 0;
  let fields = 0;
  const onRow = (row: string[]) => {
    rows++;
    fields += row.length;
  };
  for (;;) {
    const { done, value } = await reader.read();
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
    if (text.length > 0) {
      parser ??= initParser(inferSchema(text));
      parser.chunk<string[]>(text, parser.stringArrs, onRow);
    }
    if (done) break;
  }
  parser?.end();
  const ms = performance.now() - startedAt;
  return {
    method: 'uDSV stringArrs (incremental)',
    ms,
    bytes: file.size,
    rows,
    fields,
    mbPerSec: perSecond(file.size / MB, ms),
    rowsPerSec: perSecond(rows, ms),
  };
}

/** A. 2: createFeedParser push/end over the byte stream; records are counted and dropped. */
async function parseOnly(file: File): Promise<ParseResult> {
  const startedAt = performance.now();
  const reader = file.stream().getReader();
  const first = await firstChunk(reader);
  if (!first) throw new Error(`${file.name} is empty`);
  const parser = createFeedParser({ format: detectFeedFormat(file.name, first), locateReference });
  let rowsIn = 0;
  let records = 0;
  let rejections = 0;
  let warnings = 0;
  const count = (batch: FeedBatch) => {
    rowsIn += batch.rowsIn;
    records += batch.records.length;
    rejections += batch.rejections.length;
    warnings += batch.warnings.length;
  };
  count(parser.push(first));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    count(parser.push(value));
  }
  count(parser.end());
  const ms = performance.now() - startedAt;
  return { ms, bytes: file.size, rowsIn, records, rejections, warnings, rowsPerSec: perSecond(rowsIn, ms), mbPerSec: perSecond(file.size / MB, ms) };
}

function columnBytes(chunk: EventChunk): number {
  let bytes = 0;
  for (const column of Object.values(chunk.columns)) bytes += (column as ArrayBufferView).byteLength;
  return bytes;
}

/**
 * Bytes of a value as IndexedDB clones it, near enough: typed arrays by length, strings at one
 * byte per character when every character fits Latin-1, else two.
 */
function clonedBytes(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') {
    for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return 2 * value.length;
    return value.length;
  }
  if (typeof value === 'object' && value !== null) {
    let bytes = 0;
    for (const child of Object.values(value)) bytes += clonedBytes(child);
    return bytes;
  }
  return 8;
}

/** Time of one Dexie bulkAdd of `records` in one transaction into a fresh database `name`. */
async function timeRawBulkAdd(name: string, records: unknown[]): Promise<number> {
  const raw = new Dexie(name);
  raw.version(1).stores({ chunks: 'id' });
  await raw.open();
  const table = raw.table('chunks');
  const at = performance.now();
  await raw.transaction('rw', table, () => table.bulkAdd(records));
  const ms = performance.now() - at;
  raw.close();
  await Dexie.delete(name);
  return ms;
}

/**
 * A. 3 + 4: the steps of importRecords() driven by hand, each on its own clock: parse (push/end),
 * classify, convert (EventChunkBuilder append + build on this thread, then the wait for the chunk's
 * H3 cells from the chunk worker, as the import worker gets them), then storage — every converted
 * chunk staged through the import's own ChunkStagingQueue (its writes overlapping as in an import)
 * and the publish commit — one after the other, where importRecords overlaps staging and cells
 * with parsing. Then the storage ceiling: the stored chunk records, read back, written again with
 * one Dexie bulkAdd in one transaction into a fresh database.
 */
async function storePass(file: File, dbName: string): Promise<StorePassResult> {
  const chunkWorker = connectChunkWorker();
  const store = await DexieEventStore.open({ name: dbName, stagedWriter: chunkWorker?.stagedWriter(dbName) });
  const reader = file.stream().getReader();
  const first = await firstChunk(reader);
  if (!first) throw new Error(`${file.name} is empty`);
  const format: FeedFormat = detectFeedFormat(file.name, first);
  const parser = createFeedParser({ format, locateReference });
  const meta = { feedName: file.name, source: null, format };
  const startedAt = Date.now();
  const session = await store.beginImport(meta, { chunkRows: DEFAULT_CHUNK_ROWS });
  const rejections: RowRejection[] = [];
  const warnings: RowWarning[] = [];
  let rowsIn = 0;
  let placed = 0;
  let chunks = 0;
  let bytes = 0;
  let parseMs = 0;
  let classifyMs = 0;
  let convertMs = 0;
  let cellsMs = 0;
  let stageMs: number;
  const newBuilder = () => new EventChunkBuilder(DEFAULT_CHUNK_ROWS, { deferCells: chunkWorker !== null });
  let builder = newBuilder();

  /** Fills a chunk's cells from the chunk worker (when there is one) and returns the time waited. */
  const resolveCells = async (chunk: EventChunk): Promise<number> => {
    if (!chunkWorker) return 0;
    const at = performance.now();
    applyCells(chunk, await chunkWorker.resolver.resolve(chunk.columns.lon, chunk.columns.lat));
    const spent = performance.now() - at;
    cellsMs += spent;
    return spent;
  };

  // Converted chunks wait here; storage then runs on its own clock, every chunk ready.
  const converted: EventChunk[] = [];
  const keep = (chunk: EventChunk) => {
    bytes += columnBytes(chunk) + chunk.meta.count * 8;
    converted.push(chunk);
    chunks++;
  };

  const consume = async (batch: FeedBatch): Promise<void> => {
    rowsIn += batch.rowsIn;
    for (const rejection of batch.rejections) rejections.push(rejection);
    for (const warning of batch.warnings) warnings.push(warning);
    let at = performance.now();
    const outcomes = session.classify(batch.records);
    classifyMs += performance.now() - at;
    at = performance.now();
    const records: FeedRecord[] = batch.records;
    for (let i = 0; i < outcomes.length; i++) {
      const outcome = outcomes[i];
      if (outcome !== 'accepted' && outcome !== 'updated') continue;
      builder.append(records[i]);
      placed++;
      if (builder.isFull) {
        const chunk = builder.build();
        builder = newBuilder();
        await resolveCells(chunk);
        keep(chunk);
      }
    }
    convertMs += performance.now() - at;
  };

  try {
    let at = performance.now();
    let batch = parser.push(first);
    parseMs += performance.now() - at;
    await consume(batch);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      at = performance.now();
      batch = parser.push(value);
      parseMs += performance.now() - at;
      await consume(batch);
    }
    at = performance.now();
    batch = parser.end();
    parseMs += performance.now() - at;
    await consume(batch);
    if (builder.size > 0) {
      at = performance.now();
      const chunk = builder.build();
      await resolveCells(chunk);
      convertMs += performance.now() - at;
      keep(chunk);
    }
    // Storage: the chunks through the import's own staging queue (writes overlapping as in an
    // import), then the publish commit.
    at = performance.now();
    const queue = new ChunkStagingQueue(session, null);
    for (const chunk of converted.splice(0)) await queue.add(chunk);
    await queue.drain();
    stageMs = performance.now() - at;
    const report: ImportReport = {
      importId: session.importId,
      feedName: meta.feedName,
      source: null,
      format,
      startedAt,
      finishedAt: Date.now(),
      counts: { rowsIn, ...session.counts, rejected: rejections.length, warnings: warnings.length },
      rejections,
      warnings,
    };
    at = performance.now();
    await session.publish(report);
    const publishMs = performance.now() - at;

    // Ceiling: the very records the store holds, bulk-written in one transaction to a fresh database.
    const records = await store.db.chunks.toArray();
    const storedBytes = clonedBytes(records);
    store.close();
    // The same rows in the previous layout (format 3), for the layout's share of the write time.
    const format3 = records.map((record) => ({ ...record, chunk: storeAsFormat3(restoreEventChunk(record.chunk)) }));
    const format3Bytes = clonedBytes(format3);
    // Each written twice, in the order 4, 3, 3, 4, so that neither gains from going first or last.
    let rawDexieMs = await timeRawBulkAdd(`${dbName}-raw`, records);
    let rawFormat3Ms = await timeRawBulkAdd(`${dbName}-raw3`, format3);
    rawFormat3Ms = (rawFormat3Ms + (await timeRawBulkAdd(`${dbName}-raw3`, format3))) / 2;
    rawDexieMs = (rawDexieMs + (await timeRawBulkAdd(`${dbName}-raw`, records))) / 2;

    const storageMs = stageMs + publishMs;
    return {
      rowsIn,
      placed,
      chunks,
      parseMs,
      classifyMs,
      convertMs,
      convertRowsPerSec: perSecond(placed, convertMs),
      cellsMs,
      cellsOnWorker: chunkWorker !== null,
      stageMs,
      publishMs,
      storageMs,
      rawDexieMs,
      storageOverRaw: storageMs / rawDexieMs,
      columnBytes: bytes,
      storedBytes,
      rawFormat3Ms,
      format3Bytes,
    };
  } catch (error) {
    await session.abort(error instanceof Error ? error.message : String(error));
    throw error;
  } finally {
    chunkWorker?.close();
  }
}

/** A. 5: the app's import path — importFeedStream with the arguments ImportService.importBlob passes. */
async function endToEnd(file: File, dbName: string, onProgress?: (progress: FeedImportProgress) => void): Promise<EndToEndResult> {
  const chunkWorker = connectChunkWorker();
  const store = await DexieEventStore.open({ name: dbName, stagedWriter: chunkWorker?.stagedWriter(dbName) });
  // The app starts its chunk worker with the import worker, long before an import: let it load first.
  await chunkWorker?.resolver.resolve(Float64Array.of(114.1), Float64Array.of(22.3));
  const heap = new HeapSampler();
  const controller = new AbortController();
  let progressEvents = 0;
  let parsedAt = Number.NaN;
  heap.begin();
  try {
    const startedAt = performance.now();
    const report = await importFeedStream(store, {
      feedName: file.name,
      stream: file.stream(),
      totalBytes: file.size,
      settings: {},
      signal: controller.signal,
      cells: chunkWorker?.resolver,
      onProgress: (progress) => {
        progressEvents++;
        // Sent once every row is parsed, classified and placed: what remains is storage.
        if (progress.phase === 'publishing') parsedAt = performance.now();
        heap.sample();
        void onProgress?.(progress);
      },
    });
    const finishedAt = performance.now();
    const ms = finishedAt - startedAt;
    return {
      ms,
      storageAfterParseMs: finishedAt - parsedAt,
      rowsIn: report.counts.rowsIn,
      accepted: report.counts.accepted,
      rejected: report.counts.rejected,
      rowsPerSec: perSecond(report.counts.rowsIn, ms),
      mbPerSec: perSecond(file.size / MB, ms),
      progressEvents,
      heap: heap.end(),
    };
  } finally {
    chunkWorker?.close();
    store.close();
  }
}

const api = {
  ping: async () => true,
  ceiling: (file: File, method: 'scan' | 'udsv') => (method === 'scan' ? scanCeiling(file) : udsvCeiling(file)),
  parse: parseOnly,
  storePass,
  endToEnd,
};

/** What the page calls through Comlink. */
export type ImportBenchApi = typeof api;

Comlink.expose(api);
