import { toStoredEventChunk, type StoredEventChunk } from '../events/StoredEventChunk.ts';
import type { StoredChunk } from './StoredChunk.ts';
import { collectTransferables } from '../transfer/collectTransferables.ts';

/** A `chunks` record as written to IndexedDB: the chunk in its persisted layout (format 5). */
export type PersistedChunk = Omit<StoredChunk, 'chunk'> & { chunk: StoredEventChunk };

/** The persisted form of a chunk record; columns and hashes are shared, not copied. */
export function persistedChunk(record: StoredChunk): PersistedChunk {
  return { ...record, chunk: toStoredEventChunk(record.chunk) };
}

/** Every buffer of a persisted record (each once), for a transfer list. */
export function persistedChunkTransferables(record: PersistedChunk): ArrayBuffer[] {
  return collectTransferables([record.chunk, record.hashes]);
}
