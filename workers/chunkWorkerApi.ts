import * as Comlink from 'comlink';
import type { ResolvedCells } from '../src/events/CellResolver.ts';
import { computeCells } from '../src/events/computeCells.ts';
import type { PersistedChunk } from '../src/store/PersistedChunk.ts';
import { TidegateDatabase } from '../src/store/TidegateDatabase.ts';
import { writeStagedChunk } from '../src/store/writeStagedChunk.ts';

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
export const chunkWorkerApi = {
  cells(lon: Float64Array, lat: Float64Array): ResolvedCells {
    const cells = computeCells(lon, lat);
    return Comlink.transfer(cells, [cells.high.buffer, cells.low.buffer]);
  },

  async stage(databaseName: string, record: PersistedChunk): Promise<void> {
    const db = await connection(databaseName);
    await writeStagedChunk(db, record);
  },
};

/** What the import thread calls through Comlink. */
export type ChunkWorkerApi = typeof chunkWorkerApi;

/** Exposes the API on this worker's scope. */
export function exposeChunkWorker(): void {
  Comlink.expose(chunkWorkerApi);
}
