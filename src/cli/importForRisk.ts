import type { EventTable } from '../risk/EventTable.ts';
import type { CliOutput } from './CliOutput.ts';
import { formatImportSummary } from './formatImportResult.ts';
import { importFilesToMemory, type FeedFileSettings } from './importFilesToMemory.ts';
import { loadRiskTable } from './loadRiskTable.ts';

/** What the risk commands score: the table of every imported file, and whether all were read. */
export interface RiskInput {
  table: EventTable;
  allRead: boolean;
}

/**
 * Imports `files` in order into a fresh in-memory store and loads the risk table from it. When a
 * file was not read or had rejected rows or warnings, the import summary goes to stderr, so that
 * stdout holds only the result.
 */
export async function importForRisk(files: readonly string[], settings: FeedFileSettings, output: CliOutput): Promise<RiskInput> {
  const { store, results } = await importFilesToMemory(files, settings);
  const troubled = results.some((r) => r.error !== undefined || r.report.counts.rejected > 0 || r.report.counts.warnings > 0);
  if (troubled) output.stderr.write(formatImportSummary(results));
  return { table: await loadRiskTable(store), allRead: results.every((r) => r.error === undefined) };
}
