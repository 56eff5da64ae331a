import { toStoredEventChunk, type StoredEventChunk } from '../events/StoredEventChunk.ts';
import type { StoredChunk } from './StoredChunk.ts';

/** A `chunks` record as written to IndexedDB: the chunk in its persisted layout (format 4). */
export type PersistedChunk = Omit<StoredChunk, 'chunk'> & { chunk: StoredEventChunk };

/** The persisted form of a chunk record; columns and hashes are shared, not copied. */
export function persistedChunk(record: StoredChunk): PersistedChunk {
  return { ...record, chunk: toStoredEventChunk(record.chunk) };
}

function collectBuffers(value: unknown, into: Set<ArrayBuffer>): void {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) into.add(value.buffer);
  } else if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) collectBuffers(child, into);
  }
}

/** Every buffer of a persisted record (each once), for a transfer list. */
export function persistedChunkTransferables(record: PersistedChunk): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  collectBuffers(record.chunk, buffers);
  collectBuffers(record.hashes, buffers);
  return [...buffers];
}
