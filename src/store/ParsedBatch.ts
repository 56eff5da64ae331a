import type { FeedRecord } from '../domain/FeedRecord.ts';
import type { RowRejection, RowWarning } from '../domain/ImportReport.ts';

/**
 * One batch of rows from a parser, as importRecords() consumes it. Every input row of the batch
 * is either a record or a rejection, so `rowsIn === records.length + rejections.length`.
 */
export interface ParsedBatch {
  records: FeedRecord[];
  rejections: RowRejection[];
  warnings: RowWarning[];
  /** Input rows this batch covers. */
  rowsIn: number;
}
