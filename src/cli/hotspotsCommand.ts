import type { CliOutput } from './CliOutput.ts';
import { CliUsageError } from './CliUsageError.ts';
import { FEED_FLAGS, inputSettingsFromFlags } from './feedSettingsFromFlags.ts';
import { formatHotspots, hotspotsToJson, type HotspotRunSettings } from './formatHotspots.ts';
import { importForRisk } from './importForRisk.ts';
import { jsonText } from './jsonText.ts';
import { parseCliArgs, type FlagSpecs } from './parseCliArgs.ts';
import { usageText } from './usageText.ts';

const DAY_MS = 86_400_000;
/** The risk engine keeps window ages as 32-bit seconds: about 68 years. */
const MAX_WINDOW_DAYS = 24_855;

const HOTSPOT_FLAGS = {
  ...FEED_FLAGS,
  at: { kind: 'time' },
  resolution: { kind: 'integer', min: 5, max: 9 },
  'half-life-days': { kind: 'number', min: 0, exclusiveMin: true },
  'window-days': { kind: 'number', min: 0, exclusiveMin: true, max: MAX_WINDOW_DAYS },
  top: { kind: 'integer', min: 1 },
  json: { kind: 'boolean' },
  help: { kind: 'boolean' },
} as const satisfies FlagSpecs;

/**
 * `tidegate hotspots FILE... --at TIME [...]`: imports the files in order into an in-memory store,
 * scores the H3 cells at TIME with the board's risk engine and prints the top ones. Resolves to 0,
 * or 1 when a file could not be read (the others are still scored); throws CliUsageError.
 */
export async function hotspotsCommand(args: readonly string[], output: CliOutput): Promise<number> {
  const { positionals: files, flags } = parseCliArgs(args, HOTSPOT_FLAGS, 'hotspots');
  if (flags.help === true) {
    output.stdout.write(usageText('hotspots'));
    return 0;
  }
  if (files.length === 0) throw new CliUsageError('no feed files given', 'hotspots');
  if (flags.at === undefined) throw new CliUsageError('--at TIME is required', 'hotspots');
  const settings: HotspotRunSettings = {
    at: flags.at,
    resolution: flags.resolution ?? 7,
    halfLifeDays: flags['half-life-days'] ?? 7,
    windowDays: flags['window-days'] ?? 30,
  };
  const top = flags.top ?? 20;
  const { engine, allRead } = await importForRisk(files, await inputSettingsFromFlags(flags, 'hotspots'), output);
  const { result, top: described } = engine.hotspots({
    time: settings.at,
    resolution: settings.resolution,
    halfLifeMs: settings.halfLifeDays * DAY_MS,
    windowMs: settings.windowDays * DAY_MS,
    topN: top,
  });
  const document = hotspotsToJson(settings, result, described);
  output.stdout.write(flags.json === true ? jsonText(document) : formatHotspots(document));
  return allRead ? 0 : 1;
}
