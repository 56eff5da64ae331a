/**
 * Limits a bundle must stay within to be read at all (docs/bundle-format.md §6). They bound the
 * memory and time a hostile file can cost before it is refused: a bundle is read whole, and every
 * entry is inflated into a buffer of its declared size.
 */
export interface BundleLimits {
  /** Bytes of the file as given (encrypted or not). */
  maxFileBytes: number;
  /** Entries in the zip, manifest and signature included. */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of every entry together. */
  maxTotalBytes: number;
  /** Uncompressed over compressed size of an entry; entries of up to `ratioExemptBytes` are exempt. */
  maxCompressionRatio: number;
  ratioExemptBytes: number;
  /** Bytes of manifest.json. */
  maxManifestBytes: number;
  /** Bytes of one view entry. */
  maxViewBytes: number;
  /** Events in the bundle. */
  maxEvents: number;
}

/** The limits of bundle format 1. */
export const BUNDLE_LIMITS: Readonly<BundleLimits> = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxEntries: 4096,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioExemptBytes: 64 * 1024,
  maxManifestBytes: 1024 * 1024,
  maxViewBytes: 128 * 1024,
  maxEvents: 20_000_000,
};
