import * as Comlink from 'comlink';
import type { CellResolver } from '../src/events/CellResolver.ts';
import { RemoteCellResolver } from '../src/events/RemoteCellResolver.ts';
import { Tripwire } from '../src/scheduling/Tripwire.ts';
import { persistedChunkTransferables } from '../src/store/PersistedChunk.ts';
import type { StagedChunkWriter } from '../src/store/StagedChunkWriter.ts';
import type { ChunkWorkerApi } from './protocol.ts';

/** The chunk worker as the import thread uses it, and how to stop it. */
export interface ChunkWorkerConnection {
  /** Computes H3 cells on the worker (in this thread once the worker has failed). */
  resolver: CellResolver;
  /** Writes staged chunks of the database `databaseName` through the worker's own connection. */
  stagedWriter(databaseName: string): StagedChunkWriter;
  close(): void;
}

/**
 * Starts the chunk worker — a second thread that computes H3 cells and writes staged chunks
 * while the import thread parses — or returns null where module workers are unavailable (Node, the
 * CLI): importing then does both in its own thread. A worker that fails to load or dies rejects its
 * pending requests; cells then fall back to this thread, and staged writes are done by the import's
 * own connection from the next chunk on (a chunk already handed over fails the import, atomically).
 */
export function connectChunkWorker(): ChunkWorkerConnection | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./chunkWorker.ts', import.meta.url), { type: 'module', name: 'tidegate-chunks' });
  } catch {
    return null;
  }
  const remote = Comlink.wrap<ChunkWorkerApi>(worker);
  // Trips when the worker fails or is closed: every request waiting on it fails then.
  const broken = new Tripwire();
  const onError = (event: Event) => broken.trip(new Error(`The chunk worker failed: ${(event as ErrorEvent).message ?? event.type}`));
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onError);
  const resolver = new RemoteCellResolver((lon, lat) =>
    broken.guard(remote.cells(Comlink.transfer(lon, [lon.buffer]), Comlink.transfer(lat, [lat.buffer]))),
  );
  return {
    resolver,
    stagedWriter: (databaseName) => ({
      get available() {
        return !broken.tripped;
      },
      write: (record) => broken.guard(remote.stage(databaseName, Comlink.transfer(record, persistedChunkTransferables(record)))),
    }),
    close: () => {
      broken.trip(new Error('The chunk worker was closed'));
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
