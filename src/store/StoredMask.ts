/**
 * One record of the `masks` table: which rows of a published chunk have been superseded by a
 * later version of their record. Kept apart from the chunk so that an import only rewrites these
 * small records of older chunks, never their columns.
 */
export interface StoredMask {
  chunkId: string;
  /** Rows in the chunk. */
  rows: number;
  /** Number of ones in `mask`. */
  maskedRows: number;
  /** 1 = superseded (hidden), 0 = live; one byte per row. */
  mask: Uint8Array;
}
