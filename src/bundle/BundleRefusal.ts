/**
 * Why a bundle was refused. Every refusal happens before anything of the bundle is returned, so a
 * refused bundle never reaches the store (docs/bundle-format.md §7).
 */
export const BUNDLE_REFUSAL_CODES = [
  /** The file is over a size limit, or declares more entries or bytes than the limits allow. */
  'too-large',
  /** Not a Tidegate bundle at all (another zip, another file). */
  'not-a-bundle',
  /** A bundle or envelope version this Tidegate does not read; the message names it. */
  'unsupported-version',
  /** The bundle is encrypted and no passphrase was given. */
  'passphrase-required',
  /** Decryption failed: a wrong passphrase, or a damaged file (AES-GCM cannot tell them apart). */
  'wrong-passphrase',
  /** The zip or envelope structure is damaged, truncated, or not the form Tidegate writes. */
  'damaged',
  /** An entry name that could escape a folder: `..`, an absolute path, a backslash, NUL. */
  'unsafe-path',
  /** Two entries with one name. */
  'duplicate-entry',
  /** An entry the manifest does not list, or that format 1 has no place for. */
  'unknown-entry',
  /** An entry the manifest lists is missing. */
  'missing-entry',
  /** An entry inflates beyond its declared size, or its compression ratio is implausible. */
  'zip-bomb',
  /** The manifest's signature does not verify with the key it names. */
  'bad-signature',
  /** An entry's bytes do not match the SHA-256 the signed manifest gives. */
  'hash-mismatch',
  /** The signer is not in the trust list, and a trusted signer was required. */
  'untrusted-signer',
  /** Signed and intact, but the manifest or an entry does not follow the format. */
  'invalid-content',
] as const;

/** One refusal code. */
export type BundleRefusalCode = (typeof BUNDLE_REFUSAL_CODES)[number];

/** A typed refusal: a code to branch on and a message to show. */
export interface BundleRefusal {
  code: BundleRefusalCode;
  message: string;
}

/** Thrown inside the bundle reader; readBundle() turns it into a BundleRefusal. */
export class BundleRefusalError extends Error {
  override readonly name = 'BundleRefusalError';
  readonly code: BundleRefusalCode;

  constructor(code: BundleRefusalCode, message: string) {
    super(message);
    this.code = code;
  }

  /** The refusal as plain data. */
  toRefusal(): BundleRefusal {
    return { code: this.code, message: this.message };
  }
}

/** Throws BundleRefusalError(code, message) unless `condition` holds. */
export function refuseUnless(condition: boolean, code: BundleRefusalCode, message: string): asserts condition {
  if (!condition) throw new BundleRefusalError(code, message);
}
