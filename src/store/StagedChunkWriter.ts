import type { PersistedChunk } from './PersistedChunk.ts';

/**
 * Writes staged chunks somewhere else than the import thread — the chunk worker's own connection
 * to the same database — so that cloning a chunk into IndexedDB does not hold up parsing.
 *
 * `write` may take ownership of (transfer) the record's buffers; it resolves once the chunk is
 * committed and rejects like writeStagedChunk. `available` is false when the other side is known
 * to be gone: the store then writes in its own thread, before anything was handed over.
 */
export interface StagedChunkWriter {
  readonly available: boolean;
  write(record: PersistedChunk): Promise<void>;
}
