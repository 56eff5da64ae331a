import { chmod, rm, writeFile } from 'node:fs/promises';
import { exportPrivateKey, exportPublicKey, fingerprint, formatFingerprint, generateSigningKey } from '../bundle/signingKeys.ts';
import type { CliOutput } from './CliOutput.ts';
import { CliUsageError } from './CliUsageError.ts';
import { escapeControlCharacters } from './escapeControlCharacters.ts';
import { parseCliArgs, type FlagSpecs } from './parseCliArgs.ts';
import { usageText } from './usageText.ts';

const KEYS_CREATE_FLAGS = {
  out: { kind: 'string' },
  help: { kind: 'boolean' },
} as const satisfies FlagSpecs;

/** The public key's file beside a private key file: `KEY.jwk` → `KEY.pub.jwk`. */
export function publicKeyPath(privatePath: string): string {
  return privatePath.endsWith('.jwk') ? `${privatePath.slice(0, -'.jwk'.length)}.pub.jwk` : `${privatePath}.pub.jwk`;
}

/** Writes a new file, refusing to replace one: a key must never be overwritten by accident. */
async function writeNewFile(path: string, text: string, mode: number): Promise<string | null> {
  try {
    await writeFile(path, text, { flag: 'wx', mode });
    // The umask can only have removed bits; set the mode exactly all the same.
    await chmod(path, mode);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return code === 'EEXIST' ? `${path} already exists; a key file is never overwritten` : `cannot write ${path} (${code})`;
  }
}

/**
 * `tidegate keys create --out KEY.jwk`: generates an ECDSA P-256 signing key, writes the private
 * key as a JWK to KEY.jwk with mode 0600 and the public key to KEY.pub.jwk (0644), neither ever
 * replacing an existing file, and prints the fingerprint. Resolves to 0, or 1 when a file could
 * not be written; throws CliUsageError.
 */
export async function keysCommand(args: readonly string[], output: CliOutput): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    output.stdout.write(usageText('keys'));
    return 0;
  }
  if (subcommand !== 'create') throw new CliUsageError(subcommand === undefined ? 'keys needs a subcommand: create' : `unknown keys subcommand '${subcommand}'`, 'keys');
  const { positionals, flags } = parseCliArgs(rest, KEYS_CREATE_FLAGS, 'keys');
  if (flags.help === true) {
    output.stdout.write(usageText('keys'));
    return 0;
  }
  if (positionals.length > 0) throw new CliUsageError(`keys create takes no files (got '${positionals[0]}')`, 'keys');
  if (flags.out === undefined) throw new CliUsageError('--out KEY.jwk is required', 'keys');
  const pair = await generateSigningKey({ extractable: true });
  const privateJwk = await exportPrivateKey(pair.privateKey);
  const publicJwk = await exportPublicKey(pair.publicKey);
  const publicPath = publicKeyPath(flags.out);
  let failure = await writeNewFile(flags.out, `${JSON.stringify(privateJwk, null, 2)}\n`, 0o600);
  if (failure === null) {
    failure = await writeNewFile(publicPath, `${JSON.stringify(publicJwk, null, 2)}\n`, 0o644);
    // Half a key pair is no use: without its public file, the private one goes too.
    if (failure !== null) await rm(flags.out, { force: true });
  }
  if (failure !== null) {
    output.stderr.write(`tidegate: ${escapeControlCharacters(failure)}\n`);
    return 1;
  }
  const print = await fingerprint(publicJwk);
  output.stdout.write(
    `Private key: ${escapeControlCharacters(flags.out)} (mode 0600: keep it to yourself)\n` +
      `Public key:  ${escapeControlCharacters(publicPath)} (give it to those who verify your bundles)\n` +
      `Fingerprint: ${formatFingerprint(print)}\n`,
  );
  return 0;
}
