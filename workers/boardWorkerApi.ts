import * as Comlink from 'comlink';
import { BoardDataService, type BoardLoadResult } from '../src/board/BoardDataService.ts';
import { buildDemoChunks } from '../src/board/buildDemoChunks.ts';
import type { RiskAnswer, RiskQuery } from '../src/board/RiskQuery.ts';
import { DexieEventStore } from '../src/store/DexieEventStore.ts';

/** The board worker's API; also usable in-process as the main-thread fallback. */
export interface BoardWorkerApi {
  ping(): Promise<true>;
  /** Loads (or reloads) the stored events, or the demo set when the store is empty. */
  load(): Promise<BoardLoadResult>;
  /** Default evaluation instant for the loaded data. */
  defaultEvaluationTime(): Promise<number>;
  query(request: RiskQuery): Promise<RiskAnswer>;
  /** Benchmark hook: times `repeat` hotspot passes and returns their durations in ms. */
  timeHotspotPasses(request: RiskQuery, repeat: number): Promise<number[]>;
}

/** Builds the API over a BoardDataService reading the IndexedDB store; large results are transferred. */
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
    async load() {
      const result = await service.load();
      return Comlink.transfer(result, [result.snapshot.positions.buffer, result.snapshot.dailyCounts.buffer]);
    },
    defaultEvaluationTime: async () => service.defaultEvaluationTime(),
    async query(request) {
      const answer = await service.query(request);
      return Comlink.transfer(answer, [
        answer.hotspotScores.buffer,
        answer.hotspotCounts.buffer,
        answer.linkFrom.buffer,
        answer.linkTo.buffer,
        answer.linkWeight.buffer,
      ] as ArrayBuffer[]);
    },
    async timeHotspotPasses(request, repeat) {
      const durations: number[] = [];
      for (let i = 0; i < repeat; i++) durations.push(service.timeHotspotPass(request));
      return durations;
    },
  };
}
