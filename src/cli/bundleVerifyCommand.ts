import { readFile, stat } from 'node:fs/promises';
import { BUNDLE_LIMITS } from '../bundle/bundleLimits.ts';
import type { BundleManifest } from '../bundle/BundleManifest.ts';
import type { BundleRefusal } from '../bundle/BundleRefusal.ts';
import { HANDLING_TALLY_KEYS } from '../bundle/handlingPolicy.ts';
import { readBundle, type BundleContents, type BundleWarning } from '../bundle/readBundle.ts';
import { formatFingerprint } from '../bundle/signingKeys.ts';
import { formatUtc8 } from '../domain/formatUtc8.ts';
import type { CliOutput } from './CliOutput.ts';
import { CliUsageError } from './CliUsageError.ts';
import { escapeControlCharacters } from './escapeControlCharacters.ts';
import { jsonText } from './jsonText.ts';
import { parseCliArgs, type FlagSpecs } from './parseCliArgs.ts';
import { readPassphraseFile, readTrustFile } from './readOptionFiles.ts';

const BUNDLE_VERIFY_FLAGS = {
  'passphrase-file': { kind: 'string' },
  trust: { kind: 'list' },
  json: { kind: 'boolean' },
  help: { kind: 'boolean' },
} as const satisfies FlagSpecs;

/** `tidegate bundle verify --json` for a verified bundle. */
export interface VerifiedBundleJson {
  file: string;
  verified: true;
  signer: { fingerprint: string; name: string | null; trusted: boolean };
  encrypted: boolean;
  created: string;
  events: BundleManifest['events'];
  handling: BundleManifest['handling'];
  views: { note: string }[];
  entries: { path: string; size: number; sha256: string }[];
  warnings: BundleWarning[];
}

/**
 * `tidegate bundle verify --json` for a refused bundle: a refusal code (BUNDLE_REFUSAL_CODES), or
 * the system's code (`ENOENT`, `EISDIR`, …) for a file that could not be read at all.
 */
export interface RefusedBundleJson {
  file: string;
  verified: false;
  refusal: BundleRefusal | { code: string; message: string };
}

function verifiedJson(file: string, contents: BundleContents): VerifiedBundleJson {
  const { manifest, signer } = contents;
  return {
    file,
    verified: true,
    signer: { fingerprint: signer.fingerprint, name: signer.name, trusted: signer.trusted },
    encrypted: contents.encrypted,
    created: manifest.created,
    events: manifest.events,
    handling: manifest.handling,
    views: contents.views.map(({ note }) => ({ note })),
    entries: manifest.entries.map(({ path, size, sha256 }) => ({ path, size, sha256 })),
    warnings: contents.warnings,
  };
}

function time(ms: number | null): string {
  return ms === null ? '-' : formatUtc8(ms);
}

function verifiedText(document: VerifiedBundleJson, trustGiven: boolean): string {
  const { signer, events, handling } = document;
  const name = signer.name === null ? '' : ` (${escapeControlCharacters(signer.name)})`;
  const trust = signer.trusted ? 'a trusted key' : trustGiven ? 'NOT a trusted key' : 'no --trust given, so not checked against a trust list';
  const withheld = HANDLING_TALLY_KEYS.filter((key) => handling.withheld[key] > 0).map((key) => `${key === 'none' ? 'no code' : key} ${handling.withheld[key]}`);
  let text = `${escapeControlCharacters(document.file)}: VERIFIED (every SHA-256 and the signature)\n`;
  text += `  signed by  ${formatFingerprint(signer.fingerprint)}${name}: ${trust}\n`;
  text += `  created    ${escapeControlCharacters(document.created)}${document.encrypted ? ', encrypted' : ''}\n`;
  text += `  events     ${events.count} in ${events.chunks} chunk entr${events.chunks === 1 ? 'y' : 'ies'}, ${time(events.minTime)} to ${time(events.maxTime)} (UTC+08:00)\n`;
  text += `  level      ${handling.level} (records without a handling code counted as ${handling.uncodedAs}); withheld: ${withheld.length === 0 ? 'none' : withheld.join(', ')}\n`;
  text += `  views      ${document.views.length}\n`;
  document.views.forEach(({ note }, i) => {
    text += `    ${i + 1}. ${escapeControlCharacters(note)}\n`;
  });
  for (const warning of document.warnings) text += `  warning    ${escapeControlCharacters(warning.message)}\n`;
  return text;
}

/**
 * `tidegate bundle verify BUNDLE [--passphrase-file P] [--trust PUB.jwk]... [--json]`: reads the
 * bundle without importing it, checks every hash and the signature (readBundle), and says who
 * signed it and whether that key is one of the trusted ones; with `--trust`, an untrusted signer
 * is a refusal. Resolves to 0 when verified, 1 when refused or unreadable; throws CliUsageError.
 */
export async function bundleVerifyCommand(args: readonly string[], output: CliOutput, usage: () => string): Promise<number> {
  const { positionals, flags } = parseCliArgs(args, BUNDLE_VERIFY_FLAGS, 'bundle');
  if (flags.help === true) {
    output.stdout.write(usage());
    return 0;
  }
  if (positionals.length !== 1) throw new CliUsageError(positionals.length === 0 ? 'no bundle given' : 'verify one bundle at a time', 'bundle');
  const [file] = positionals;
  const passphrase = flags['passphrase-file'] === undefined ? undefined : await readPassphraseFile(flags['passphrase-file'], 'bundle');
  const trusted = await Promise.all((flags.trust ?? []).map((path) => readTrustFile(path, 'bundle')));
  const refuse = (refusal: RefusedBundleJson['refusal']): number => {
    const document: RefusedBundleJson = { file, verified: false, refusal };
    if (flags.json === true) output.stdout.write(jsonText(document));
    else output.stdout.write(`${escapeControlCharacters(file)}: REFUSED (${refusal.code}): ${escapeControlCharacters(refusal.message)}\n`);
    return 1;
  };

  let bytes: Uint8Array;
  try {
    if ((await stat(file)).size > BUNDLE_LIMITS.maxFileBytes) return refuse({ code: 'too-large', message: `the file is over ${BUNDLE_LIMITS.maxFileBytes} bytes` });
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return refuse({ code, message: code === 'ENOENT' ? 'No such file.' : code === 'EISDIR' ? 'This is a directory, not a bundle.' : 'The file cannot be read.' });
  }
  const read = await readBundle(bytes, { passphrase, trusted, requireTrusted: trusted.length > 0 });
  if (!read.ok) return refuse(read.refusal);
  const document = verifiedJson(file, read.contents);
  output.stdout.write(flags.json === true ? jsonText(document) : verifiedText(document, trusted.length > 0));
  return 0;
}
