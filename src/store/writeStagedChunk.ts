import { isQuotaExceededError } from './isQuotaExceededError.ts';
import type { PersistedChunk } from './PersistedChunk.ts';
import type { StoredChunk } from './StoredChunk.ts';
import type { TidegateDatabase } from './TidegateDatabase.ts';

/**
 * Writes a persisted, staged chunk to `chunks` in one short transaction of its own: the one way a
 * staged chunk is written, by the import's connection or by the chunk worker's (see
 * StagedChunkWriter). `fault` (tests) runs inside the transaction after the write was issued.
 *
 * A quota failure is rethrown as a plain Error named `QuotaExceededError`, which keeps its meaning
 * when it is passed between threads (Dexie's wrappers and their `inner` cause would not).
 */
export async function writeStagedChunk(db: TidegateDatabase, record: PersistedChunk, fault?: (chunkId: string) => void): Promise<void> {
  try {
    await db.transaction('rw', [db.chunks], async () => {
      await db.chunks.add(record as unknown as StoredChunk);
      fault?.(record.id);
    });
  } catch (error) {
    if (!isQuotaExceededError(error) || (error instanceof Error && error.name === 'QuotaExceededError')) throw error;
    const portable = new Error(error instanceof Error ? error.message : String(error), { cause: error });
    portable.name = 'QuotaExceededError';
    throw portable;
  }
}
