import type { CliOutput, CliWriter } from './CliOutput.ts';
import { escapeControlCharacters } from './escapeControlCharacters.ts';

function escapingWriter(writer: CliWriter): CliWriter {
  return { write: (text: string) => writer.write(escapeControlCharacters(text, { keepLineFeeds: true })) };
}

/**
 * `output` with every write passed through escapeControlCharacters, line feeds kept: the last
 * guard, so that no control, bidi or invisible character reaches the terminal even from a
 * message nobody escaped. Values are still escaped where they are printed (formatTable, the
 * formatters), because only there can a line feed inside a value be told from the output's own.
 */
export function escapingOutput(output: CliOutput): CliOutput {
  return { stdout: escapingWriter(output.stdout), stderr: escapingWriter(output.stderr) };
}
