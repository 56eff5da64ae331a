import * as Comlink from 'comlink';
import { computeCellsInSlices } from '../src/events/computeCellsInSlices.ts';
import type { PersistedChunk } from '../src/store/PersistedChunk.ts';
import { TidegateDatabase } from '../src/store/TidegateDatabase.ts';
import { writeStagedChunk } from '../src/store/writeStagedChunk.ts';
import { yieldToEventLoop } from '../src/scheduling/yieldToEventLoop.ts';
import { transferReply, type ChunkWorkerApi } from './protocol.ts';

export type { ChunkWorkerApi } from './protocol.ts';

const connections = new Map<string, Promise<TidegateDatabase>>();

/** This worker's own connection to the database `name`, opened on first use. */
function connection(name: string): Promise<TidegateDatabase> {
  let opening = connections.get(name);
  if (!opening) {
    const db = new TidegateDatabase({ name });
    opening = db.open().then(() => db);
    connections.set(name, opening);
    opening.catch(() => connections.delete(name));
  }
  return opening;
}

/**
 * The chunk worker's API, called by the import thread: H3 cells of a chunk's positions, and the
 * write of a staged chunk through this worker's own connection. Everything large arrives and
 * leaves by transfer.
 */
export const chunkWorkerApi: ChunkWorkerApi = {
  async cells(lon, lat) {
    // In slices, so the events of staged writes in flight are not held up for a whole chunk.
    return transferReply(await computeCellsInSlices(lon, lat, yieldToEventLoop));
  },

  async stage(databaseName: string, record: PersistedChunk): Promise<void> {
    const db = await connection(databaseName);
    await writeStagedChunk(db, record);
  },
};

/** Exposes the API on this worker's scope. */
export function exposeChunkWorker(): void {
  Comlink.expose(chunkWorkerApi);
}
