import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/runCli.ts';

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with stdout and stderr captured as strings. */
export async function runCaptured(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** A scratch directory made with fs.mkdtemp; write fixtures into it, remove it after the test. */
export interface FixtureDir {
  dir: string;
  /** Writes a file and returns its full path. */
  write(name: string, content: string | Uint8Array): Promise<string>;
  /** Full path of `name` without creating it. */
  path(name: string): string;
  remove(): Promise<void>;
}

/** Creates a fresh fixture directory under the OS temp dir. */
export async function makeFixtureDir(): Promise<FixtureDir> {
  const dir = await mkdtemp(join(tmpdir(), 'tidegate-cli-'));
  return {
    dir,
    async write(name, content) {
      const file = join(dir, name);
      await writeFile(file, content);
      return file;
    },
    path: (name) => join(dir, name),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** CSV header used by the hand-written fixtures. */
export const FIXTURE_HEADER = 'id,source,time,lon,lat,category,kind,severity,site,updated,description';

/**
 * The characters of `text` a terminal could act on or hide — C0/C1 controls, DEL, format
 * characters (bidi controls, zero-width characters), U+2028/U+2029, lone surrogates — as hex
 * code points. Line feeds are allowed: they are the output's own line structure.
 */
export function rawControlCharacters(text: string): string[] {
  const found: string[] = [];
  for (const char of text) {
    if (char === '\n') continue;
    if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(char) || !char.isWellFormed()) found.push((char.codePointAt(0) as number).toString(16));
  }
  return found;
}
