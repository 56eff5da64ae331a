import { access, rename, rm, writeFile } from 'node:fs/promises';
import { createBundle } from '../bundle/createBundle.ts';
import { HANDLING_TALLY_KEYS } from '../bundle/handlingPolicy.ts';
import { formatFingerprint } from '../bundle/signingKeys.ts';
import type { BundleView } from '../bundle/viewEntry.ts';
import { resolveHandling } from '../feeds/feedVocabulary.ts';
import type { CliOutput } from './CliOutput.ts';
import { CliUsageError } from './CliUsageError.ts';
import { escapeControlCharacters } from './escapeControlCharacters.ts';
import { FEED_FLAGS, inputSettingsFromFlags } from './feedSettingsFromFlags.ts';
import { formatImportSummary } from './formatImportResult.ts';
import { importFilesToMemory } from './importFilesToMemory.ts';
import { parseCliArgs, type FlagSpecs } from './parseCliArgs.ts';
import { readKeyFile, readViewFile } from './readOptionFiles.ts';

const BUNDLE_CREATE_FLAGS = {
  ...FEED_FLAGS,
  key: { kind: 'string' },
  out: { kind: 'string' },
  level: { kind: 'string' },
  view: { kind: 'list' },
  note: { kind: 'list' },
  name: { kind: 'string' },
  'no-compress': { kind: 'boolean' },
  help: { kind: 'boolean' },
} as const satisfies FlagSpecs;

/** The flag a word names (`--note`, `--note=…`), or null for a positional word. */
function flagName(word: string): string | null {
  if (!word.startsWith('--')) return null;
  const eq = word.indexOf('=');
  return eq === -1 ? word.slice(2) : word.slice(2, eq);
}

/**
 * Which view each `--note` belongs to: the `--view` just before it. Returns, per view in order,
 * the index of its note among the `--note` values, or -1. A note before any view, or a second note
 * for one view, is a usage error.
 */
export function notesOfViews(args: readonly string[]): number[] {
  const noteOf: number[] = [];
  let notes = 0;
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word === '--') break;
    const name = flagName(word);
    if (name === null) continue;
    const takesValue = !word.includes('=') && Object.hasOwn(BUNDLE_CREATE_FLAGS, name) && BUNDLE_CREATE_FLAGS[name as keyof typeof BUNDLE_CREATE_FLAGS].kind !== 'boolean';
    if (name === 'view') noteOf.push(-1);
    if (name === 'note') {
      if (noteOf.length === 0) throw new CliUsageError('--note must follow the --view it describes', 'bundle');
      if (noteOf[noteOf.length - 1] !== -1) throw new CliUsageError('one --note per --view', 'bundle');
      noteOf[noteOf.length - 1] = notes++;
    }
    if (takesValue) i++;
  }
  return noteOf;
}

/** Writes `bytes` to a new file `path` (never replacing one) by way of a temporary file beside it. */
async function writeNew(path: string, bytes: Uint8Array): Promise<string | null> {
  const partial = `${path}.partial-${process.pid}`;
  try {
    await writeFile(partial, bytes, { flag: 'wx', mode: 0o644 });
    try {
      await access(path);
      await rm(partial, { force: true });
      return `${path} already exists; a bundle is never overwritten`;
    } catch {
      await rename(partial, path);
      return null;
    }
  } catch (error) {
    await rm(partial, { force: true });
    return `cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

/**
 * `tidegate bundle create FILE... --key KEY.jwk --out OUT.tidegate [...]`: imports the files in
 * order into an in-memory store (as `validate` does) and writes a signed bundle of every live
 * record the level lets through, with the views and notes given. Nothing is written when a file
 * cannot be read. Resolves to 0, or 1 (a file not read, the bundle not written); throws
 * CliUsageError.
 */
export async function bundleCreateCommand(args: readonly string[], output: CliOutput, usage: () => string): Promise<number> {
  const { positionals: files, flags } = parseCliArgs(args, BUNDLE_CREATE_FLAGS, 'bundle');
  if (flags.help === true) {
    output.stdout.write(usage());
    return 0;
  }
  const noteOf = notesOfViews(args);
  if (files.length === 0) throw new CliUsageError('no feed files given', 'bundle');
  if (flags.key === undefined) throw new CliUsageError('--key KEY.jwk is required', 'bundle');
  if (flags.out === undefined) throw new CliUsageError('--out OUT.tidegate is required', 'bundle');
  const level = flags.level === undefined ? 'H1' : resolveHandling(flags.level);
  if (level === null) throw new CliUsageError(`--level must be a handling code H1-H5 (or 1-5), got '${flags.level}'`, 'bundle');
  const settings = await inputSettingsFromFlags(flags, 'bundle');
  const signer = await readKeyFile(flags.key, 'bundle');
  const notes = flags.note ?? [];
  const views: BundleView[] = [];
  for (const [index, path] of (flags.view ?? []).entries()) {
    const { state, notices } = await readViewFile(path, 'bundle');
    if (notices.length > 0) output.stderr.write(`${escapeControlCharacters(path)}: fields set to their defaults: ${escapeControlCharacters(notices.join(', '))}\n`);
    views.push({ state, note: noteOf[index] >= 0 ? notes[noteOf[index]] : '' });
  }
  try {
    await access(flags.out);
    output.stderr.write(`tidegate: ${escapeControlCharacters(flags.out)} already exists; a bundle is never overwritten\n`);
    return 1;
  } catch {
    // Free to write.
  }

  const { store, results } = await importFilesToMemory(files, settings);
  const troubled = results.some((r) => r.error !== undefined || r.report.counts.rejected > 0 || r.report.counts.warnings > 0);
  if (troubled) output.stderr.write(formatImportSummary(results));
  if (results.some((r) => r.error !== undefined)) {
    output.stderr.write('tidegate: no bundle written: every file must be read\n');
    return 1;
  }
  const chunks = await store.loadPublishedChunks();
  const { bytes, manifest } = await createBundle(
    { chunks: chunks.map(({ chunk, mask }) => ({ chunk, mask })) },
    {
      signer: { ...signer, name: flags.name ?? null },
      handling: { level, uncodedAs: 'H1' },
      views,
      compress: flags['no-compress'] !== true,
      passphrase: settings.passphrase,
    },
  );
  const failure = await writeNew(flags.out, bytes);
  if (failure !== null) {
    output.stderr.write(`tidegate: ${escapeControlCharacters(failure)}\n`);
    return 1;
  }
  const withheld = HANDLING_TALLY_KEYS.filter((key) => manifest.handling.withheld[key] > 0).map((key) => `${key === 'none' ? 'no code' : key} ${manifest.handling.withheld[key]}`);
  const name = manifest.creator.name === null ? '' : ` (${escapeControlCharacters(manifest.creator.name)})`;
  output.stdout.write(
    `Wrote ${escapeControlCharacters(flags.out)}: ${bytes.length} bytes${settings.passphrase === undefined ? '' : ', encrypted'}\n` +
      `  events     ${manifest.events.count} in ${manifest.events.chunks} chunk entr${manifest.events.chunks === 1 ? 'y' : 'ies'}\n` +
      `  level      ${manifest.handling.level} (records without a handling code count as ${manifest.handling.uncodedAs})\n` +
      `  withheld   ${withheld.length === 0 ? 'none' : withheld.join(', ')}\n` +
      `  views      ${manifest.views}\n` +
      `  signed by  ${formatFingerprint(manifest.creator.fingerprint)}${name}\n`,
  );
  return 0;
}
