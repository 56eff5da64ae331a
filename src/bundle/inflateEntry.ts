import { Inflate } from 'fflate';
import { BundleRefusalError, refuseUnless } from './BundleRefusal.ts';
import { crc32 } from './crc32.ts';
import type { ZipEntry } from './readZip.ts';

/** Compressed bytes handed to the inflater at a time: one piece inflates to at most ~16 MiB before the size check. */
const INFLATE_PIECE_BYTES = 16 * 1024;

/**
 * The uncompressed bytes of an entry, exactly its declared size: inflation stops as soon as the
 * output would pass that size (`zip-bomb`), so a hostile entry never costs more memory than it
 * declared (which readZip has bounded) nor much more time. Checks the CRC-32. Throws
 * BundleRefusalError.
 */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  let out: Uint8Array;
  if (entry.method === 'store') {
    out = entry.stored;
  } else {
    out = new Uint8Array(entry.size);
    let written = 0;
    const inflater = new Inflate((piece) => {
      if (written + piece.length > entry.size) {
        throw new BundleRefusalError('zip-bomb', `the entry ${entry.path} inflates beyond the ${entry.size} bytes it declares`);
      }
      out.set(piece, written);
      written += piece.length;
    });
    try {
      const { stored } = entry;
      if (stored.length === 0) inflater.push(stored, true);
      for (let at = 0; at < stored.length; at += INFLATE_PIECE_BYTES) {
        inflater.push(stored.subarray(at, at + INFLATE_PIECE_BYTES), at + INFLATE_PIECE_BYTES >= stored.length);
      }
    } catch (error) {
      if (error instanceof BundleRefusalError) throw error;
      throw new BundleRefusalError('damaged', `the entry ${entry.path} is not valid DEFLATE data (${error instanceof Error ? error.message : String(error)})`);
    }
    refuseUnless(written === entry.size, 'damaged', `the entry ${entry.path} inflates to ${written} bytes, not the ${entry.size} it declares`);
  }
  refuseUnless(crc32(out) === entry.crc, 'damaged', `the CRC-32 of ${entry.path} does not match its header`);
  return out;
}
