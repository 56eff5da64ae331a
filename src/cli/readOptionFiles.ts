import { readFile } from 'node:fs/promises';
import { fingerprint, importPrivateKey, readPrivateJwk, readPublicJwk, type PublicSigningJwk } from '../bundle/signingKeys.ts';
import { restoreViewState } from '../view/restoreViewState.ts';
import type { ViewState } from '../view/ViewState.ts';
import { CliUsageError } from './CliUsageError.ts';
import type { CommandName } from './usageText.ts';

/** Largest option file read (keys, passphrases, views): they are small by nature. */
const MAX_OPTION_FILE_BYTES = 1024 * 1024;

/** The text of an option file; a file that cannot be read is a usage error naming the option. */
async function optionText(path: string, flag: string, command: CommandName): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliUsageError(`${flag} ${path}: cannot read the file (${code})`, command);
  }
  if (bytes.length > MAX_OPTION_FILE_BYTES) throw new CliUsageError(`${flag} ${path}: the file is over ${MAX_OPTION_FILE_BYTES} bytes`, command);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliUsageError(`${flag} ${path}: the file is not UTF-8 text`, command);
  }
}

async function optionJson(path: string, flag: string, command: CommandName): Promise<unknown> {
  const text = await optionText(path, flag, command);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliUsageError(`${flag} ${path}: the file is not JSON`, command);
  }
}

/**
 * The passphrase in a file: its text without one final line ending (`\n` or `\r\n`), so a file
 * written by `echo` works; every other character counts. An empty passphrase is a usage error.
 */
export async function readPassphraseFile(path: string, command: CommandName): Promise<string> {
  const text = (await optionText(path, '--passphrase-file', command)).replace(/\r?\n$/, '');
  if (text.length === 0) throw new CliUsageError(`--passphrase-file ${path}: the passphrase is empty`, command);
  return text;
}

/** A signing key from its JWK file: the private CryptoKey (not extractable) and the public JWK. */
export async function readKeyFile(path: string, command: CommandName): Promise<{ privateKey: CryptoKey; publicKey: PublicSigningJwk }> {
  const jwk = readPrivateJwk(await optionJson(path, '--key', command));
  if (typeof jwk === 'string') throw new CliUsageError(`--key ${path}: not a P-256 private key: ${jwk}`, command);
  try {
    const { d: _d, ...publicKey } = jwk;
    return { privateKey: await importPrivateKey(jwk), publicKey };
  } catch {
    throw new CliUsageError(`--key ${path}: WebCrypto refused the key (is it damaged?)`, command);
  }
}

/** The fingerprint of a trusted key's JWK file (public or private: only the public members are read). */
export async function readTrustFile(path: string, command: CommandName): Promise<string> {
  const jwk = readPublicJwk(await optionJson(path, '--trust', command));
  if (typeof jwk === 'string') throw new CliUsageError(`--trust ${path}: not a P-256 public key: ${jwk}`, command);
  return fingerprint(jwk);
}

/**
 * A view file (a ViewState as JSON, as the board saves it), restored through restoreViewState:
 * fields it cannot use fall back to their defaults, and are listed in `notices` for stderr. A
 * file that is no view at all, or from a newer Tidegate, is a usage error.
 */
export async function readViewFile(path: string, command: CommandName): Promise<{ state: ViewState; notices: string[] }> {
  const restored = restoreViewState(await optionJson(path, '--view', command));
  if (restored.fromNewerVersion) throw new CliUsageError(`--view ${path}: the view is from a newer Tidegate`, command);
  if (restored.notices.some((notice) => notice.field === 'view')) throw new CliUsageError(`--view ${path}: not a Tidegate view`, command);
  return { state: restored.state, notices: restored.notices.map((notice) => `${notice.field} (${notice.problem})`) };
}
