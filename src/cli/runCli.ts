import { alertsCommand } from './alertsCommand.ts';
import { bundleCommand } from './bundleCommand.ts';
import type { CliOutput } from './CliOutput.ts';
import { CliUsageError } from './CliUsageError.ts';
import { escapeControlCharacters } from './escapeControlCharacters.ts';
import { escapingOutput } from './escapingOutput.ts';
import { hotspotsCommand } from './hotspotsCommand.ts';
import { keysCommand } from './keysCommand.ts';
import { isCommandName, usageText } from './usageText.ts';
import { validateCommand } from './validateCommand.ts';

export type { CliOutput, CliWriter } from './CliOutput.ts';

/** Exit codes of the CLI. */
export const EXIT_CODES = {
  /** Done; rows may have been rejected. */
  ok: 0,
  /** At least one file could not be read (the others were still processed), or a bundle was refused. */
  unreadable: 1,
  /** Unknown command or flag, missing or malformed value, no files. */
  usage: 2,
  /** A bug: an error nobody anticipated. */
  internal: 3,
} as const;

const RUNNERS = {
  validate: validateCommand,
  hotspots: hotspotsCommand,
  alerts: alertsCommand,
  keys: keysCommand,
  bundle: bundleCommand,
} as const;

/**
 * Runs `tidegate <command> ...` with `args` being the words after `tidegate`; resolves to the
 * process exit code (see EXIT_CODES). Never rejects: usage errors print the usage on stderr, and
 * unexpected errors print their stack there. Nothing printed carries a raw control, bidi or
 * invisible character (escapeControlCharacters): values are escaped where they are formatted, and
 * every write passes escapingOutput as the last guard.
 */
export async function runCli(args: readonly string[], rawOutput: CliOutput): Promise<number> {
  const output = escapingOutput(rawOutput);
  const [command, ...rest] = args;
  if (command === undefined) {
    output.stderr.write(usageText());
    return EXIT_CODES.usage;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    output.stdout.write(usageText());
    return EXIT_CODES.ok;
  }
  try {
    if (!isCommandName(command) || command === 'help') throw new CliUsageError(`unknown command '${command}'`);
    return await RUNNERS[command](rest, output);
  } catch (error) {
    if (error instanceof CliUsageError) {
      output.stderr.write(`tidegate: ${escapeControlCharacters(error.message)}\n\n${usageText(error.command)}`);
      return EXIT_CODES.usage;
    }
    output.stderr.write(`tidegate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_CODES.internal;
  }
}
