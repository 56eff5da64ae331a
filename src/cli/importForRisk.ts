import type { RiskEngine } from '../risk/RiskEngine.ts';
import type { CliOutput } from './CliOutput.ts';
import { formatImportSummary } from './formatImportResult.ts';
import { importFilesToMemory, type ImportFilesOptions } from './importFilesToMemory.ts';
import { loadRiskEngine } from './loadRiskEngine.ts';

/** What the risk commands score: the engine over every imported file, and whether all were read. */
export interface RiskInput {
  engine: RiskEngine;
  allRead: boolean;
}

/**
 * Imports `files` in order into a fresh in-memory store and loads the risk engine from it. When a
 * file was not read or had rejected rows or warnings, the import summary goes to stderr, so that
 * stdout holds only the result.
 */
export async function importForRisk(files: readonly string[], settings: ImportFilesOptions, output: CliOutput): Promise<RiskInput> {
  const { store, results } = await importFilesToMemory(files, settings);
  const troubled = results.some((r) => r.error !== undefined || r.report.counts.rejected > 0 || r.report.counts.warnings > 0);
  if (troubled) output.stderr.write(formatImportSummary(results));
  return { engine: await loadRiskEngine(store), allRead: results.every((r) => r.error === undefined) };
}
