import type { ParsedBatch } from '../store/ParsedBatch.ts';
import { chunkRecords } from './chunkRecords.ts';
import type { BundleContents } from './readBundle.ts';

/**
 * The events of a verified bundle as the batches importRecords() takes, one per chunk: the same
 * records the maker's store held (FeedRecords, handling codes included), which the importing
 * store then classifies by the same upsert rules as any feed (new, updated, unchanged, stale).
 */
export function* bundleRecordsFor(contents: Pick<BundleContents, 'chunks'>): Generator<ParsedBatch> {
  for (const chunk of contents.chunks) {
    const records = chunkRecords(chunk);
    yield { records, rejections: [], warnings: [], rowsIn: records.length };
  }
}
