import type { EventChunk } from '../events/EventChunk.ts';

/** A published chunk as readers get it: the columns plus the mask of rows to hide. */
export interface PublishedChunk {
  /** Chunk id; ids sort in import order. */
  id: string;
  /** The import that wrote the chunk. */
  importId: string;
  /** Position within that import. */
  seq: number;
  chunk: EventChunk;
  /** recordContentHash() per row. */
  hashes: Float64Array;
  /** 1 = superseded by a later version elsewhere: skip the row. */
  mask: Uint8Array;
  maskedRows: number;
}
