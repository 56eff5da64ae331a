import { CliUsageError } from './CliUsageError.ts';
import { feedSettingsProblem, type FeedFileSettings } from './importFilesToMemory.ts';
import type { FlagSpecs } from './parseCliArgs.ts';
import type { CommandName } from './usageText.ts';

/** The feed-level flags every command that reads feeds accepts. */
export const FEED_FLAGS = {
  source: { kind: 'string' },
  crs: { kind: 'string' },
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
