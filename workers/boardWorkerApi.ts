import { BoardDataService } from '../src/board/BoardDataService.ts';
import { buildDemoChunks } from '../src/board/buildDemoChunks.ts';
import { DexieEventStore } from '../src/store/DexieEventStore.ts';
import { transferReply, type BoardWorkerApi } from './protocol.ts';

export type { BoardWorkerApi } from './protocol.ts';

/** The board worker's API over a BoardDataService reading the IndexedDB store; usable in-process as the main-thread fallback. */
export function createBoardWorkerApi(): BoardWorkerApi {
  let store: Promise<DexieEventStore> | null = null;
  const service = new BoardDataService({
    loadStoredChunks: async () => {
      store ??= DexieEventStore.open();
      const published = await (await store).loadPublishedChunks();
      return published.map(({ chunk, mask, maskedRows }) => ({ chunk, mask: maskedRows > 0 ? mask : undefined }));
    },
    buildDemoChunks,
    now: () => Date.now(),
  });
  return {
    ping: async () => true,
    load: async () => transferReply(await service.load()),
    defaultEvaluationTime: async () => service.defaultEvaluationTime(),
    boardQuery: async (query) => transferReply(await service.boardQuery(query)),
    step: async (query) => transferReply(await service.step(query)),
    details: async (query) => transferReply(await service.details(query)),
  };
}
