import type { ImportCounts, ImportReport, RowRejection, RowWarning } from '../domain/ImportReport.ts';
import type { CellResolver } from '../events/CellResolver.ts';
import { DEFAULT_CHUNK_ROWS, EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { ChunkStagingQueue } from './ChunkStagingQueue.ts';
import type { EventStore } from './EventStore.ts';
import type { ImportMeta } from './ImportSession.ts';
import type { ParsedBatch } from './ParsedBatch.ts';

/** Options of importRecords(). */
export interface ImportRecordsOptions {
  /** Cancels the import; the store is left exactly as before and the promise rejects with the reason. */
  signal?: AbortSignal;
  /** Rows per chunk (default DEFAULT_CHUNK_ROWS). */
  chunkRows?: number;
  /** Clock for the report's times (default Date.now). */
  now?: () => number;
  /**
   * Computes each chunk's H3 cells, e.g. on the chunk worker while this thread parses on. Without
   * it the chunk builder computes them in this thread as rows are appended.
   */
  cells?: CellResolver;
}

/**
 * Imports one file's parsed batches into a store atomically and returns its report: each batch is
 * classified against the store (accepted / updated / unchanged / stale), accepted and updated
 * records are packed into chunks and staged as chunks fill (in the background, see
 * ChunkStagingQueue, while the next batches are classified), and the import is published in one
 * final commit. On any error or cancellation nothing of the import becomes visible.
 *
 * The report's counts add up: rowsIn = accepted + updated + unchanged + stale + rejected. A batch
 * whose rowsIn disagrees with its records plus rejections is a parser bug and fails the import.
 */
export async function importRecords(
  store: EventStore,
  feedMeta: ImportMeta,
  batches: AsyncIterable<ParsedBatch> | Iterable<ParsedBatch>,
  options: ImportRecordsOptions = {},
): Promise<ImportReport> {
  const { signal } = options;
  const now = options.now ?? Date.now;
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  signal?.throwIfAborted();
  const startedAt = now();
  const session = await store.beginImport(feedMeta, { chunkRows });
  const cells = options.cells ?? null;
  const queue = new ChunkStagingQueue(session, cells);
  const newBuilder = () => new EventChunkBuilder(chunkRows, { deferCells: cells !== null });
  const rejections: RowRejection[] = [];
  const warnings: RowWarning[] = [];
  let rowsIn = 0;
  try {
    let builder = newBuilder();
    for await (const batch of batches) {
      signal?.throwIfAborted();
      if (batch.rowsIn !== batch.records.length + batch.rejections.length) {
        throw new Error(
          `Parser batch claims ${batch.rowsIn} rows but holds ${batch.records.length} records and ${batch.rejections.length} rejections`,
        );
      }
      rowsIn += batch.rowsIn;
      // Loops rather than push(...spread): a spread of a huge batch can overflow the call stack.
      for (const rejection of batch.rejections) rejections.push(rejection);
      for (const warning of batch.warnings) warnings.push(warning);
      const outcomes = session.classify(batch.records);
      for (let i = 0; i < outcomes.length; i++) {
        const outcome = outcomes[i];
        if (outcome !== 'accepted' && outcome !== 'updated') continue;
        builder.append(batch.records[i]);
        if (builder.isFull) {
          await queue.add(builder.build());
          builder = newBuilder();
          signal?.throwIfAborted();
        }
      }
    }
    if (builder.size > 0) await queue.add(builder.build());
    await queue.drain();
    signal?.throwIfAborted();
    const counts: ImportCounts = { rowsIn, ...session.counts, rejected: rejections.length, warnings: warnings.length };
    const report: ImportReport = {
      importId: session.importId,
      feedName: feedMeta.feedName,
      source: feedMeta.source,
      format: feedMeta.format,
      startedAt,
      finishedAt: now(),
      counts,
      rejections,
      warnings,
    };
    await session.publish(report);
    return report;
  } catch (caught) {
    // A failed stage() ends the session, after which classify() fails too: report the cause.
    const stageFailure = await queue.stop();
    const error = stageFailure ?? caught;
    const cancelled = signal?.aborted === true && error === signal.reason;
    await session.abort(cancelled ? undefined : error instanceof Error ? error.message : String(error));
    throw error;
  }
}
