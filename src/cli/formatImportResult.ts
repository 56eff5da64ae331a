import type { ImportCounts, RowLocation } from '../domain/ImportReport.ts';
import { escapeControlCharacters } from './escapeControlCharacters.ts';
import { formatTable } from './formatTable.ts';
import type { BundleFileSummary, FileImportResult, FileReadFailure } from './importFilesToMemory.ts';
import { formatFingerprint } from '../bundle/signingKeys.ts';

const COUNT_COLUMNS: readonly [keyof ImportCounts, string][] = [
  ['rowsIn', 'rows in'],
  ['accepted', 'accepted'],
  ['updated', 'updated'],
  ['unchanged', 'unchanged'],
  ['stale', 'stale'],
  ['rejected', 'rejected'],
  ['warnings', 'warnings'],
];

/** `line 12` (CSV, NDJSON) or `feature 3` (GeoJSON). */
export function locationText(location: RowLocation): string {
  return 'line' in location ? `line ${location.line}` : `feature ${location.feature}`;
}

/** `FILE: NOT READ (CODE): why`, with the file name and the message escaped (they may quote anything). */
function notReadLine(file: string, error: FileReadFailure): string {
  return `${escapeControlCharacters(file)}: NOT READ (${escapeControlCharacters(error.code)}): ${escapeControlCharacters(error.message)}\n`;
}

/** What a verified bundle was: signer, encryption, and what its maker withheld. */
function bundleLine(bundle: BundleFileSummary): string {
  const name = bundle.signerName === null ? '' : ` (${escapeControlCharacters(bundle.signerName)})`;
  const withheld = Object.entries(bundle.withheld).filter(([, n]) => n > 0);
  const held = withheld.length === 0 ? 'nothing withheld' : `withheld when made: ${withheld.map(([code, n]) => `${n} ${code === 'none' ? 'without a code' : code}`).join(', ')}`;
  return `  verified bundle${bundle.encrypted ? ' (encrypted)' : ''} signed by ${formatFingerprint(bundle.signer)}${name}; ${held}\n`;
}

/**
 * One file's validation result for a terminal: the file and format, a table of the outcome
 * counts, then every rejected row and every warning with its location, field and reason; or,
 * for a file that could not be read, why.
 */
export function formatImportResult(result: FileImportResult): string {
  if (result.error !== undefined) return notReadLine(result.file, result.error);
  const { report } = result;
  let text = `${escapeControlCharacters(result.file)} (${report.format})\n`;
  if (result.bundle !== undefined) text += bundleLine(result.bundle);
  text += formatTable(
    COUNT_COLUMNS.map(([, header]) => header),
    [COUNT_COLUMNS.map(([key]) => String(report.counts[key]))],
    { align: COUNT_COLUMNS.map(() => 'right'), indent: '  ' },
  );
  if (report.rejections.length > 0) {
    text += `  Rejected rows (${report.rejections.length}):\n`;
    text += formatTable(
      ['location', 'field', 'reason'],
      report.rejections.map((r) => [locationText(r.location), r.field, r.reason]),
      { indent: '    ' },
    );
  }
  if (report.warnings.length > 0) {
    text += `  Warnings (${report.warnings.length}):\n`;
    text += formatTable(
      ['location', 'field', 'message', 'original'],
      report.warnings.map((w) => [locationText(w.location), w.field, w.message, w.original]),
      { indent: '    ' },
    );
  }
  return text;
}

/**
 * One line per file with its counts, or why it was not read: the import summary the risk
 * commands print on stderr when any file had problems.
 */
export function formatImportSummary(results: readonly FileImportResult[]): string {
  let text = '';
  let rejected = 0;
  for (const result of results) {
    if (result.error !== undefined) {
      text += notReadLine(result.file, result.error);
      continue;
    }
    const { counts } = result.report;
    rejected += counts.rejected;
    const parts = COUNT_COLUMNS.map(([key, label]) => `${counts[key]} ${counts[key] === 1 && key === 'warnings' ? 'warning' : label}`);
    text += `${escapeControlCharacters(result.file)}: ${parts.join(', ')}\n`;
  }
  if (rejected > 0) text += `${rejected} row(s) rejected; run 'tidegate validate' on the files to see which and why.\n`;
  return text;
}
