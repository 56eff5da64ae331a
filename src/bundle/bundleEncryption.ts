import { BundleRefusalError, refuseUnless } from './BundleRefusal.ts';
import { bufferSource, subtleCrypto } from './sha256.ts';

/**
 * The envelope of an encrypted bundle (docs/bundle-format.md §4): a 44-byte header, then the
 * whole bundle zip encrypted with AES-256-GCM under a key derived from the passphrase with
 * PBKDF2-HMAC-SHA-256, with the header as additional authenticated data and the 16-byte tag at
 * the end. One key (fresh salt) and one IV per file, so an IV is never reused under a key.
 */
export const ENVELOPE = {
  /** ASCII `TIDEGATE`. */
  magic: [0x54, 0x49, 0x44, 0x45, 0x47, 0x41, 0x54, 0x45],
  version: 1,
  /** Suite 1: PBKDF2-HMAC-SHA-256 → AES-256-GCM, 96-bit IV, 128-bit tag. */
  suite: 1,
  headerBytes: 44,
  saltBytes: 16,
  ivBytes: 12,
  tagBytes: 16,
  /** OWASP's 2023 floor for PBKDF2-HMAC-SHA-256; fewer is refused as a damaged header. */
  minIterations: 600_000,
  /** A header asking more is refused: it would make opening the file a denial of service. */
  maxIterations: 10_000_000,
} as const;

/** Iterations written by default. */
export const DEFAULT_PBKDF2_ITERATIONS = ENVELOPE.minIterations;

/** Whether `bytes` starts with the encrypted envelope's magic. */
export function isEncryptedBundle(bytes: Uint8Array): boolean {
  if (bytes.length < ENVELOPE.magic.length) return false;
  return ENVELOPE.magic.every((byte, i) => bytes[i] === byte);
}

/**
 * The passphrase as key material: UTF-8 of its NFC form, so the same words typed on another
 * system (composed or decomposed accents) open the file.
 */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  if (passphrase.length === 0) throw new RangeError('The passphrase is empty');
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  const subtle = subtleCrypto();
  const material = await subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', salt: bufferSource(salt), iterations, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Options of encryptBundle(). */
export interface EncryptOptions {
  /** PBKDF2 iterations, at least ENVELOPE.minIterations (default DEFAULT_PBKDF2_ITERATIONS). */
  iterations?: number;
}

/** The encrypted envelope of a bundle zip. */
export async function encryptBundle(zip: Uint8Array, passphrase: string, options: EncryptOptions = {}): Promise<Uint8Array> {
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < ENVELOPE.minIterations || iterations > ENVELOPE.maxIterations) {
    throw new RangeError(`PBKDF2 iterations must be an integer from ${ENVELOPE.minIterations} to ${ENVELOPE.maxIterations}`);
  }
  const header = new Uint8Array(ENVELOPE.headerBytes);
  const view = new DataView(header.buffer);
  header.set(ENVELOPE.magic, 0);
  header[8] = ENVELOPE.version;
  header[9] = ENVELOPE.suite;
  view.setUint32(12, iterations, true);
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(ENVELOPE.saltBytes));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(ENVELOPE.ivBytes));
  header.set(salt, 16);
  header.set(iv, 32);
  const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
  const sealed = new Uint8Array(
    await subtleCrypto().encrypt({ name: 'AES-GCM', iv, additionalData: header, tagLength: 128 }, key, bufferSource(zip)),
  );
  const out = new Uint8Array(header.length + sealed.length);
  out.set(header, 0);
  out.set(sealed, header.length);
  return out;
}

/**
 * The bundle zip inside an encrypted envelope. Throws BundleRefusalError: `unsupported-version`
 * for an envelope version or suite this Tidegate does not know, `damaged` for a header out of
 * bounds or a file too short, and `wrong-passphrase` whenever AES-GCM does not authenticate —
 * which a wrong passphrase and a damaged file cause alike, so the message names both. Nothing is
 * returned unless the whole file authenticates: never partial or garbled plaintext.
 */
export async function decryptBundle(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  refuseUnless(isEncryptedBundle(bytes), 'not-a-bundle', 'this is not an encrypted Tidegate bundle');
  refuseUnless(bytes.length >= ENVELOPE.headerBytes + ENVELOPE.tagBytes, 'damaged', 'the encrypted bundle is truncated');
  const header = bytes.slice(0, ENVELOPE.headerBytes);
  const view = new DataView(header.buffer);
  refuseUnless(header[8] === ENVELOPE.version, 'unsupported-version', `encrypted bundle envelope version ${header[8]}: this Tidegate reads version ${ENVELOPE.version}`);
  refuseUnless(header[9] === ENVELOPE.suite, 'unsupported-version', `encryption suite ${header[9]}: this Tidegate reads suite ${ENVELOPE.suite} (PBKDF2-SHA-256, AES-256-GCM)`);
  refuseUnless(header[10] === 0 && header[11] === 0, 'damaged', 'the encrypted bundle header is damaged (reserved bytes are not zero)');
  const iterations = view.getUint32(12, true);
  refuseUnless(
    iterations >= ENVELOPE.minIterations && iterations <= ENVELOPE.maxIterations,
    'damaged',
    `the encrypted bundle header asks ${iterations} PBKDF2 iterations, outside ${ENVELOPE.minIterations}–${ENVELOPE.maxIterations}: damaged`,
  );
  if (passphrase.length === 0) throw new BundleRefusalError('passphrase-required', 'this bundle is encrypted: give its passphrase');
  const key = await deriveKey(passphrase, header.subarray(16, 32), iterations, 'decrypt');
  try {
    const zip = await subtleCrypto().decrypt(
      { name: 'AES-GCM', iv: header.subarray(32, 44), additionalData: header, tagLength: 128 },
      key,
      bufferSource(bytes.subarray(ENVELOPE.headerBytes)),
    );
    return new Uint8Array(zip);
  } catch {
    throw new BundleRefusalError('wrong-passphrase', 'wrong passphrase or damaged file: the bundle could not be decrypted');
  }
}
