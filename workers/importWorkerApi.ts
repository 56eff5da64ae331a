import * as Comlink from 'comlink';
import { ImportService, STORE_CHANNEL_NAME, type StoreChangedMessage } from '../src/importing/ImportService.ts';
import { DexieEventStore } from '../src/store/DexieEventStore.ts';
import { TIDEGATE_DATABASE_NAME } from '../src/store/TidegateDatabase.ts';
import { connectChunkWorker } from './connectChunkWorker.ts';
import type { ImportWorkerApi } from './protocol.ts';

export type { ImportWorkerApi } from './protocol.ts';

/**
 * Opens the store and wraps an ImportService; other tabs hear of every publish. H3 cells and the
 * writes of staged chunks run on a nested chunk worker (a second core) when this thread can start one.
 */
export async function createImportWorkerApi(): Promise<ImportWorkerApi> {
  const chunkWorker = connectChunkWorker();
  const store = await DexieEventStore.open({ stagedWriter: chunkWorker?.stagedWriter(TIDEGATE_DATABASE_NAME) });
  const channel = new BroadcastChannel(STORE_CHANNEL_NAME);
  // Other tabs hear of each publish here; this tab's page learns it from the import's promise.
  const service = new ImportService(
    store,
    (message: StoreChangedMessage) => channel.postMessage(message),
    undefined,
    chunkWorker?.resolver ?? null,
  );
  return Object.assign(service, { ping: async () => true as const });
}

/** Wraps an API so Comlink can expose it before the store has opened. */
export function exposeImportWorker(): void {
  const ready = createImportWorkerApi();
  Comlink.expose(
    new Proxy({} as ImportWorkerApi, {
      get: (_target, property) => async (...args: unknown[]) => {
        const api = await ready;
        const member = api[property as keyof ImportWorkerApi];
        return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).apply(api, args) : member;
      },
    }),
  );
}
