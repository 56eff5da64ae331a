import type { FeedRecord } from '../domain/FeedRecord.ts';
import type { RowRejection, RowWarning } from '../domain/ImportReport.ts';

/**
 * What a parser yields for the rows completed by one chunk (or by the end of the file).
 * Every row counted in `rowsIn` is exactly one record or one rejection; warnings are extra.
 */
export interface FeedBatch {
  records: FeedRecord[];
  rejections: RowRejection[];
  warnings: RowWarning[];
  rowsIn: number;
}

/** A fresh, empty batch. */
export function emptyBatch(): FeedBatch {
  return { records: [], rejections: [], warnings: [], rowsIn: 0 };
}

/** Appends `from` to `into` (in order) and returns `into`. */
export function appendBatch(into: FeedBatch, from: FeedBatch): FeedBatch {
  for (const r of from.records) into.records.push(r);
  for (const r of from.rejections) into.rejections.push(r);
  for (const w of from.warnings) into.warnings.push(w);
  into.rowsIn += from.rowsIn;
  return into;
}
