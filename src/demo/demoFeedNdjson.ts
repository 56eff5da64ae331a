import type { FeedRecord } from '../domain/FeedRecord.ts';
import { checkRowsPerChunk, type DemoFeedChunkOptions } from './demoFeedCsv.ts';
import { demoFeedRow } from './demoFeedRow.ts';

/**
 * Feed NDJSON text of `records` (single records or batches): one JSON object per line with the
 * feed columns (times as ISO-8601 `+08:00`, `links` as an array, nulls kept), LF line ends,
 * yielded lazily in chunks of whole lines.
 */
export function* demoFeedNdjson(
  records: Iterable<FeedRecord | readonly FeedRecord[]>,
  options: DemoFeedChunkOptions = {},
): Generator<string, void, undefined> {
  const rowsPerChunk = checkRowsPerChunk(options.rowsPerChunk);
  let lines: string[] = [];
  for (const item of records) {
    const batch: readonly FeedRecord[] = Array.isArray(item) ? item : [item as FeedRecord];
    for (const record of batch) {
      lines.push(JSON.stringify(demoFeedRow(record)) + '\n');
      if (lines.length === rowsPerChunk) {
        yield lines.join('');
        lines = [];
      }
    }
  }
  if (lines.length > 0) yield lines.join('');
}
