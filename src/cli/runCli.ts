/** Where the CLI writes. */
export interface CliOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Runs `tidegate <command> ...`; resolves to the process exit code. */
export async function runCli(args: string[], output: CliOutput): Promise<number> {
  output.stdout.write(`tidegate ${args.join(' ')}\n`);
  return 0;
}
