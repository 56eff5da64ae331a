import { toStoredEventChunk, type StoredEventChunk } from '../events/StoredEventChunk.ts';
import type { StoredChunk } from './StoredChunk.ts';

/** A `chunks` record as written to IndexedDB: the chunk in its persisted layout (format 3). */
export type PersistedChunk = Omit<StoredChunk, 'chunk'> & { chunk: StoredEventChunk };

/** The persisted form of a chunk record; columns and hashes are shared, not copied. */
export function persistedChunk(record: StoredChunk): PersistedChunk {
  return { ...record, chunk: toStoredEventChunk(record.chunk) };
}

/** Every buffer of a persisted record (each once), for a transfer list. */
export function persistedChunkTransferables(record: PersistedChunk): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (view: ArrayBufferView | null) => {
    if (view && view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  };
  for (const column of Object.values(record.chunk.columns)) add(column as ArrayBufferView);
  add(record.hashes);
  const { ids, links, descriptions } = record.chunk.strings;
  for (const packed of [ids, links, descriptions]) {
    add(packed.ascii);
    add(packed.lengths);
    add(packed.wideRows);
  }
  return [...buffers];
}
