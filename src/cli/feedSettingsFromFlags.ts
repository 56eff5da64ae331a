import { CliUsageError } from './CliUsageError.ts';
import { feedSettingsProblem, type FeedFileSettings, type ImportFilesOptions } from './importFilesToMemory.ts';
import type { FlagSpecs } from './parseCliArgs.ts';
import { readPassphraseFile } from './readOptionFiles.ts';
import type { CommandName } from './usageText.ts';

/** The flags every command that reads feeds (and bundles) accepts. */
export const FEED_FLAGS = {
  source: { kind: 'string' },
  crs: { kind: 'string' },
  'passphrase-file': { kind: 'string' },
} as const satisfies FlagSpecs;

/**
 * The feed settings of `--source` and `--crs`, checked the way the feed parser checks them.
 * Throws CliUsageError (exit 2) for a source or CRS the parser would refuse.
 */
export function feedSettingsFromFlags(flags: { source?: string; crs?: string }, command: CommandName): FeedFileSettings {
  const settings: FeedFileSettings = { feedSource: flags.source, feedCrs: flags.crs };
  const problem = feedSettingsProblem(settings);
  if (problem !== null) throw new CliUsageError(problem, command);
  return settings;
}

/**
 * Everything FEED_FLAGS set for reading the files: the feed settings, and the passphrase of
 * encrypted bundles read from `--passphrase-file`. Throws CliUsageError (exit 2).
 */
export async function inputSettingsFromFlags(
  flags: { source?: string; crs?: string; 'passphrase-file'?: string },
  command: CommandName,
): Promise<ImportFilesOptions> {
  const settings: ImportFilesOptions = feedSettingsFromFlags(flags, command);
  if (flags['passphrase-file'] !== undefined) settings.passphrase = await readPassphraseFile(flags['passphrase-file'], command);
  return settings;
}
