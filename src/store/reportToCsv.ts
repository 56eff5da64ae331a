import type { ImportCounts, ImportReport, RowLocation } from '../domain/ImportReport.ts';

/** Options of reportToCsv(). */
export interface ReportCsvOptions {
  /** Prefix a UTF-8 byte-order mark, which Excel needs to read Chinese text correctly. */
  bom?: boolean;
}

const HEADER = ['type', 'location', 'field', 'message', 'original'];
const COUNT_NAMES: (keyof ImportCounts)[] = ['rowsIn', 'accepted', 'updated', 'unchanged', 'stale', 'rejected', 'warnings'];

/** One RFC 4180 field: quoted, with quotes doubled, when it holds a comma, quote, CR or LF. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function locationText(location: RowLocation): string {
  return 'line' in location ? `line ${location.line}` : `feature ${location.feature}`;
}

/**
 * An import report as one rectangular CSV table (RFC 4180: CRLF line ends, quoting only where
 * needed), so any spreadsheet or CSV reader opens it without special cases. Columns:
 * `type,location,field,message,original`. Rows, in order:
 * - `import` rows: field = importId, feedName, source, format, startedAt, finishedAt (ISO 8601);
 *   the value in `message`;
 * - `count` rows: field = rowsIn, accepted, updated, unchanged, stale, rejected, warnings; the
 *   number in `message`;
 * - one `rejection` row per rejected row: location (`line 12` or `feature 3`), field, reason in
 *   `message`, empty `original`;
 * - one `warning` row per warning: location, field, message, original value.
 * Values are written verbatim (no spreadsheet-formula escaping), so the file round-trips exactly.
 */
export function reportToCsv(report: ImportReport, options: ReportCsvOptions = {}): string {
  const rows: string[][] = [HEADER];
  const meta: [string, string][] = [
    ['importId', report.importId],
    ['feedName', report.feedName],
    ['source', report.source ?? ''],
    ['format', report.format],
    ['startedAt', new Date(report.startedAt).toISOString()],
    ['finishedAt', new Date(report.finishedAt).toISOString()],
  ];
  for (const [field, value] of meta) rows.push(['import', '', field, value, '']);
  for (const name of COUNT_NAMES) rows.push(['count', '', name, String(report.counts[name]), '']);
  for (const rejection of report.rejections) {
    rows.push(['rejection', locationText(rejection.location), rejection.field, rejection.reason, '']);
  }
  for (const warning of report.warnings) {
    rows.push(['warning', locationText(warning.location), warning.field, warning.message, warning.original]);
  }
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  return options.bom ? `\uFEFF${body}` : body;
}
