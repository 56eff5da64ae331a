/** The `format` of every bundle manifest. */
export const BUNDLE_FORMAT = 'tidegate-bundle';

/**
 * Version of the bundle format (docs/bundle-format.md). Bump it whenever an entry, a field or a
 * byte layout changes meaning; a reader refuses every other version with a message naming it.
 */
export const BUNDLE_FORMAT_VERSION = 1;

/** The file extension of a bundle. */
export const BUNDLE_EXTENSION = '.tidegate';

/** The manifest entry: the first in the zip, stored uncompressed. */
export const MANIFEST_PATH = 'manifest.json';

/** The manifest's detached signature: ECDSA P-256 / SHA-256, IEEE P1363 (r ‖ s), 64 bytes. */
export const SIGNATURE_PATH = 'manifest.sig';

/** Most views one bundle carries (their names have three digits). */
export const MAX_VIEWS = 999;

/** The name of chunk entry `index`: `events/000000.chunk` onwards. */
export function chunkEntryPath(index: number): string {
  return `events/${String(index).padStart(6, '0')}.chunk`;
}

/** The name of view entry `index`: `views/000.json` onwards. */
export function viewEntryPath(index: number): string {
  return `views/${String(index).padStart(3, '0')}.json`;
}
