import type { CommandName } from './usageText.ts';

/**
 * A command line the CLI cannot run: unknown command or flag, missing or malformed flag value,
 * no input files. runCli reports it with the usage text and exit code 2.
 */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
  /** The command whose usage to show, or null for the general usage. */
  readonly command: CommandName | null;

  constructor(message: string, command: CommandName | null = null) {
    super(message);
    this.command = command;
  }
}
