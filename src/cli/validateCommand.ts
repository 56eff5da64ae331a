import type { ImportCounts, ImportReport, RowRejection, RowWarning } from '../domain/ImportReport.ts';
import type { CliOutput } from './CliOutput.ts';
import { CliUsageError } from './CliUsageError.ts';
import { FEED_FLAGS, inputSettingsFromFlags } from './feedSettingsFromFlags.ts';
import { formatImportResult } from './formatImportResult.ts';
import { importFilesToMemory, type BundleFileSummary, type FileImportResult, type FileReadFailure } from './importFilesToMemory.ts';
import { jsonText } from './jsonText.ts';
import { parseCliArgs, type FlagSpecs } from './parseCliArgs.ts';
import { usageText } from './usageText.ts';

const VALIDATE_FLAGS = {
  ...FEED_FLAGS,
  json: { kind: 'boolean' },
  help: { kind: 'boolean' },
} as const satisfies FlagSpecs;

/** One file in `tidegate validate --json`; a bundle also says who signed it and what it withheld. */
export type ValidatedFileJson =
  | { file: string; format: ImportReport['format']; counts: ImportCounts; rejections: RowRejection[]; warnings: RowWarning[]; bundle?: BundleFileSummary }
  | { file: string; error: FileReadFailure };

/** The document `tidegate validate --json` prints. */
export interface ValidateJson {
  files: ValidatedFileJson[];
}

function fileJson(result: FileImportResult): ValidatedFileJson {
  if (result.error !== undefined) return { file: result.file, error: result.error };
  const { format, counts, rejections, warnings } = result.report;
  return { file: result.file, format, counts, rejections, warnings, ...(result.bundle ? { bundle: result.bundle } : {}) };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function totalsLine(results: readonly FileImportResult[]): string {
  const unread = results.filter((r) => r.error !== undefined).length;
  let rows = 0;
  let rejected = 0;
  let warnings = 0;
  for (const { report } of results) {
    rows += report?.counts.rowsIn ?? 0;
    rejected += report?.counts.rejected ?? 0;
    warnings += report?.counts.warnings ?? 0;
  }
  const files = `${plural(results.length, 'file')}${unread > 0 ? ` (${unread} not read)` : ''}`;
  return `Total: ${files}, ${plural(rows, 'row')}, ${rejected} rejected, ${plural(warnings, 'warning')}\n`;
}

/**
 * `tidegate validate FILE... [--json] [--source S] [--crs C]`: imports the files in order into an
 * empty in-memory store and prints each file's report (counts, every rejection and warning).
 * Resolves to 0 when every file was read, 1 when any could not be; throws CliUsageError.
 */
export async function validateCommand(args: readonly string[], output: CliOutput): Promise<number> {
  const { positionals: files, flags } = parseCliArgs(args, VALIDATE_FLAGS, 'validate');
  if (flags.help === true) {
    output.stdout.write(usageText('validate'));
    return 0;
  }
  if (files.length === 0) throw new CliUsageError('no feed files given', 'validate');
  const settings = await inputSettingsFromFlags(flags, 'validate');
  const { results } = await importFilesToMemory(files, settings);
  if (flags.json === true) {
    const document: ValidateJson = { files: results.map(fileJson) };
    output.stdout.write(jsonText(document));
  } else {
    output.stdout.write(results.map(formatImportResult).join('\n'));
    output.stdout.write(`\n${totalsLine(results)}`);
  }
  return results.some((r) => r.error !== undefined) ? 1 : 0;
}
