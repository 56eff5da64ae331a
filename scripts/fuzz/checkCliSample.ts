import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateJson } from '../../src/cli/validateCommand.ts';
import type { FuzzRunResult } from './FuzzTarget.ts';
import type { FuzzFailure, FuzzSample } from './runFuzzCases.ts';

const CLI = fileURLToPath(new URL('../../bin/tidegate.js', import.meta.url));
/** Files per command-line run: one process start (a second or two through tsx) serves many. */
const FILES_PER_RUN = 50;

/** A sampled case with the target and seed it came from. */
export interface CliSampleCase {
  target: string;
  seed: number;
  sample: FuzzSample;
}

function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/**
 * Why the command line's entry for a file disagrees with the in-process result, or null. Counts
 * that depend on the store (accepted, updated, …) are left out: the command line imports all its
 * files into one store, the in-process run each into a new one.
 */
export function cliMismatch(entry: ValidateJson['files'][number] | undefined, expected: FuzzRunResult): string | null {
  if (entry === undefined) return 'the file is missing from the output';
  if (!expected.read) {
    return 'error' in entry && entry.error !== undefined && entry.error.code === expected.code ? null : `expected a refusal (${expected.code}), got ${JSON.stringify(entry).slice(0, 200)}`;
  }
  if (!('counts' in entry)) return `expected a report, got ${JSON.stringify(entry).slice(0, 200)}`;
  const c = entry.counts;
  const sum = c.accepted + c.updated + c.unchanged + c.stale + c.rejected;
  if (c.rowsIn !== sum) return `rows in ${c.rowsIn} ≠ the sum of the outcomes ${sum}`;
  if (entry.format !== expected.format || c.rowsIn !== expected.rowsIn || c.rejected !== expected.rejected || c.warnings !== expected.warnings) {
    return `command line ${entry.format} ${c.rowsIn} rows / ${c.rejected} rejected / ${c.warnings} warnings, in process ${expected.format} ${expected.rowsIn} / ${expected.rejected} / ${expected.warnings}`;
  }
  return null;
}

/**
 * Runs sampled cases through the real command line (`tidegate validate --json`, a new process per
 * FILES_PER_RUN files) and checks it exits 0 or 1, prints one JSON document, and reports each file
 * as the in-process run did.
 */
export async function checkCliSample(cases: readonly CliSampleCase[]): Promise<FuzzFailure[]> {
  const failures: FuzzFailure[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'tidegate-fuzz-'));
  try {
    for (let at = 0; at < cases.length; at += FILES_PER_RUN) {
      const batch = cases.slice(at, at + FILES_PER_RUN);
      const files: string[] = [];
      for (const { target, sample } of batch) {
        const file = join(dir, `${target}-${sample.index}-${sample.input.fileName}`);
        await writeFile(file, sample.input.bytes);
        files.push(file);
      }
      const { code, stdout, stderr } = await runCli(['validate', '--json', '--', ...files]);
      const fail = (k: number, message: string) => {
        const { target, seed, sample } = batch[k];
        failures.push({ target, seed, index: sample.index, kind: 'cli', message });
      };
      let document: ValidateJson | null = null;
      try {
        document = JSON.parse(stdout) as ValidateJson;
      } catch {
        document = null;
      }
      if ((code !== 0 && code !== 1) || document === null) {
        batch.forEach((_, k) => fail(k, `tidegate validate exited ${code}; stderr: ${stderr.slice(0, 300)}`));
        continue;
      }
      const anyUnread = document.files.some((entry) => 'error' in entry && entry.error !== undefined);
      if (code !== (anyUnread ? 1 : 0)) batch.forEach((_, k) => fail(k, `exit code ${code} with ${anyUnread ? 'an unread file' : 'every file read'}`));
      batch.forEach(({ sample }, k) => {
        const problem = cliMismatch(document.files[k], sample.result);
        if (problem !== null) fail(k, problem);
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return failures;
}
