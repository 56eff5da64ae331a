/** A sink the CLI writes text to: `process.stdout`, `process.stderr` or a test buffer. */
export interface CliWriter {
  write(text: string): unknown;
}

/** Where the CLI writes: results on stdout, diagnostics and usage errors on stderr. */
export interface CliOutput {
  stdout: CliWriter;
  stderr: CliWriter;
}
