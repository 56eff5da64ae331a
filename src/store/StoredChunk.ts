import type { EventChunk } from '../events/EventChunk.ts';

/** Visibility of a chunk: staged chunks belong to an unfinished import and no reader sees them. */
export type ChunkStatus = 'staged' | 'published';

/** One record of the `chunks` table: a columnar block of events plus what the upsert logic needs. */
export interface StoredChunk {
  /** `importId/seq`, with a `~generation` suffix once compaction has rewritten it; see chunkIdFor. */
  id: string;
  importId: string;
  /** Position of the chunk within its import, from 0. */
  seq: number;
  status: ChunkStatus;
  chunk: EventChunk;
  /** recordContentHash() of each row, parallel to the chunk's columns. */
  hashes: Float64Array;
}

/** The id of chunk `seq` of an import; ids sort by import (ids start with a time stamp), then seq. */
export function chunkIdFor(importId: string, seq: number): string {
  return `${importId}/${String(seq).padStart(6, '0')}`;
}

/** The id a compacted rewrite of `chunkId` gets when committed as store generation `generation`. */
export function compactedChunkIdFor(chunkId: string, generation: number): string {
  const base = chunkId.split('~')[0];
  return `${base}~${generation}`;
}
