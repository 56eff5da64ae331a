import { BoardDataService } from '../src/board/BoardDataService.ts';
import { BoardBundles } from '../src/briefing/BoardBundles.ts';
import { buildDemoChunks } from '../src/board/buildDemoChunks.ts';
import { DexieEventStore } from '../src/store/DexieEventStore.ts';
import { transferReply, type BoardWorkerApi } from './protocol.ts';

export type { BoardWorkerApi } from './protocol.ts';

/** The board worker's API over a BoardDataService reading the IndexedDB store; usable in-process as the main-thread fallback. */
export function createBoardWorkerApi(): BoardWorkerApi {
  let store: Promise<DexieEventStore> | null = null;
  // A briefing's bundle stands in for the store (and for the demo set) until it ends.
  const bundles: BoardBundles = new BoardBundles(() => service.loadedTable);
  const service: BoardDataService = new BoardDataService({
    loadStoredChunks: async () => {
      const briefing = bundles.briefingChunks();
      if (briefing !== null) return briefing;
      store ??= DexieEventStore.open();
      const published = await (await store).loadPublishedChunks();
      return published.map(({ chunk, mask, maskedRows }) => ({ chunk, mask: maskedRows > 0 ? mask : undefined }));
    },
    // A briefing's chunks are not the store's: a load of them is never kept for a later one.
    storeVersion: async () => {
      if (bundles.briefingActive) return null;
      store ??= DexieEventStore.open();
      return (await store).generation();
    },
    buildDemoChunks: (now) => (bundles.briefingActive ? [] : buildDemoChunks(now)),
    now: () => Date.now(),
  });
  service.preload();
  return {
    ping: async () => true,
    load: async () => {
      const loaded = await service.load();
      return transferReply(bundles.briefingActive ? { ...loaded, demo: false } : loaded);
    },
    defaultEvaluationTime: async () => service.defaultEvaluationTime(),
    boardQuery: async (query) => transferReply(await service.boardQuery(query)),
    step: async (query) => transferReply(await service.step(query)),
    details: async (query) => transferReply(await service.details(query)),
    bundleTally: async (selection) => bundles.tally(selection),
    exportBundle: async (request, signer, onProgress) => transferReply(await bundles.export(request, signer, onProgress)),
    cancelBundleExport: async () => bundles.cancelExport(),
    inspectBundle: async (file, request) => bundles.inspect(file, request),
    forgetBundle: async () => bundles.forget(),
    beginBriefing: async () => bundles.beginBriefing(),
    endBriefing: async () => bundles.endBriefing(),
  };
}
