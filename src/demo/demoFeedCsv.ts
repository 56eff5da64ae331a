import type { FeedRecord } from '../domain/FeedRecord.ts';
import { demoCurrencyOfSource } from './demoCurrencies.ts';
import { DEMO_FEED_COLUMNS, demoFeedValue, formatDegrees, formatFeedTime } from './demoFeedRow.ts';

/** Chunking of the demo feed writers. */
export interface DemoFeedChunkOptions {
  /** Rows per yielded chunk; default 1,000 (about 200 kB of text; larger chunks cost more in garbage collection). */
  rowsPerChunk?: number;
}

const DEFAULT_ROWS_PER_CHUNK = 1_000;
const CSV_LINE_END = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field per RFC 4180: quoted, with quotes doubled, only when it holds `"`, `,`, CR or LF. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Feed CSV text of `records` (single records or batches of them, e.g. from demoEventBatches), as
 * a lazy sequence of string chunks: the header line first, then rows. RFC 4180 quoting, CRLF line
 * ends, empty fields for nulls, `links` joined with `;`, times as ISO-8601 with `+08:00`, degrees
 * with six decimals, value and currency as demoFeedValue gives them. Concatenated, the chunks are
 * the file.
 */
export function* demoFeedCsv(
  records: Iterable<FeedRecord | readonly FeedRecord[]>,
  options: DemoFeedChunkOptions = {},
): Generator<string, void, undefined> {
  const rowsPerChunk = checkRowsPerChunk(options.rowsPerChunk);
  // Lines are joined once per chunk: cheaper than growing one string row by row.
  let lines: string[] = [DEMO_FEED_COLUMNS.join(',') + CSV_LINE_END];
  let rows = 0;
  for (const item of records) {
    const batch: readonly FeedRecord[] = Array.isArray(item) ? item : [item as FeedRecord];
    for (const record of batch) {
      lines.push(csvLine(record));
      if (++rows === rowsPerChunk) {
        yield lines.join('');
        lines = [];
        rows = 0;
      }
    }
  }
  if (lines.length > 0) yield lines.join('');
}

/** One CSV line. Vocabulary fields (category, kind, grading, mode, currency) never need quotes. */
function csvLine(record: FeedRecord): string {
  const value = demoFeedValue(record);
  return (
    csvField(record.id) +
    ',' +
    csvField(record.source) +
    ',' +
    formatFeedTime(record.time) +
    ',' +
    formatDegrees(record.lon) +
    ',' +
    formatDegrees(record.lat) +
    ',' +
    record.category +
    ',' +
    record.kind +
    ',' +
    record.severity +
    ',' +
    (record.grading ?? '') +
    ',' +
    (value === null ? ',' : `${value},${demoCurrencyOfSource(record.source)}`) +
    ',' +
    (record.mode ?? '') +
    ',' +
    csvField(record.site ?? '') +
    ',' +
    csvField(record.channel ?? '') +
    ',' +
    csvField(record.links.join(';')) +
    ',' +
    csvField(record.description) +
    ',' +
    formatFeedTime(record.updated) +
    CSV_LINE_END
  );
}

/** Validates the chunk size shared by the demo feed writers. */
export function checkRowsPerChunk(rowsPerChunk: number = DEFAULT_ROWS_PER_CHUNK): number {
  if (!Number.isInteger(rowsPerChunk) || rowsPerChunk < 1) {
    throw new RangeError(`rowsPerChunk must be a positive integer, got ${rowsPerChunk}`);
  }
  return rowsPerChunk;
}
