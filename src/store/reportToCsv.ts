import { csvText } from '../csv/csvText.ts';
import type { CsvCell } from '../csv/csvField.ts';
import type { ImportCounts, ImportReport, RowLocation } from '../domain/ImportReport.ts';

/** Options of reportToCsv(). */
export interface ReportCsvOptions {
  /** Prefix a UTF-8 byte-order mark, which Excel needs to read Chinese text correctly. */
  bom?: boolean;
}

const HEADER = ['type', 'location', 'field', 'message', 'original'];
const COUNT_NAMES: (keyof ImportCounts)[] = ['rowsIn', 'accepted', 'updated', 'unchanged', 'stale', 'rejected', 'warnings'];

function locationText(location: RowLocation): string {
  return 'line' in location ? `line ${location.line}` : `feature ${location.feature}`;
}

/**
 * An import report as one rectangular CSV table, written by the app's one CSV writer (csvText:
 * RFC 4180, CRLF line ends), so any spreadsheet or CSV reader opens it without special cases.
 * Columns: `type,location,field,message,original`. Rows, in order:
 * - `import` rows: field = importId, feedName, source, format, startedAt, finishedAt (ISO 8601);
 *   the value in `message`;
 * - `count` rows: field = rowsIn, accepted, updated, unchanged, stale, rejected, warnings; the
 *   number in `message`;
 * - one `rejection` row per rejected row: location (`line 12` or `feature 3`), field, reason in
 *   `message`, empty `original`;
 * - one `warning` row per warning: location, field, message, original value.
 * Text that a spreadsheet could run as a formula (a file name, a reason quoting a feed value, an
 * original value beginning with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'` (see
 * neutraliseFormula); everything else is written verbatim.
 */
export function reportToCsv(report: ImportReport, options: ReportCsvOptions = {}): string {
  const rows: CsvCell[][] = [
    ['import', '', 'importId', report.importId, ''],
    ['import', '', 'feedName', report.feedName, ''],
    ['import', '', 'source', report.source ?? '', ''],
    ['import', '', 'format', report.format, ''],
    ['import', '', 'startedAt', new Date(report.startedAt).toISOString(), ''],
    ['import', '', 'finishedAt', new Date(report.finishedAt).toISOString(), ''],
  ];
  for (const name of COUNT_NAMES) rows.push(['count', '', name, report.counts[name], '']);
  for (const rejection of report.rejections) {
    rows.push(['rejection', locationText(rejection.location), rejection.field, rejection.reason, '']);
  }
  for (const warning of report.warnings) {
    rows.push(['warning', locationText(warning.location), warning.field, warning.message, warning.original]);
  }
  return csvText({ header: HEADER, rows }, { bom: options.bom === true });
}
