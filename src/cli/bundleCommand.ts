import { bundleCreateCommand } from './bundleCreateCommand.ts';
import { bundleVerifyCommand } from './bundleVerifyCommand.ts';
import type { CliOutput } from './CliOutput.ts';
import { CliUsageError } from './CliUsageError.ts';
import { usageText } from './usageText.ts';

/** `tidegate bundle create …` and `tidegate bundle verify …`. */
export async function bundleCommand(args: readonly string[], output: CliOutput): Promise<number> {
  const [subcommand, ...rest] = args;
  const usage = () => usageText('bundle');
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    output.stdout.write(usage());
    return 0;
  }
  if (subcommand === 'create') return bundleCreateCommand(rest, output, usage);
  if (subcommand === 'verify') return bundleVerifyCommand(rest, output, usage);
  throw new CliUsageError(subcommand === undefined ? 'bundle needs a subcommand: create or verify' : `unknown bundle subcommand '${subcommand}'`, 'bundle');
}
