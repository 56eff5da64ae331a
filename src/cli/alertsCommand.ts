import type { CliOutput } from './CliOutput.ts';
import { CliUsageError } from './CliUsageError.ts';
import { FEED_FLAGS, inputSettingsFromFlags } from './feedSettingsFromFlags.ts';
import { alertsToJson, formatAlerts, type AlertRunSettings } from './formatAlerts.ts';
import { importForRisk } from './importForRisk.ts';
import { jsonText } from './jsonText.ts';
import { parseCliArgs, type FlagSpecs } from './parseCliArgs.ts';
import { usageText } from './usageText.ts';

const ALERT_FLAGS = {
  ...FEED_FLAGS,
  at: { kind: 'time' },
  'recent-hours': { kind: 'number', min: 0, exclusiveMin: true },
  'baseline-days': { kind: 'number', min: 0, exclusiveMin: true },
  threshold: { kind: 'number', min: 0, exclusiveMin: true, max: 1 },
  resolution: { kind: 'integer', min: 5, max: 9 },
  json: { kind: 'boolean' },
  help: { kind: 'boolean' },
} as const satisfies FlagSpecs;

/**
 * `tidegate alerts FILE... --at TIME [...]`: imports the files in order into an in-memory store
 * and runs the risk engine's Poisson spike test on every cell and site at TIME. Resolves to 0, or
 * 1 when a file could not be read (the others are still tested); throws CliUsageError.
 */
export async function alertsCommand(args: readonly string[], output: CliOutput): Promise<number> {
  const { positionals: files, flags } = parseCliArgs(args, ALERT_FLAGS, 'alerts');
  if (flags.help === true) {
    output.stdout.write(usageText('alerts'));
    return 0;
  }
  if (files.length === 0) throw new CliUsageError('no feed files given', 'alerts');
  if (flags.at === undefined) throw new CliUsageError('--at TIME is required', 'alerts');
  const settings: AlertRunSettings = {
    at: flags.at,
    resolution: flags.resolution ?? 7,
    recentHours: flags['recent-hours'] ?? 24,
    baselineDays: flags['baseline-days'] ?? 28,
    threshold: flags.threshold ?? 0.001,
  };
  const { engine, allRead } = await importForRisk(files, await inputSettingsFromFlags(flags, 'alerts'), output);
  const result = engine.alerts({ time: settings.at, resolution: settings.resolution }, null, {
    recentHours: settings.recentHours,
    baselineDays: settings.baselineDays,
    pThreshold: settings.threshold,
  });
  const document = alertsToJson(settings, result);
  output.stdout.write(flags.json === true ? jsonText(document) : formatAlerts(document));
  return allRead ? 0 : 1;
}
