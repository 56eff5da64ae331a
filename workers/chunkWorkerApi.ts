import * as Comlink from 'comlink';
import type { ResolvedCells } from '../src/events/CellResolver.ts';
import { computeCellsInSlices } from '../src/events/computeCellsInSlices.ts';
import type { PersistedChunk } from '../src/store/PersistedChunk.ts';
import { TidegateDatabase } from '../src/store/TidegateDatabase.ts';
import { writeStagedChunk } from '../src/store/writeStagedChunk.ts';
import { yieldToEventLoop } from '../src/scheduling/yieldToEventLoop.ts';

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
  async cells(lon: Float64Array, lat: Float64Array): Promise<ResolvedCells> {
    // In slices, so the events of staged writes in flight are not held up for a whole chunk.
    const cells = await computeCellsInSlices(lon, lat, yieldToEventLoop);
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
