import type { ImportReport } from '../domain/ImportReport.ts';
import type { CellResolver } from '../events/CellResolver.ts';
import { createFeedParser } from '../feeds/createFeedParser.ts';
import { detectFeedFormat } from '../feeds/detectFeedFormat.ts';
import type { FeedBatch } from '../feeds/FeedBatch.ts';
import type { FeedFormat, FeedParserOptions } from '../feeds/FeedParserOptions.ts';
import { FeedReadError } from '../feeds/FeedReadError.ts';
import { locateReference } from '../geo/locateReference.ts';
import type { EventStore } from '../store/EventStore.ts';
import { importRecords } from '../store/importRecords.ts';
import { yieldToEventLoop } from '../scheduling/yieldToEventLoop.ts';
import type { FeedImportProgress } from './FeedImportProgress.ts';

/** Longest stretch of parsing between two yields to the event loop. */
const YIELD_INTERVAL_MS = 20;

/** Feed-level settings a user may give for a file or URL. */
export type FeedImportSettings = Pick<FeedParserOptions, 'feedSource' | 'feedCrs' | 'feedCurrency' | 'rates'>;

/** One stream to import. */
export interface FeedImportRequest {
  /** File name or URL: named in the report, and its extension helps detect the format. */
  feedName: string;
  stream: ReadableStream<Uint8Array>;
  /** Size in bytes when known, for the progress bar. */
  totalBytes?: number;
  settings?: FeedImportSettings;
  signal?: AbortSignal;
  onProgress?: (progress: FeedImportProgress) => void;
  /** Minimum milliseconds between progress callbacks. */
  progressIntervalMs?: number;
  now?: () => number;
  /** Computes the chunks' H3 cells, e.g. on the chunk worker; by default the import thread does. */
  cells?: CellResolver;
  /** Lets other tasks of this thread run, about every 20 ms of parsing; yieldToEventLoop by default. */
  pause?: () => Promise<void>;
}

/**
 * Streams a feed into a store: detects the format from the name and first bytes, parses chunk
 * by chunk (never the whole file as objects) and imports atomically. A file that cannot be read
 * at all rejects with FeedReadError and writes nothing.
 */
export async function importFeedStream(store: EventStore, request: FeedImportRequest): Promise<ImportReport> {
  const now = request.now ?? (() => performance.now());
  // Shown at once: the first bytes (a download) or the store's first answer may take a while.
  request.onProgress?.({ feedName: request.feedName, bytesRead: 0, totalBytes: request.totalBytes ?? 0, rows: 0, rowsPerSecond: 0, phase: 'reading' });
  const reader = request.stream.getReader();
  const first = await readNonEmpty(reader);
  if (!first) throw new FeedReadError('empty', `${request.feedName} is empty: there is nothing to import.`);
  const format: FeedFormat = detectFeedFormat(request.feedName, first);
  const parser = createFeedParser({ format, locateReference, ...request.settings });
  const startedAt = now();
  const interval = request.progressIntervalMs ?? 100;
  let lastProgressAt = -Infinity;
  let bytesRead = 0;
  let rows = 0;
  const report = (phase: FeedImportProgress['phase'], force = false) => {
    const at = now();
    if (!request.onProgress || (!force && at - lastProgressAt < interval)) return;
    lastProgressAt = at;
    const seconds = Math.max((at - startedAt) / 1000, 1e-3);
    request.onProgress({
      feedName: request.feedName,
      bytesRead,
      totalBytes: request.totalBytes ?? 0,
      rows,
      rowsPerSecond: rows / seconds,
      phase,
    });
  };

  const pause = request.pause ?? yieldToEventLoop;
  let lastYieldAt = now();
  async function* batches(): AsyncGenerator<FeedBatch> {
    let chunk: Uint8Array | undefined = first!;
    try {
      while (chunk) {
        bytesRead += chunk.byteLength;
        const batch = parser.push(chunk);
        rows += batch.rowsIn;
        report('reading');
        yield batch;
        request.signal?.throwIfAborted();
        // A file's stream hands over buffered chunks in microtasks; without a real task now and
        // then, replies from the chunk worker (cells, staged writes) wait for the buffer to run dry.
        if (now() - lastYieldAt >= YIELD_INTERVAL_MS) {
          await pause();
          lastYieldAt = now();
        }
        const next = await reader.read();
        chunk = next.done ? undefined : next.value;
      }
      const last = parser.end();
      rows += last.rowsIn;
      yield last;
      report('publishing', true);
    } finally {
      reader.releaseLock();
    }
  }

  const meta = { feedName: request.feedName, source: request.settings?.feedSource ?? null, format };
  try {
    return await importRecords(store, meta, batches(), { signal: request.signal, cells: request.cells });
  } catch (error) {
    await request.stream.cancel().catch(() => undefined);
    throw error;
  }
}

async function readNonEmpty(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array | null> {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return null;
    if (value.byteLength > 0) return value;
  }
}
