import * as Comlink from 'comlink';
import { BoardDataService, type BoardLoadResult } from '../src/board/BoardDataService.ts';
import { buildDemoChunks } from '../src/board/buildDemoChunks.ts';

/** The board worker's API; also usable in-process as the main-thread fallback. */
export interface BoardWorkerApi {
  ping(): Promise<true>;
  load(): Promise<BoardLoadResult>;
}

/** Builds the API over a BoardDataService; large results are marked for transfer. */
export function createBoardWorkerApi(): BoardWorkerApi {
  const service = new BoardDataService({
    loadStoredChunks: async () => [],
    buildDemoChunks,
    now: () => Date.now(),
  });
  return {
    ping: async () => true,
    async load() {
      const result = await service.load();
      return Comlink.transfer(result, [result.snapshot.positions.buffer, result.snapshot.dailyCounts.buffer]);
    },
  };
}
